package io.jzmtp.internal;

import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.PeerRouter;
import io.jzmtp.transport.socket.SocketCore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A ROUTER's routing ids (RFC 28): each identified peer gets the {@code Identity} it announced, or, when it announced
 * none (or one starting with a zero octet, which RFC 37 reserves), a generated 5-octet id: {@code 0x00} then a 32-bit
 * counter. A second peer claiming an id in use is refused, unless handover is on, in which case it takes the id and
 * the old peer is dropped.
 *
 * <p>Owned by the socket's thread. Lookups allocate a key (control-path cost of the convenience API).
 */
public final class IdentityTable implements PeerRouter {
    private final SocketCore core;
    private final boolean handover;
    private final boolean generateAll;
    private final HashMap<Key, Peer> byId = new HashMap<>();
    private int counter = ThreadLocalRandom.current().nextInt();

    /** A routing id as a map key. */
    private record Key(byte[] id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.id, id);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(id);
        }
    }

    /**
     * @param core the socket
     * @param handover whether a new peer may take over an id in use
     */
    public IdentityTable(SocketCore core, boolean handover) {
        this(core, handover, false);
    }

    /**
     * @param core the socket
     * @param handover whether a new peer may take over an id in use
     * @param generateAll give every peer a generated id as soon as it attaches (STREAM: raw peers announce nothing)
     */
    public IdentityTable(SocketCore core, boolean handover, boolean generateAll) {
        this.core = core;
        this.handover = handover;
        this.generateAll = generateAll;
    }

    /**
     * @param id a routing id
     * @return the peer that has it, or null
     */
    public Peer lookup(byte[] id) {
        return byId.get(new Key(id));
    }

    /**
     * @param peer an identified peer
     * @return its routing id, or null if it is not identified yet
     */
    public static byte[] idOf(Peer peer) {
        return peer.attachment instanceof byte[] id ? id : null;
    }

    @Override
    public void peerAttached(Peer peer) {
        if (generateAll) {
            byte[] id = generate();
            peer.attachment = id;
            byId.put(new Key(id), peer);
        } else if (peer.metadata().size() > 0) {
            identify(peer);
        }
    }

    @Override
    public void peerIdentified(Peer peer) {
        forget(peer);
        identify(peer);
    }

    private void identify(Peer peer) {
        byte[] id = peer.routingId();
        if (id.length == 0 || id[0] == 0) {
            id = generate();
        }
        Key key = new Key(id);
        Peer holder = byId.get(key);
        if (holder != null && holder != peer) {
            if (!handover) {
                // The id is taken: refuse the newcomer (libzmq does the same without ROUTER_HANDOVER).
                core.removePeer(peer);
                return;
            }
            holder.attachment = null;
            byId.remove(key);
            core.removePeer(holder);
        }
        peer.attachment = id;
        byId.put(key, peer);
    }

    private byte[] generate() {
        while (true) {
            int n = counter++;
            byte[] id = {0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            if (!byId.containsKey(new Key(id))) {
                return id;
            }
        }
    }

    private void forget(Peer peer) {
        byte[] id = idOf(peer);
        if (id != null) {
            Key key = new Key(id);
            if (byId.get(key) == peer) {
                byId.remove(key);
            }
            peer.attachment = null;
        }
    }

    @Override
    public void peerDetached(Peer peer) {
        forget(peer);
    }

    @Override
    public void peerReadable(Peer peer) {
    }

    @Override
    public void peerWritable(Peer peer) {
    }
}
