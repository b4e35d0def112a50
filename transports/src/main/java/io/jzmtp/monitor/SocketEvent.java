package io.jzmtp.monitor;

import io.jzmtp.core.ProtocolError;
import java.util.Objects;

/**
 * Something that happened to a socket's connections, as reported by its monitor.
 *
 * @param kind what happened
 * @param endpoint the endpoint concerned (the bound or connected address; for accepted connections, the
 *     listening endpoint)
 * @param error the protocol reason, for {@link Kind#HANDSHAKE_FAILED} and for {@link Kind#DISCONNECTED} after a
 *     protocol error; otherwise null
 * @param detail a human-readable explanation (an exception message, a peer address, a delay), never null
 * @param value a number that goes with the event: the retry delay in milliseconds for
 *     {@link Kind#CONNECT_RETRIED}, otherwise 0
 */
public record SocketEvent(Kind kind, String endpoint, ProtocolError error, String detail, long value) {
    /** The kinds of events. */
    public enum Kind {
        /** A bind succeeded; the socket listens on the endpoint. */
        LISTENING,
        /** A bind failed; the detail says why. */
        BIND_FAILED,
        /** A connection was accepted on a listening endpoint. */
        ACCEPTED,
        /** An accept failed; the detail says why. */
        ACCEPT_FAILED,
        /** A connection was established to a connected endpoint. */
        CONNECTED,
        /** A connection attempt is in progress and did not complete at once. */
        CONNECT_DELAYED,
        /** A connection attempt failed or a connection was lost; a new attempt is scheduled after the value in ms. */
        CONNECT_RETRIED,
        /** The ZMTP handshake completed; the connection carries messages. */
        HANDSHAKE_SUCCEEDED,
        /** The ZMTP handshake failed with the reason in {@link SocketEvent#error()}. */
        HANDSHAKE_FAILED,
        /** An established connection was lost or closed. */
        DISCONNECTED,
        /** A listening endpoint was closed. */
        CLOSED,
        /** The monitor stopped; no more events follow. */
        MONITOR_STOPPED
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if kind, endpoint or detail is null
     */
    public SocketEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param kind what happened
     * @param endpoint where
     * @param detail an explanation
     * @return an event with no protocol error and no value
     */
    public static SocketEvent of(Kind kind, String endpoint, String detail) {
        return new SocketEvent(kind, endpoint, null, detail, 0);
    }
}
