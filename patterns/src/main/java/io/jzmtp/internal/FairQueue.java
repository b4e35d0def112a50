package io.jzmtp.internal;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;

/**
 * Fair-queued input: takes one message from each peer with messages in turn (RFC 28 and 30). A peer with nothing
 * queued leaves the rotation until its pipe signals; a peer whose pipe was closed by the other side and drained is
 * removed from the socket (what it sent before leaving is still delivered).
 *
 * <p>Owned by the socket's thread. Allocation free in steady state.
 */
public final class FairQueue {
    private final PeerRing ring;
    private Peer last;

    /** @param core the socket whose peers are read */
    public FairQueue(SocketCore core) {
        this.ring = new PeerRing(core);
    }

    /** @param peer a new peer */
    public void attach(Peer peer) {
        ring.attach(peer);
    }

    /** @param peer a peer that left */
    public void detach(Peer peer) {
        ring.detach(peer);
    }

    /** @param peer a peer whose pipe has messages again */
    public void readable(Peer peer) {
        ring.reactivate(peer);
    }

    /**
     * Takes the next message in fair order.
     *
     * @return a whole message, or null if no peer has one; {@link #lastPeer()} names where it came from
     */
    public Msg poll() {
        for (Peer p = ring.current(); p != null; p = ring.current()) {
            Msg m = p.in().poll();
            if (m != null) {
                ring.advance();
                last = p;
                return m;
            }
            ring.dropCurrent(p.in().isDrained());
        }
        return null;
    }

    /** @return the peer the last polled message came from */
    public Peer lastPeer() {
        return last;
    }
}
