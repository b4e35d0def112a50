package io.jzmtp.internal;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.util.ArrayList;

/**
 * Fair-queued input: takes one message from each peer with messages in turn (RFC 28 and 30). A peer with nothing
 * queued leaves the rotation until its pipe signals; a peer whose pipe was closed by the other side and drained is
 * removed from the socket (what it sent before leaving is still delivered).
 *
 * <p>Owned by the socket's thread. Allocation free in steady state.
 */
public final class FairQueue {
    private final SocketCore core;
    private final ArrayList<Peer> active = new ArrayList<>();
    private int next;
    private Peer last;

    /** @param core the socket whose peers are read */
    public FairQueue(SocketCore core) {
        this.core = core;
    }

    /** @param peer a new peer */
    public void attach(Peer peer) {
        if (!active.contains(peer)) {
            active.add(peer);
        }
    }

    /** @param peer a peer that left */
    public void detach(Peer peer) {
        int i = active.indexOf(peer);
        if (i >= 0) {
            active.remove(i);
            if (next > i) {
                next--;
            }
        }
    }

    /** @param peer a peer whose pipe has messages again */
    public void readable(Peer peer) {
        if (core.peers().contains(peer)) {
            attach(peer);
        }
    }

    /**
     * Takes the next message in fair order.
     *
     * @return a whole message, or null if no peer has one; {@link #lastPeer()} names where it came from
     */
    public Msg poll() {
        while (!active.isEmpty()) {
            if (next >= active.size()) {
                next = 0;
            }
            Peer p = active.get(next);
            Msg m = p.in().poll();
            if (m != null) {
                next++;
                last = p;
                return m;
            }
            if (p.in().isDrained()) {
                core.removePeer(p);
                detach(p);
            } else {
                active.remove(next);
            }
        }
        return null;
    }

    /** @return the peer the last polled message came from */
    public Peer lastPeer() {
        return last;
    }
}
