package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/**
 * A PAIR socket (RFC 31): an exclusive two-way connection to one peer. Sending waits while the peer's pipe is at
 * its HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PairSocket extends ZSocket implements Sender, Receiver {
    PairSocket(Context context, SocketOptions options) {
        super(context, SocketType.PAIR, options, new Routing(true, true, true));
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
    @Override
    public Message receive() {
        return receiveMessage(-1);
    }

    @Override
    public Message receive(Duration timeout) {
        return receiveMessage(nanos(timeout));
    }

    @Override
    public Message tryReceive() {
        return receiveMessage(0);
    }
}
