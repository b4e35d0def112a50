package io.jzmtp.core;

import java.util.Objects;

/**
 * A peer broke the ZMTP protocol. The connection that produced it must be closed, and the reason reported.
 *
 * <p>Raised only by the pure codec on bytes that came from the network; never thrown across the public API.
 * It carries the reason, a human-readable detail, and the offset of the offending byte in the connection's
 * inbound stream (or {@code -1} where no single byte is at fault). It records no stack trace: it describes the
 * peer, not our code.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The offset reported where no single inbound byte is at fault. */
    public static final long NO_OFFSET = -1;

    private final ProtocolError error;
    private final long offset;
    private final String errorReply;

    /**
     * Creates an exception with no inbound offset and no ERROR reply.
     *
     * @param error the reason
     * @param detail what exactly was wrong
     */
    public ProtocolException(ProtocolError error, String detail) {
        this(error, detail, NO_OFFSET, null);
    }

    /**
     * Creates an exception.
     *
     * @param error the reason
     * @param detail what exactly was wrong
     * @param offset the offset of the offending byte in the inbound stream, or {@link #NO_OFFSET}
     * @param errorReply if not null, the reason to send to the peer in an ERROR command before closing
     *     (at most 255 ASCII characters)
     */
    public ProtocolException(ProtocolError error, String detail, long offset, String errorReply) {
        super(error + ": " + detail, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.offset = offset;
        this.errorReply = errorReply;
    }

    /** @return the reason; never null. */
    public ProtocolError error() {
        return error;
    }

    /** @return the offset of the offending byte in the inbound stream, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    /** @return the reason to send in an ERROR command before closing, or null to close without one. */
    public String errorReply() {
        return errorReply;
    }

    /**
     * Returns a copy of this exception that names the given inbound offset.
     *
     * @param streamOffset the offset of the offending byte
     * @return a new exception; allocates
     */
    public ProtocolException at(long streamOffset) {
        String detail = getMessage().substring(error.toString().length() + 2);
        return new ProtocolException(error, detail, streamOffset, errorReply);
    }
}
