package io.jzmtp.transport.engine;

import io.jzmtp.core.Metadata;

/**
 * What a session needs of the engine serving its connection: a ZMTP engine, or a raw one for STREAM sockets. Every
 * method runs on the engine's I/O thread.
 */
public interface Engine {
    /** The outbound pipe has messages again. */
    void outputReady();

    /** The inbound pipe has room again. */
    void inputReady();

    /** Sends what is queued, then closes (the owner enforces the linger). */
    void closeWhenFlushed();

    /** Closes at once. */
    void close();

    /** @return true once closed */
    boolean isClosed();

    /** @return true once the handshake completed (at once for raw connections, which have none) */
    boolean isReady();

    /** @return the peer's address */
    String peerAddress();

    /** @return what the peer announced in its handshake (empty for raw connections) */
    Metadata peerMetadata();
}
