package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;

/**
 * The garbage-free frame calls of the socket types that both send and receive whole messages through them (DEALER,
 * PAIR, REQ, REP); each type's rules apply through the {@link ZSocket} hooks. Owner thread only.
 */
abstract class FrameDuplexSocket extends DuplexSocket implements FrameSender, FrameReceiver {
    FrameDuplexSocket(Context context, SocketType type, SocketOptions options, Routing routing) {
        super(context, type, options, routing);
    }

    @Override
    public final void sendMore(DirectBuffer buffer, int offset, int length) {
        appendFrame(buffer, offset, length);
    }

    @Override
    public final boolean send(DirectBuffer buffer, int offset, int length, long timeoutNanos) {
        return sendBuilt(buffer, offset, length, timeoutNanos);
    }

    @Override
    public final int receive(FrameConsumer consumer, long timeoutNanos) {
        return receiveFrames(consumer, timeoutNanos);
    }

    @Override
    public final void sendMoreLent(ByteBuffer frame, Consumer<? super ByteBuffer> release) {
        appendLent(frame, release);
    }

    @Override
    public final boolean sendLent(ByteBuffer frame, Consumer<? super ByteBuffer> release, long timeoutNanos) {
        return sendBuiltLent(frame, release, timeoutNanos);
    }
}
