package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/** The send calls shared by the socket types that send and receive (receiving: {@link ReceivingSocket}). Owner thread only. */
abstract class DuplexSocket extends ReceivingSocket implements Sender {
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
}
