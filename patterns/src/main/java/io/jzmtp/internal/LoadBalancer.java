package io.jzmtp.internal;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.util.ArrayList;

/**
 * Round-robin over the peers that can take a message (RFC 28 and 30: outgoing messages go to available peers in
 * turn). A peer whose pipe is at its HWM leaves the rotation until its pipe signals room; a peer whose pipe was closed
 * by the other side is removed from the socket.
 *
 * <p>Owned by the socket's thread. Allocation free in steady state.
 */
public final class LoadBalancer {
    private final SocketCore core;
    private final ArrayList<Peer> active = new ArrayList<>();
    private int next;
    private Peer last;

    /** @param core the socket whose peers are balanced */
    public LoadBalancer(SocketCore core) {
        this.core = core;
    }

    /** @param peer a new peer, writable at first */
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

    /** @param peer a peer whose pipe has room again */
    public void writable(Peer peer) {
        if (core.peers().contains(peer)) {
            attach(peer);
        }
    }

    /** @return a peer that may take the next message, for taking a recycled message from it; or null */
    public Peer current() {
        if (active.isEmpty()) {
            return null;
        }
        if (next >= active.size()) {
            next = 0;
        }
        return active.get(next);
    }

    /**
     * Whether some peer can take a message now. Peers found full leave the rotation and are armed to signal room.
     *
     * @return true if a send would succeed now
     */
    public boolean canSend() {
        while (!active.isEmpty()) {
            if (next >= active.size()) {
                next = 0;
            }
            Peer p = active.get(next);
            if (p.out().writable()) {
                return true;
            }
            if (p.out().isClosed()) {
                core.removePeer(p);
                detach(p);
            } else {
                active.remove(next);
            }
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
        while (!active.isEmpty()) {
            if (next >= active.size()) {
                next = 0;
            }
            Peer p = active.get(next);
            if (p.out().offer(m)) {
                next++;
                last = p;
                return true;
            }
            if (p.out().isClosed()) {
                core.removePeer(p);
                detach(p);
            } else {
                active.remove(next);
            }
        }
        return false;
    }
}
