package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/**
 * A PULL socket (RFC 30): receives messages from all its peers, fairly queued.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PullSocket extends ZSocket implements Receiver, FrameReceiver {
    PullSocket(Context context, SocketOptions options) {
        super(context, SocketType.PULL, options, new Routing(false, true, false));
    }

    @Override
    public Message receive() {
        return receiveMessage(defaultReceiveTimeoutNanos());
    }

    @Override
    public Message receive(Duration timeout) {
        return receiveMessage(nanos(timeout));
    }

    @Override
    public Message tryReceive() {
        return receiveMessage(0);
    }

    @Override
    public byte[] receiveBytes() {
        return receiveFrame(defaultReceiveTimeoutNanos());
    }

    @Override
    public byte[] receiveBytes(Duration timeout) {
        return receiveFrame(nanos(timeout));
    }

    @Override
    public byte[] tryReceiveBytes() {
        return receiveFrame(0);
    }

    @Override
    public boolean hasMore() {
        return moreFrames();
    }

    @Override
    public int receive(FrameConsumer consumer, long timeoutNanos) {
        return receiveFrames(consumer, timeoutNanos);
    }
}
