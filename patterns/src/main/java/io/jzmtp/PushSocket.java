package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A PUSH socket (RFC 30): sends each message to one of its peers, in turn. Sending waits while every peer is
 * at its HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PushSocket extends ZSocket implements Sender, FrameSender {
    PushSocket(Context context, SocketOptions options) {
        super(context, SocketType.PUSH, options, new Routing(true, false, false));
    }

    @Override
    public boolean send(Message message) {
        return sendMessage(message, defaultSendTimeoutNanos());
    }

    @Override
    public boolean send(Message message, Duration timeout) {
        return sendMessage(message, nanos(timeout));
    }

    @Override
    public boolean trySend(Message message) {
        return sendMessage(message, 0);
    }

    @Override
    public boolean send(byte[] frame) {
        return sendFrame(frame, defaultSendTimeoutNanos());
    }

    @Override
    public boolean send(byte[] frame, Duration timeout) {
        return sendFrame(frame, nanos(timeout));
    }

    @Override
    public boolean trySend(byte[] frame) {
        return sendFrame(frame, 0);
    }

    @Override
    public void sendMore(org.agrona.DirectBuffer buffer, int offset, int length) {
        appendFrame(buffer, offset, length);
    }

    @Override
    public boolean send(org.agrona.DirectBuffer buffer, int offset, int length, long timeoutNanos) {
        return sendBuilt(buffer, offset, length, timeoutNanos);
    }

    @Override
    public void sendMoreLent(ByteBuffer frame, Consumer<? super ByteBuffer> release) {
        appendLent(frame, release);
    }

    @Override
    public boolean sendLent(ByteBuffer frame, Consumer<? super ByteBuffer> release, long timeoutNanos) {
        return sendBuiltLent(frame, release, timeoutNanos);
    }
}
