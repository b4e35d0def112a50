package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.internal.SubscriptionTrie;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.PeerRouter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What SUB and XSUB share (RFC 29): the subscriptions this socket holds, counted (subscribing twice needs two
 * cancellations), sent to every publisher it is connected to, and sent again in full to a publisher after each new
 * handshake (RFC 29: subscriptions are re-sent on reconnect). The engine puts them on the wire as SUBSCRIBE/CANCEL
 * commands for ZMTP 3.1 peers and as 0x01/0x00 messages for 3.0 peers. Owner thread only.
 */
abstract class Subscriber extends ReceivingSocket {
    private final Map<Key, Integer> held = new LinkedHashMap<>();
    /** The same subscriptions, for matching received messages without allocating (the socket is the subscriber). */
    private final SubscriptionTrie<Subscriber> filter = new SubscriptionTrie<>();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);

    /** A topic as a map key. */
    record Key(byte[] topic) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.topic, topic);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(topic);
        }
    }

    Subscriber(Context context, SocketType type, SocketOptions options) {
        super(context, type, options, new Routing(false, true, false));
        routing.extra = new PeerRouter() {
            @Override
            public void peerAttached(Peer peer) {
                // At once, even before the first handshake (a connecting peer is attached when connect returns):
                // the engine sends what is queued as soon as the connection is ready, whatever this thread is doing.
                sendAllTo(peer, Math.max(1, peer.connections()));
            }

            @Override
            public void peerIdentified(Peer peer) {
                // A reconnect: what was queued for the earlier connection is dropped by the new engine; send the set
                // again for this one (RFC 29). Not when the set already went for this connection.
                if (sentFor(peer) != peer.connections()) {
                    sendAllTo(peer, peer.connections());
                }
            }

            @Override
            public void peerDetached(Peer peer) {
            }

            @Override
            public void peerReadable(Peer peer) {
            }

            @Override
            public void peerWritable(Peer peer) {
            }
        };
    }

    /**
     * Records a subscription change and tells every peer.
     *
     * @param subscribe true to subscribe
     * @param topic the topic
     * @return false if it was a cancellation of a topic not held (nothing is sent then)
     */
    boolean change(boolean subscribe, byte[] topic) {
        Key k = new Key(topic.clone());
        if (subscribe) {
            held.merge(k, 1, Integer::sum);
            filter.subscribe(this, topic, 0, topic.length);
        } else {
            Integer n = held.get(k);
            if (n == null) {
                return false;
            }
            filter.unsubscribe(this, topic, 0, topic.length);
            if (n == 1) {
                held.remove(k);
            } else {
                held.put(k, n - 1);
            }
        }
        byte[] frame = frame(subscribe, topic);
        for (Peer p : core.peers()) {
            // Meant for the connection the peer's set was last sent for: if the peer has reconnected since, the new
            // engine drops it, and the full set sent for the new connection includes this change.
            offer(p, frame, sentFor(p));
        }
        return true;
    }

    /** @return true if some held subscription is a prefix of the frame (the empty topic matches all) */
    boolean matches(DirectBuffer buffer, int off, int len) {
        view.wrap(buffer, off, len);
        return filter.matchesAny(view, 0, len);
    }

    /**
     * Queues the full set to a peer, meant for one of its connections, and records that connection's number in the
     * peer's attachment.
     */
    private void sendAllTo(Peer peer, int connection) {
        peer.attachment = connection;
        for (Map.Entry<Key, Integer> e : held.entrySet()) {
            byte[] frame = frame(true, e.getKey().topic());
            for (int i = 0; i < e.getValue(); i++) {
                offer(peer, frame, connection);
            }
        }
    }

    /** @return the connection the peer's set was last sent for (0 if none) */
    private static int sentFor(Peer peer) {
        return peer.attachment instanceof Integer n ? n : 0;
    }

    private static byte[] frame(boolean subscribe, byte[] topic) {
        byte[] f = new byte[topic.length + 1];
        f[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(topic, 0, f, 1, topic.length);
        return f;
    }

    private static void offer(Peer p, byte[] frame, int connection) {
        Msg m = p.outRecycler().take();
        m.addFrameOwned(frame);
        m.forConnection(connection);
        if (!p.out().offer(m)) {
            m.clear();
        }
    }
}
