package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A PULL socket (RFC 30): receives messages from all its peers, fairly queued.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PullSocket extends ReceivingSocket implements FrameReceiver {
    PullSocket(Context context, SocketOptions options) {
        super(context, SocketType.PULL, options, new Routing(false, true, false));
    }

    @Override
    public int receive(FrameConsumer consumer, long timeoutNanos) {
        return receiveFrames(consumer, timeoutNanos);
    }
}
