package io.jzmtp.internal;

import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.util.ArrayList;

/**
 * The rotation shared by round-robin output and fair-queued input: the peers currently able to take part, and whose
 * turn is next. A peer leaves the ring when it cannot take part now (full, or empty) and comes back when its pipe
 * signals; a peer whose pipe the other side closed is removed from the socket.
 *
 * <p>Owned by the socket's thread. Allocation free in steady state.
 */
final class PeerRing {
    private final SocketCore core;
    private final ArrayList<Peer> active = new ArrayList<>();
    private int next;

    PeerRing(SocketCore core) {
        this.core = core;
    }

    void attach(Peer peer) {
        if (!active.contains(peer)) {
            active.add(peer);
        }
    }

    void detach(Peer peer) {
        int i = active.indexOf(peer);
        if (i >= 0) {
            active.remove(i);
            if (next > i) {
                next--;
            }
        }
    }

    /** A peer's pipe signalled: it takes part again, if it is still the socket's. */
    void reactivate(Peer peer) {
        if (core.peers().contains(peer)) {
            attach(peer);
        }
    }

    /** @return the peer whose turn it is, or null if none takes part */
    Peer current() {
        if (active.isEmpty()) {
            return null;
        }
        if (next >= active.size()) {
            next = 0;
        }
        return active.get(next);
    }

    /** The current peer had its turn: the next one is up. */
    void advance() {
        next++;
    }

    /**
     * The current peer cannot take part now: it leaves the ring (its pipe is armed to signal), or, if the other side
     * closed it, leaves the socket.
     *
     * @param closed whether the peer's pipe was closed by the other side
     */
    void dropCurrent(boolean closed) {
        Peer p = active.get(next);
        if (closed) {
            core.removePeer(p);
            detach(p);
        } else {
            active.remove(next);
        }
    }
}
