package io.jzmtp;

import io.jzmtp.internal.FairQueue;
import io.jzmtp.internal.LoadBalancer;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.PeerRouter;
import io.jzmtp.transport.socket.SocketCore;

/**
 * The routing of the simple socket types: round-robin out, fair-queue in, and for PAIR a single peer at a time
 * (RFC 31: "a PAIR socket ... SHALL NOT accept more than one peer"). Owned by the socket's thread.
 */
final class Routing implements PeerRouter {
    private final boolean sends;
    private final boolean receives;
    private final boolean exclusive;
    LoadBalancer out;
    FairQueue in;
    private SocketCore core;
    private Peer only;
    /** Told about peers after this routing (a ROUTER's identity table); may be null. */
    PeerRouter extra;
    /** Run after a peer's pipe signals room (a conflating sender flushes its newest message); may be null. */
    Runnable onWritable;
    private boolean probe;
    private static final byte[] EMPTY = new byte[0];

    Routing(boolean sends, boolean receives, boolean exclusive) {
        this.sends = sends;
        this.receives = receives;
        this.exclusive = exclusive;
    }

    /**
     * @param on send an empty message to each new peer (PROBE_ROUTER)
     * @return this
     */
    Routing probe(boolean on) {
        this.probe = on;
        return this;
    }

    void init(SocketCore core) {
        this.core = core;
        this.out = new LoadBalancer(core);
        this.in = new FairQueue(core);
    }

    @Override
    public void peerAttached(Peer peer) {
        if (exclusive && only != null) {
            // RFC 31: a PAIR talks to one peer; a second one is turned away.
            core.removePeer(peer);
            return;
        }
        only = peer;
        if (sends) {
            out.attach(peer);
        }
        if (receives) {
            in.attach(peer);
        }
        if (extra != null) {
            extra.peerAttached(peer);
        }
        if (probe) {
            io.jzmtp.transport.msg.Msg m = peer.outRecycler().take();
            m.addFrameOwned(EMPTY);
            if (!peer.out().offer(m)) {
                m.clear();
            }
        }
    }

    @Override
    public void peerDetached(Peer peer) {
        out.detach(peer);
        in.detach(peer);
        if (only == peer) {
            only = null;
        }
        if (extra != null) {
            extra.peerDetached(peer);
        }
    }

    @Override
    public void peerIdentified(Peer peer) {
        if (extra != null) {
            extra.peerIdentified(peer);
        }
    }

    @Override
    public void peerReadable(Peer peer) {
        if (receives) {
            in.readable(peer);
        }
        if (extra != null) {
            extra.peerReadable(peer);
        }
    }

    @Override
    public void peerWritable(Peer peer) {
        if (sends) {
            out.writable(peer);
        }
        if (extra != null) {
            extra.peerWritable(peer);
        }
        if (onWritable != null) {
            onWritable.run();
        }
    }
}
