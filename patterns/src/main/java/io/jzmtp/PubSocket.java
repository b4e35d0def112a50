package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.socket.Peer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A PUB socket (RFC 29): sends each message to every subscriber whose subscription is a prefix of its first frame.
 * Sending never blocks: a subscriber at its HWM misses the message. It receives nothing.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PubSocket extends Publisher implements Sender, FrameSender {
    PubSocket(Context context, SocketOptions options) {
        super(context, SocketType.PUB, options);
    }

    @Override
    void onSubscription(Peer peer, boolean subscribe, byte[] frame, boolean first) {
    }

    @Override
    public boolean send(Message message) {
        return sendMessage(message, 0);
    }

    /**
     * Sends to every matching subscriber. A PUB never waits (RFC 29), so the timeout is not used.
     *
     * @param message the message
     * @param timeout ignored
     * @return true
     */
    @Override
    public boolean send(Message message, Duration timeout) {
        return sendMessage(message, 0);
    }

    @Override
    public boolean trySend(Message message) {
        return sendMessage(message, 0);
    }

    @Override
    public boolean send(byte[] frame) {
        return sendFrame(frame, 0);
    }

    /**
     * Sends a one-frame message to every matching subscriber. A PUB never waits (RFC 29), so the timeout is not
     * used. The array is not copied: do not modify it afterwards.
     *
     * @param frame the frame
     * @param timeout ignored
     * @return true
     */
    @Override
    public boolean send(byte[] frame, Duration timeout) {
        return sendFrame(frame, 0);
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
        return sendBuilt(buffer, offset, length, 0);
    }

    @Override
    public void sendMoreLent(ByteBuffer frame, Consumer<? super ByteBuffer> release) {
        appendLent(frame, release);
    }

    @Override
    public boolean sendLent(ByteBuffer frame, Consumer<? super ByteBuffer> release, long timeoutNanos) {
        return sendBuiltLent(frame, release, 0);
    }
}
