package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A PAIR socket (RFC 31): an exclusive two-way connection to one peer. Sending waits while the peer's pipe is at its
 * HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PairSocket extends DuplexSocket implements FrameSender, FrameReceiver {
    PairSocket(Context context, SocketOptions options) {
        super(context, SocketType.PAIR, options, new Routing(true, true, true));
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
    public int receive(FrameConsumer consumer, long timeoutNanos) {
        return receiveFrames(consumer, timeoutNanos);
    }
}
