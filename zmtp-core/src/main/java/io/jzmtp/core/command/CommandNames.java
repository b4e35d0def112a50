package io.jzmtp.core.command;

import io.jzmtp.core.Metadata;
import java.nio.charset.StandardCharsets;

/**
 * The ASCII names of the ZMTP commands jzmtp knows (RFC 23, 24, 25, 37).
 *
 * <p>The arrays are shared: never modify them.
 */
public final class CommandNames {
    /** Metadata after the security handshake (NULL both ways; PLAIN and CURVE server to client). */
    public static final byte[] READY = ascii("READY");
    /** A fatal handshake error with a reason. */
    public static final byte[] ERROR = ascii("ERROR");
    /** A subscription (RFC 37). */
    public static final byte[] SUBSCRIBE = ascii("SUBSCRIBE");
    /** A cancelled subscription (RFC 37). */
    public static final byte[] CANCEL = ascii("CANCEL");
    /** A heartbeat request (RFC 37). */
    public static final byte[] PING = ascii("PING");
    /** A heartbeat reply (RFC 37). */
    public static final byte[] PONG = ascii("PONG");
    /** PLAIN and CURVE client greeting. */
    public static final byte[] HELLO = ascii("HELLO");
    /** PLAIN and CURVE server welcome. */
    public static final byte[] WELCOME = ascii("WELCOME");
    /** PLAIN and CURVE client metadata. */
    public static final byte[] INITIATE = ascii("INITIATE");
    /** CURVE traffic. */
    public static final byte[] MESSAGE = ascii("MESSAGE");

    private CommandNames() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
