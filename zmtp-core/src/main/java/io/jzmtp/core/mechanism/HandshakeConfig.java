package io.jzmtp.core.mechanism;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import java.util.Objects;

/**
 * What every mechanism needs to know of its own side: the socket type, the routing id, and application
 * metadata; and the checks every mechanism applies to the peer's metadata.
 *
 * <p>Immutable and thread-safe. Control path: methods allocate.
 */
public final class HandshakeConfig {
    /** The longest Identity the wire allows (RFC 23: {@code identity = 0*255OCTET}). */
    public static final int MAX_IDENTITY = 255;

    private final SocketType socketType;
    private final byte[] routingId;
    private final Metadata applicationMetadata;
    private final Metadata localMetadata;

    /**
     * Creates the configuration.
     *
     * @param socketType our socket type
     * @param routingId our routing id (0 to 255 bytes; sent as {@code Identity} by REQ, DEALER and ROUTER)
     * @param applicationMetadata extra properties, each named {@code X-...} (RFC 23: "Metadata names starting
     *     with X- SHALL be reserved for application use")
     * @throws IllegalArgumentException if the routing id is longer than 255 bytes or a property is not X-
     */
    public HandshakeConfig(SocketType socketType, byte[] routingId, Metadata applicationMetadata) {
        this.socketType = Objects.requireNonNull(socketType, "socketType");
        this.routingId = Objects.requireNonNull(routingId, "routingId").clone();
        this.applicationMetadata = Objects.requireNonNull(applicationMetadata, "applicationMetadata");
        if (routingId.length > MAX_IDENTITY) {
            throw new IllegalArgumentException("routing id of " + routingId.length + " bytes: expected 0 to 255");
        }
        for (Metadata.Property p : applicationMetadata.properties()) {
            if (!p.name().regionMatches(true, 0, "X-", 0, 2)) {
                throw new IllegalArgumentException("application metadata name '" + p.name()
                    + "': expected a name starting with X-");
            }
        }
        Metadata.Builder b = Metadata.builder().put(Metadata.SOCKET_TYPE, socketType.wireName());
        if (socketType.sendsIdentity()) {
            b.put(Metadata.IDENTITY, this.routingId);
        }
        this.localMetadata = b.putAll(applicationMetadata).build();
    }

    /**
     * @param socketType our socket type
     * @return a configuration with no routing id and no application metadata
     */
    public static HandshakeConfig of(SocketType socketType) {
        return new HandshakeConfig(socketType, new byte[0], Metadata.EMPTY);
    }

    /** @return our socket type. */
    public SocketType socketType() {
        return socketType;
    }

    /** @return a copy of our routing id. */
    public byte[] routingId() {
        return routingId.clone();
    }

    /** @return the application properties. */
    public Metadata applicationMetadata() {
        return applicationMetadata;
    }

    /**
     * The metadata we send: {@code Socket-Type}, then {@code Identity} for REQ, DEALER and ROUTER (libzmq sends
     * it from exactly those), then the application properties.
     *
     * @return our metadata
     */
    public Metadata localMetadata() {
        return localMetadata;
    }

    /**
     * Checks the peer's metadata: its {@code Socket-Type}, when present, must name a type compatible with ours
     * (RFC 23, "The Socket-Type Property": the peer "SHOULD enforce that the other peer is using a valid socket
     * type" and "SHOULD handle errors by returning an ERROR command"), and its {@code Identity} must be at most
     * 255 octets (RFC 23, "The Identity Property"). A missing Socket-Type is accepted: RFC 23 says the sender
     * only SHOULD specify it, and libzmq accepts its absence.
     *
     * @param peer the peer's metadata
     * @throws ProtocolException with {@link ProtocolError#INCOMPATIBLE_SOCKET_TYPE} (and an ERROR reply) or
     *     {@link ProtocolError#ZMTP_INVALID_METADATA}
     */
    public void checkPeer(Metadata peer) throws ProtocolException {
        byte[] type = peer.value(Metadata.SOCKET_TYPE);
        if (type != null) {
            SocketType t = SocketType.fromWireName(type, 0, type.length);
            if (t == null || !socketType.isCompatibleWith(t)) {
                String name = peer.text(Metadata.SOCKET_TYPE);
                throw new ProtocolException(ProtocolError.INCOMPATIBLE_SOCKET_TYPE,
                    (t == null ? "unknown peer socket type '" : "peer socket type '") + printable(name)
                        + "' may not talk to " + socketType, ProtocolException.NO_OFFSET, "Invalid socket type");
            }
        }
        byte[] identity = peer.value(Metadata.IDENTITY);
        if (identity != null && identity.length > MAX_IDENTITY) {
            throw new ProtocolException(ProtocolError.ZMTP_INVALID_METADATA,
                "Identity of " + identity.length + " bytes: at most 255 allowed");
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
