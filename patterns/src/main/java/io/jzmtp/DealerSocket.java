package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A DEALER socket (RFC 28): sends round-robin to its peers and receives from them fairly queued, with no envelope
 * handling. Sending waits while every peer is at its HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class DealerSocket extends DuplexSocket implements FrameSender, FrameReceiver {
    DealerSocket(Context context, SocketOptions options) {
        super(context, SocketType.DEALER, options, new Routing(true, true, false).probe(options.probeRouter()));
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
