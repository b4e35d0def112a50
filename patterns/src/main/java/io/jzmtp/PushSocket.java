package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/**
 * A PUSH socket (RFC 30): sends each message to one of its peers, in turn. Sending waits while every peer is
 * at its HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PushSocket extends ZSocket implements Sender {
    PushSocket(Context context, SocketOptions options) {
        super(context, SocketType.PUSH, options, new Routing(true, false, false));
    }

    @Override
    public void send(Message message) {
        sendMessage(message, -1);
    }

    @Override
    public boolean send(Message message, Duration timeout) {
        return sendMessage(message, nanos(timeout));
    }

    @Override
    public boolean trySend(Message message) {
        return sendMessage(message, 0);
    }
}
