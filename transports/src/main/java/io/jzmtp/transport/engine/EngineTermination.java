package io.jzmtp.transport.engine;

import io.jzmtp.core.ProtocolError;

/**
 * Why an engine stopped.
 *
 * @param kind the kind of ending
 * @param error the protocol reason for {@link Kind#PROTOCOL_ERROR}, else null
 * @param handshakeComplete whether the handshake had completed
 * @param detail an explanation
 */
public record EngineTermination(Kind kind, ProtocolError error, boolean handshakeComplete, String detail) {
    /** The kinds of endings. */
    public enum Kind {
        /** The peer closed the connection (end of stream). */
        PEER_CLOSED,
        /** The channel failed (reset, broken pipe, ...). */
        IO_ERROR,
        /** The peer broke the protocol; do not reconnect (libzmq does the same). */
        PROTOCOL_ERROR,
        /** The greeting and handshake took longer than the handshake timeout. */
        HANDSHAKE_TIMEOUT,
        /** The peer stopped answering heartbeats. */
        HEARTBEAT_TIMEOUT,
        /** We closed it (socket or context closing, disconnect, unbind). */
        LOCAL_CLOSE
    }

    /** @return true if a connecting side should try again after this ending. */
    public boolean reconnectable() {
        return kind != Kind.PROTOCOL_ERROR && kind != Kind.LOCAL_CLOSE;
    }
}
