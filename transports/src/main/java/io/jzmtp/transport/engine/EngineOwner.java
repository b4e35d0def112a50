package io.jzmtp.transport.engine;

import io.jzmtp.transport.socket.Peer;

/**
 * The session an engine belongs to (a connecting or an accepted connection). Called on the engine's I/O thread.
 */
public interface EngineOwner {
    /**
     * The handshake completed.
     *
     * @param engine the engine
     * @return the peer whose pipes the engine must serve from now on
     */
    Peer onHandshakeComplete(Engine engine);

    /**
     * The engine stopped and its channel is closed. Called exactly once.
     *
     * @param engine the engine
     * @param termination why
     */
    void onEngineClosed(Engine engine, EngineTermination termination);
}
