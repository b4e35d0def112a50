package io.jzmtp.internal;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;

/**
 * Round-robin over the peers that can take a message (RFC 28 and 30: outgoing messages go to available peers in
 * turn). A peer whose pipe is at its HWM leaves the rotation until its pipe signals room; a peer whose pipe was closed
 * by the other side is removed from the socket.
 *
 * <p>Owned by the socket's thread. Allocation free in steady state.
 */
public final class LoadBalancer {
    private final PeerRing ring;
    private Peer last;

    /** @param core the socket whose peers are balanced */
    public LoadBalancer(SocketCore core) {
        this.ring = new PeerRing(core);
    }

    /** @param peer a new peer, writable at first */
    public void attach(Peer peer) {
        ring.attach(peer);
    }

    /** @param peer a peer that left */
    public void detach(Peer peer) {
        ring.detach(peer);
    }

    /** @param peer a peer whose pipe has room again */
    public void writable(Peer peer) {
        ring.reactivate(peer);
    }

    /** @return a peer that may take the next message, for taking a recycled message from it; or null */
    public Peer current() {
        return ring.current();
    }

    /**
     * Whether some peer can take a message now. Peers found full leave the rotation and are armed to signal room.
     *
     * @return true if a send would succeed now
     */
    public boolean canSend() {
        for (Peer p = ring.current(); p != null; p = ring.current()) {
            if (p.out().writable()) {
                return true;
            }
            ring.dropCurrent(p.out().isClosed());
        }
        return false;
    }

    /** @return the peer that took the last message sent */
    public Peer lastPeer() {
        return last;
    }

    /**
     * Sends a message to the next peer that takes it.
     *
     * @param m the whole message
     * @return true if a peer took it; false if none could (no peers, or all at their HWM)
     */
    public boolean send(Msg m) {
        for (Peer p = ring.current(); p != null; p = ring.current()) {
            if (p.out().offer(m)) {
                ring.advance();
                last = p;
                return true;
            }
            ring.dropCurrent(p.out().isClosed());
        }
        return false;
    }
}
