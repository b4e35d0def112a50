package io.jzmtp.spec.catalogue;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import java.nio.charset.StandardCharsets;

/**
 * The side under test: its socket type, mechanism and frame limit, and (for sides that authenticate) the
 * decision the test's authenticator returns.
 *
 * @param type our socket type
 * @param mechanism our mechanism and role
 * @param maxFrameSize the largest frame accepted (negative: the JVM's limit)
 * @param decision what authentication answers, or null for sides that never ask
 */
record LocalSide(SocketType type, Kind mechanism, long maxFrameSize, AuthResult decision) {
    /** Mechanism and role. */
    enum Kind { NULL, NULL_WITH_ZAP, PLAIN_CLIENT, PLAIN_SERVER }

    /** The PLAIN client's credentials. */
    static final String USER = "admin";
    static final String PASSWORD = "secret";

    static LocalSide nullSide(SocketType type) {
        return new LocalSide(type, Kind.NULL, -1, null);
    }

    static LocalSide plainClient(SocketType type) {
        return new LocalSide(type, Kind.PLAIN_CLIENT, -1, null);
    }

    static LocalSide plainServer(SocketType type) {
        return new LocalSide(type, Kind.PLAIN_SERVER, -1, AuthResult.accept(USER));
    }

    /** @return this side with another frame limit. */
    LocalSide maxFrameSize(long max) {
        return new LocalSide(type, mechanism, max, decision);
    }

    /** @return this side, authenticating with the given decision (NULL gains a ZAP step). */
    LocalSide deciding(AuthResult result) {
        Kind k = mechanism == Kind.NULL ? Kind.NULL_WITH_ZAP : mechanism;
        return new LocalSide(type, k, maxFrameSize, result);
    }

    /** @return the peer's greeting mechanism name. */
    String mechanismName() {
        return mechanism == Kind.PLAIN_CLIENT || mechanism == Kind.PLAIN_SERVER ? "PLAIN" : "NULL";
    }

    /** @return a fresh connection for this side. */
    ZmtpConnection connect() {
        HandshakeConfig config = new HandshakeConfig(type, new byte[0], Metadata.EMPTY);
        Mechanism m;
        switch (mechanism) {
            case NULL: m = new NullMechanism(config, false); break;
            case NULL_WITH_ZAP: m = new NullMechanism(config, true); break;
            case PLAIN_CLIENT: m = new PlainClientMechanism(config, bytes(USER), bytes(PASSWORD)); break;
            case PLAIN_SERVER: m = new PlainServerMechanism(config); break;
            default: throw new AssertionError(mechanism);
        }
        return new ZmtpConnection(m, maxFrameSize, 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        String s = mechanism + " " + type;
        if (maxFrameSize >= 0) {
            s += ", maxFrameSize " + maxFrameSize;
        }
        if (decision != null && !decision.accepted()) {
            s += ", auth answers " + decision.statusCode();
        }
        return s;
    }
}
