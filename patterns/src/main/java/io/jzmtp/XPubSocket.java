package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * An XPUB socket (RFC 29): a PUB that also hands the application the subscriptions it receives, as one-frame
 * messages {@code 0x01+topic} (subscribe) or {@code 0x00+topic} (cancel), whatever form they had on the wire. By
 * default only the first subscription to a topic and the cancellation of its last one are passed up; {@code verbose}
 * passes every subscription, {@code verboser} every cancellation too. When a subscriber leaves, the topics only it
 * held are passed up as cancellations. Any other message a subscriber sends (an XSUB's upstream traffic) is
 * delivered as it is. {@code nodrop} makes a full subscriber back-pressure instead of a drop.
 * {@code welcome} is sent to every new subscriber. In {@code manual} mode nothing is applied automatically: the
 * application calls {@link #subscribe}/{@link #unsubscribe} for the peer whose subscription it last received.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class XPubSocket extends Publisher implements Sender, Receiver {
    private final ArrayDeque<ArrayList<byte[]>> upstream = new ArrayDeque<>();
    private final XPubOptions x;
    private Peer lastSubscriber;

    XPubSocket(Context context, SocketOptions options, XPubOptions x) {
        super(context, SocketType.XPUB, options);
        this.x = x;
    }

    @Override
    void onPeerAttached(Peer peer) {
        if (x.welcome() != null) {
            Msg m = peer.outRecycler().take();
            m.addFrameOwned(x.welcome());
            if (!peer.out().offer(m)) {
                m.clear();
            }
        }
    }

    @Override
    boolean autoApply() {
        return !x.manual();
    }

    @Override
    boolean noDrop() {
        return x.nodrop();
    }

    @Override
    void onSubscription(Peer peer, boolean subscribe, byte[] frame, boolean edge) {
        lastSubscriber = peer;
        boolean pass = x.manual() || edge || (subscribe ? x.verbose() || x.verboser() : x.verboser());
        if (pass) {
            upstream.add(one(frame));
        }
    }

    @Override
    void onUpstream(Msg m) {
        // RFC 29: an XPUB delivers what its subscribers send, subscriptions and other messages alike.
        upstream.add(frames(m, 0));
    }

    private static ArrayList<byte[]> one(byte[] frame) {
        ArrayList<byte[]> one = new ArrayList<>(1);
        one.add(frame);
        return one;
    }

    @Override
    void lostLast(byte[] prefix) {
        byte[] frame = new byte[prefix.length + 1];
        System.arraycopy(prefix, 0, frame, 1, prefix.length);
        upstream.add(one(frame));
    }

    /**
     * Manual mode: applies a subscription for the peer whose subscription was received last.
     *
     * @param topic the topic
     */
    public void subscribe(byte[] topic) {
        if (lastSubscriber != null && peers.contains(lastSubscriber)) {
            subscriptions.subscribe(lastSubscriber, topic, 0, topic.length);
        }
    }

    /**
     * Manual mode: removes a subscription of the peer whose subscription was received last.
     *
     * @param topic the topic
     */
    public void unsubscribe(byte[] topic) {
        if (lastSubscriber != null && peers.contains(lastSubscriber)) {
            subscriptions.unsubscribe(lastSubscriber, topic, 0, topic.length);
        }
    }

    /** @param topic manual mode: {@link #subscribe(byte[])} with UTF-8 text */
    public void subscribe(String topic) {
        subscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean send(Message message) {
        return sendMessage(message, x.nodrop() ? defaultSendTimeoutNanos() : 0);
    }

    @Override
    public boolean send(Message message, Duration timeout) {
        return sendMessage(message, x.nodrop() ? nanos(timeout) : 0);
    }

    @Override
    public boolean trySend(Message message) {
        return sendMessage(message, 0);
    }

    @Override
    public boolean send(byte[] frame) {
        return sendFrame(frame, x.nodrop() ? defaultSendTimeoutNanos() : 0);
    }

    @Override
    public boolean send(byte[] frame, Duration timeout) {
        return sendFrame(frame, x.nodrop() ? nanos(timeout) : 0);
    }

    @Override
    public boolean trySend(byte[] frame) {
        return sendFrame(frame, 0);
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

    /** Subscriptions and upstream messages come from this socket's own queue, not from a pipe. */
    @Override
    boolean framesViaMessage() {
        return true;
    }

    @Override
    Message receiveWhole(long timeoutNanos) {
        return next(timeoutNanos);
    }

    private Message next(long timeoutNanos) {
        core.checkOpen();
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : core.context().clock().nanoTime() + timeoutNanos;
        while (true) {
            core.processCommands();
            ArrayList<byte[]> frames = upstream.poll();
            if (frames != null) {
                return Message.wrap(frames);
            }
            if (timeoutNanos == 0 || core.context().clock().nanoTime() >= deadline) {
                return null;
            }
            if (core.await(deadline) == io.jzmtp.transport.io.AwaitResult.INTERRUPTED) {
                throw new SocketInterruptedException();
            }
        }
    }

    @Override
    boolean pollIn() {
        return moreFrames() || !upstream.isEmpty();
    }
}
