package io.jzmtp.core;

/**
 * Why a ZMTP connection was refused or closed because of the peer's bytes.
 *
 * <p>The taxonomy mirrors libzmq's {@code ZMQ_PROTOCOL_ERROR_*} reasons, and their numeric codes are the same
 * where libzmq has one, so that tools reading monitor events can compare them. Reasons that libzmq reports
 * only as {@code errno} values (a frame that is too large, a legacy peer, an incompatible socket type) get
 * their own codes in the {@code 0x3000_0000} range.
 *
 * <p>Thread-safe (an enum); never allocates.
 */
public enum ProtocolError {
    /** A ZMTP protocol violation with no more specific reason. */
    ZMTP_UNSPECIFIED(0x1000_0000),
    /** A command (or a message frame) arrived that is not allowed in the current state. */
    ZMTP_UNEXPECTED_COMMAND(0x1000_0001),
    /** A handshake step arrived out of order. */
    ZMTP_INVALID_SEQUENCE(0x1000_0002),
    /** A key exchange failed (CURVE). */
    ZMTP_KEY_EXCHANGE(0x1000_0003),
    /** A command frame whose body does not have the command form (name length, name characters). */
    ZMTP_MALFORMED_COMMAND_UNSPECIFIED(0x1000_0011),
    /** A malformed MESSAGE command (CURVE). */
    ZMTP_MALFORMED_COMMAND_MESSAGE(0x1000_0012),
    /** A malformed HELLO command. */
    ZMTP_MALFORMED_COMMAND_HELLO(0x1000_0013),
    /** A malformed INITIATE command. */
    ZMTP_MALFORMED_COMMAND_INITIATE(0x1000_0014),
    /** A malformed ERROR command. */
    ZMTP_MALFORMED_COMMAND_ERROR(0x1000_0015),
    /** A malformed READY command. */
    ZMTP_MALFORMED_COMMAND_READY(0x1000_0016),
    /** A malformed WELCOME command. */
    ZMTP_MALFORMED_COMMAND_WELCOME(0x1000_0017),
    /** Metadata properties that do not parse (lengths, name characters, duplicates). */
    ZMTP_INVALID_METADATA(0x1000_0018),
    /** A cryptographic check failed (CURVE). */
    ZMTP_CRYPTOGRAPHIC(0x1100_0001),
    /** The peer's greeting names a different security mechanism. */
    ZMTP_MECHANISM_MISMATCH(0x1100_0002),
    /** A ZAP failure with no more specific reason. */
    ZAP_UNSPECIFIED(0x2000_0000),
    /** The ZAP handler's reply does not have the ZAP form. */
    ZAP_MALFORMED_REPLY(0x2000_0001),
    /** The ZAP reply's request id does not match the request. */
    ZAP_BAD_REQUEST_ID(0x2000_0002),
    /** The ZAP reply's version is not "1.0". */
    ZAP_BAD_VERSION(0x2000_0003),
    /** The ZAP reply's status code is not 200, 300, 400 or 500. */
    ZAP_INVALID_STATUS_CODE(0x2000_0004),
    /** The ZAP reply's metadata does not parse. */
    ZAP_INVALID_METADATA(0x2000_0005),

    /** The peer speaks ZMTP 1.0 or 2.0 (or announces a major version below 3); nothing from it is delivered. */
    UNSUPPORTED_VERSION(0x3000_0001),
    /** A frame header that is not a valid ZMTP 3.x header (for example a command frame with the MORE flag). */
    MALFORMED_FRAME(0x3000_0002),
    /** A frame declares more bytes than the configured maximum message size allows. */
    MESSAGE_TOO_LARGE(0x3000_0003),
    /** The peer's Socket-Type is unknown or may not talk to ours (RFC 23, "Socket Compatibility"). */
    INCOMPATIBLE_SOCKET_TYPE(0x3000_0004),
    /** The peer sent an ERROR command; its reason is in the exception's detail. */
    ERROR_RECEIVED(0x3000_0005),
    /** Authentication refused the peer (ZAP status 300, 400 or 500, or a local authenticator). */
    AUTHENTICATION_FAILED(0x3000_0006),
    /** A malformed PING command (RFC 37). */
    MALFORMED_COMMAND_PING(0x3000_0011),
    /** A malformed PONG command (RFC 37). */
    MALFORMED_COMMAND_PONG(0x3000_0012);

    private final int code;

    ProtocolError(int code) {
        this.code = code;
    }

    /**
     * The numeric reason code, equal to libzmq's where libzmq defines one.
     *
     * @return the code; never blocks or allocates.
     */
    public int code() {
        return code;
    }

    /**
     * Looks a reason up by its numeric code.
     *
     * @param code a value returned by {@link #code()}
     * @return the reason
     * @throws IllegalArgumentException if no reason has that code
     */
    public static ProtocolError fromCode(int code) {
        for (ProtocolError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown protocol error code 0x" + Integer.toHexString(code)
            + ": expected one of the codes of ProtocolError");
    }
}
