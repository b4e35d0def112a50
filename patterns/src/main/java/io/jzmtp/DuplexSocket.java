package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/** The send and receive calls shared by the socket types that do both. Owner thread only. */
abstract class DuplexSocket extends ZSocket implements Sender, Receiver {
    DuplexSocket(Context context, SocketType type, SocketOptions options, Routing routing) {
        super(context, type, options, routing);
    }

    @Override
    public final boolean send(Message message) {
        return sendMessage(message, defaultSendTimeoutNanos());
    }

    @Override
    public final boolean send(Message message, Duration timeout) {
        return sendMessage(message, nanos(timeout));
    }

    @Override
    public final boolean trySend(Message message) {
        return sendMessage(message, 0);
    }

    @Override
    public final boolean send(byte[] frame) {
        return sendFrame(frame, defaultSendTimeoutNanos());
    }

    @Override
    public final boolean send(byte[] frame, Duration timeout) {
        return sendFrame(frame, nanos(timeout));
    }

    @Override
    public final boolean trySend(byte[] frame) {
        return sendFrame(frame, 0);
    }

    @Override
    public final Message receive() {
        return receiveMessage(defaultReceiveTimeoutNanos());
    }

    @Override
    public final Message receive(Duration timeout) {
        return receiveMessage(nanos(timeout));
    }

    @Override
    public final Message tryReceive() {
        return receiveMessage(0);
    }

    @Override
    public final byte[] receiveBytes() {
        return receiveFrame(defaultReceiveTimeoutNanos());
    }

    @Override
    public final byte[] receiveBytes(Duration timeout) {
        return receiveFrame(nanos(timeout));
    }

    @Override
    public final byte[] tryReceiveBytes() {
        return receiveFrame(0);
    }

    @Override
    public final boolean hasMore() {
        return moreFrames();
    }
}
