package io.jzmtp.transport.socket;

/**
 * The routing of one socket type, told about its peers. Called on the socket's owner thread, while it drains its
 * mailbox.
 */
public interface PeerRouter {
    /**
     * A peer is attached: its pipes may be used.
     *
     * @param peer the peer
     */
    void peerAttached(Peer peer);

    /**
     * A peer went away. Its pipes are closed by the core after this returns; messages still queued to it are
     * discarded (RFC 28-31: the queue of a disconnected peer is destroyed).
     *
     * @param peer the peer
     */
    void peerDetached(Peer peer);

    /**
     * A peer's inbound pipe has messages again (edge).
     *
     * @param peer the peer
     */
    void peerReadable(Peer peer);

    /**
     * A peer's outbound pipe has room again (edge).
     *
     * @param peer the peer
     */
    void peerWritable(Peer peer);

    /**
     * A peer attached before its handshake (a connecting peer without IMMEDIATE) completed it: its routing id and
     * metadata are now known.
     *
     * @param peer the peer
     */
    default void peerIdentified(Peer peer) {
    }
}
