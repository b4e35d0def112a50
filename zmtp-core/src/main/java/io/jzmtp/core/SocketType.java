package io.jzmtp.core;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ZeroMQ socket types, with their wire names, numeric ids and the RFC compatibility matrix.
 *
 * <p>The wire name is what goes in the {@code Socket-Type} metadata property (RFC 23, "The Socket-Type
 * Property"); the id is libzmq's numeric constant. Draft types (RFC 41, 48, 49, 51, 52) are included and
 * flagged by {@link #isDraft()}. STREAM talks raw TCP, not ZMTP, so it is compatible with no type.
 *
 * <p>Thread-safe (an enum); no method blocks or allocates except {@link #wireNameBytes()}, which copies.
 */
public enum SocketType {
    /** Exclusive pair (RFC 31). */
    PAIR(0, false),
    /** Publisher (RFC 29). */
    PUB(1, false),
    /** Subscriber (RFC 29). */
    SUB(2, false),
    /** Requester (RFC 28). */
    REQ(3, false),
    /** Replier (RFC 28). */
    REP(4, false),
    /** Asynchronous requester or replier (RFC 28). */
    DEALER(5, false),
    /** Identity-routing socket (RFC 28). */
    ROUTER(6, false),
    /** Pipeline receiver (RFC 30). */
    PULL(7, false),
    /** Pipeline sender (RFC 30). */
    PUSH(8, false),
    /** Publisher that sees subscriptions (RFC 29). */
    XPUB(9, false),
    /** Subscriber that sends raw subscriptions (RFC 29). */
    XSUB(10, false),
    /** Raw TCP peer (no ZMTP on the wire). */
    STREAM(11, false),
    /** Thread-safe server (RFC 41, draft). */
    SERVER(12, true),
    /** Thread-safe client (RFC 41, draft). */
    CLIENT(13, true),
    /** Group publisher (RFC 48, draft). */
    RADIO(14, true),
    /** Group subscriber (RFC 48, draft). */
    DISH(15, true),
    /** Gatherer (RFC 49, draft). */
    GATHER(16, true),
    /** Scatterer (RFC 49, draft). */
    SCATTER(17, true),
    /** UDP datagram socket (libzmq draft; never on ZMTP). */
    DGRAM(18, true),
    /** Peer-to-peer (RFC 51, draft). */
    PEER(19, true),
    /** Thread-safe pair (RFC 52, draft). */
    CHANNEL(20, true);

    private static final SocketType[] BY_ID = values();

    private final int id;
    private final boolean draft;
    private final byte[] wireName;

    SocketType(int id, boolean draft) {
        this.id = id;
        this.draft = draft;
        this.wireName = name().getBytes(StandardCharsets.US_ASCII);
    }

    /** @return libzmq's numeric id for this type. */
    public int id() {
        return id;
    }

    /** @return true for the draft types, which libzmq builds only with its draft API. */
    public boolean isDraft() {
        return draft;
    }

    /** @return the upper-case name sent in the {@code Socket-Type} property. */
    public String wireName() {
        return name();
    }

    /** @return a copy of the wire name's ASCII bytes; allocates. */
    public byte[] wireNameBytes() {
        return wireName.clone();
    }

    /**
     * Whether a socket of this type may talk to a peer of the given type (RFC 23 "Socket Compatibility",
     * RFC 28-31, and the draft RFCs for draft types). The relation is symmetric.
     *
     * @param peer the peer's type
     * @return true if the pair is valid
     */
    public boolean isCompatibleWith(SocketType peer) {
        return peers().contains(peer);
    }

    /**
     * The types this type may talk to.
     *
     * @return a fresh set; allocates
     */
    public Set<SocketType> peers() {
        switch (this) {
            case REQ: return EnumSet.of(REP, ROUTER);
            case REP: return EnumSet.of(REQ, DEALER);
            case DEALER: return EnumSet.of(REP, DEALER, ROUTER);
            case ROUTER: return EnumSet.of(REQ, DEALER, ROUTER);
            case PUB: case XPUB: return EnumSet.of(SUB, XSUB);
            case SUB: case XSUB: return EnumSet.of(PUB, XPUB);
            case PUSH: return EnumSet.of(PULL);
            case PULL: return EnumSet.of(PUSH);
            case PAIR: return EnumSet.of(PAIR);
            case CLIENT: return EnumSet.of(SERVER);
            case SERVER: return EnumSet.of(CLIENT);
            case RADIO: return EnumSet.of(DISH);
            case DISH: return EnumSet.of(RADIO);
            case SCATTER: return EnumSet.of(GATHER);
            case GATHER: return EnumSet.of(SCATTER);
            case PEER: return EnumSet.of(PEER);
            case CHANNEL: return EnumSet.of(CHANNEL);
            case DGRAM: return EnumSet.of(DGRAM);
            case STREAM: return EnumSet.noneOf(SocketType.class);
            default: throw new AssertionError(this);
        }
    }

    /**
     * Whether this type sends its {@code Identity} property in the handshake (libzmq sends it from REQ,
     * DEALER and ROUTER; other types' identities are never used by a peer).
     *
     * @return true for REQ, DEALER and ROUTER
     */
    public boolean sendsIdentity() {
        return this == REQ || this == DEALER || this == ROUTER;
    }

    /**
     * Looks a type up by its libzmq numeric id.
     *
     * @param id 0 to 20
     * @return the type
     * @throws IllegalArgumentException if the id is out of range
     */
    public static SocketType fromId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("socket type id " + id + ": expected 0 to " + (BY_ID.length - 1));
        }
        return BY_ID[id];
    }

    /**
     * Looks a type up by its wire name, case-sensitively, as libzmq compares it.
     *
     * @param name a wire name such as {@code "DEALER"}
     * @return the type, or null if no type has that name; does not allocate
     */
    public static SocketType fromWireName(String name) {
        for (SocketType t : BY_ID) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Looks a type up by the bytes of its wire name.
     *
     * @param bytes the array holding the name
     * @param offset where the name starts
     * @param length the name's length
     * @return the type, or null if no type has that name; does not allocate
     */
    public static SocketType fromWireName(byte[] bytes, int offset, int length) {
        for (SocketType t : BY_ID) {
            byte[] n = t.wireName;
            if (n.length == length && java.util.Arrays.equals(n, 0, length, bytes, offset, offset + length)) {
                return t;
            }
        }
        return null;
    }
}
