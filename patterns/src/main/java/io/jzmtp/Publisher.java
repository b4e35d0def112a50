package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.internal.SubscriptionTrie;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.PeerRouter;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What PUB and XPUB share (RFC 29): subscriptions read from each peer's inbound pipe (in the 0x01/0x00 message form,
 * to which the engine turns SUBSCRIBE/CANCEL commands too) into a counted prefix trie, and distribution of each
 * message to every peer with a matching subscription. A peer at its HWM misses the message (RFC 29: "SHALL silently
 * drop the message"), unless XPUB's {@code nodrop}; a peer that leaves loses its subscriptions.
 *
 * <p>Each matching peer gets its own pooled wire message pointing at the same frame arrays: no bytes are copied.
 * Owner thread only.
 */
abstract class Publisher extends ZSocket {
    final SubscriptionTrie<Peer> subscriptions = new SubscriptionTrie<>();
    final ArrayList<Peer> peers = new ArrayList<>();
    /** The subscriber the last message went to: its recycler supplies the next one. */
    private Peer lastRecipient;
    private final ArrayList<Peer> matched = new ArrayList<>();
    private final Consumer<Peer> collect = matched::add;
    private final UnsafeBuffer topic = new UnsafeBuffer(new byte[0]);

    Publisher(Context context, SocketType type, SocketOptions options) {
        super(context, type, options, new Routing(false, false, false));
        routing.extra = new PeerRouter() {
            @Override
            public void peerAttached(Peer peer) {
                peers.add(peer);
                peer.attachment = peer.metadata();
                onPeerAttached(peer);
                readSubscriptions(peer);
            }

            @Override
            public void peerIdentified(Peer peer) {
                checkReconnected(peer);
            }

            @Override
            public void peerDetached(Peer peer) {
                peers.remove(peer);
                subscriptions.removeAll(peer, Publisher.this::lostLast);
            }

            @Override
            public void peerReadable(Peer peer) {
                readSubscriptions(peer);
            }

            @Override
            public void peerWritable(Peer peer) {
                // A conflating publisher sends the newest message that waited for this peer's room.
                if (peer.attachment instanceof Msg waiting && peer.out().offer(waiting)) {
                    peer.attachment = null;
                }
            }
        };
        this.conflating = options.conflate();
    }

    private final boolean conflating;

    /** A new peer arrived (XPUB sends its welcome message here). */
    void onPeerAttached(Peer peer) {
    }

    /**
     * A subscription change arrived from a peer.
     *
     * @param peer the subscriber
     * @param subscribe true to subscribe
     * @param frame the whole frame: 0x01/0x00 then the topic
     * @param first for a subscription, whether it is the first to its topic; for a cancellation, whether it removed
     *     the last
     */
    abstract void onSubscription(Peer peer, boolean subscribe, byte[] frame, boolean first);

    /** A prefix lost its last subscriber because a peer left (XPUB reports it upstream). */
    void lostLast(byte[] prefix) {
    }

    /** @return true if subscriptions from peers are applied as they arrive (XPUB manual mode says no) */
    boolean autoApply() {
        return true;
    }

    private void readSubscriptions(Peer peer) {
        Msg m;
        while ((m = peer.in().poll()) != null) {
            checkReconnected(peer);
            byte kind = m.frameCount() == 1 && m.frameLength(0) >= 1 ? m.frameByte(0, 0) : -1;
            if (kind == 1 || kind == 0) {
                byte[] frame = m.frameBytes(0);
                boolean subscribe = kind == 1;
                boolean edge = !autoApply() ? false : subscribe
                    ? subscriptions.subscribe(peer, frame, 1, frame.length - 1)
                    : subscriptions.unsubscribe(peer, frame, 1, frame.length - 1);
                onSubscription(peer, subscribe, frame, edge);
            } else {
                onUpstream(m);
            }
            peer.inRecycler().recycle(m);
        }
        if (peer.in().isDrained()) {
            core.removePeer(peer);
        }
    }

    /**
     * A connecting peer's pipes outlive its connections, and after each new handshake its subscriber sends all its
     * subscriptions again (RFC 29): those of the previous connection are dropped first, or they would count twice
     * and one cancellation would no longer undo one subscription. Checked after each message taken, since a message
     * written after the new handshake makes the new metadata visible.
     */
    private void checkReconnected(Peer peer) {
        Object now = peer.metadata();
        if (peer.attachment != now) {
            peer.attachment = now;
            subscriptions.removeAll(peer, this::lostLast);
        }
    }

    /**
     * A message from a subscriber that is not a subscription (one frame starting 0x01 or 0x00). A PUB discards it
     * (RFC 29-PUB-8); an XPUB delivers it (29-XPUB-14). Copies what it keeps: {@code m} is recycled on return.
     */
    void onUpstream(Msg m) {
    }

    @Override
    void prepare(Msg m, Message message) {
        // Filled in route(), once the matching peers are known.
    }

    /** @return true if a full subscriber blocks the message (XPUB nodrop) instead of missing it */
    boolean noDrop() {
        return false;
    }

    /** Takes the next message from the recycler of the subscriber the last one went to (PUB has no rotation). */
    @Override
    Peer recyclingPeer() {
        Peer p = lastRecipient;
        return p != null && !p.out().isClosed() ? p : super.recyclingPeer();
    }

    @Override
    int route(Msg m, Message message) {
        if (message != null) {
            byte[] first = message.frame(0);
            topic.wrap(first);
        } else {
            topic.wrap(m.frameBuffer(0), m.frameOffset(0), m.frameLength(0));
        }
        matched.clear();
        subscriptions.match(topic, 0, topic.capacity(), collect);
        if (matched.isEmpty()) {
            return DROPPED;
        }
        if (noDrop()) {
            for (Peer p : matched) {
                if (p.out().hwm() > 0 && p.out().size() >= p.out().hwm()) {
                    matched.clear();
                    return BLOCKED;
                }
            }
        }
        int last = matched.size() - 1;
        for (int i = 0; i <= last; i++) {
            Peer p = matched.get(i);
            Msg copy;
            if (message != null) {
                copy = i == 0 ? m : p.outRecycler().take();
                for (int f = 0, n = message.size(); f < n; f++) {
                    copy.addFrameOwned(message.frame(f));
                }
            } else if (i == last) {
                // The built message itself goes last: once offered, the peer's thread may recycle it.
                copy = m;
            } else {
                copy = p.outRecycler().take();
                for (int f = 0; f < m.frameCount(); f++) {
                    copy.addFrame(m.frameBuffer(f), m.frameOffset(f), m.frameLength(f));
                }
            }
            if (!p.out().offer(copy)) {
                if (p.out().isClosed()) {
                    copy.clear();
                    core.removePeer(p);
                } else if (conflating) {
                    // CONFLATE: the newest message replaces the one waiting for this peer's room.
                    if (p.attachment instanceof Msg older) {
                        older.clear();
                    }
                    p.attachment = copy;
                } else {
                    release(copy);
                }
            } else {
                lastRecipient = p;
            }
        }
        matched.clear();
        return SENT;
    }

    @Override
    boolean pollOut() {
        return true;
    }
}
