package io.jzmtp.core;

/**
 * The ZMTP revision spoken on a connection, as decided from the peer's greeting.
 *
 * <p>jzmtp announces 3.1. A peer that announces 3.0 gets the 3.0 behaviour: subscriptions travel as
 * {@code 0x01}/{@code 0x00} messages instead of SUBSCRIBE/CANCEL commands (RFC 37, "Backwards
 * Interoperability"). A peer announcing a higher version is spoken to with our own framing (RFC 23, "Version
 * Negotiation").
 */
public enum ZmtpVersion {
    /** ZMTP 3.0 (RFC 23). */
    V3_0(3, 0),
    /** ZMTP 3.1 (RFC 37). */
    V3_1(3, 1);

    private final int major;
    private final int minor;

    ZmtpVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /** @return the major version byte. */
    public int major() {
        return major;
    }

    /** @return the minor version byte. */
    public int minor() {
        return minor;
    }

    /**
     * Whether subscriptions go to this peer as SUBSCRIBE/CANCEL commands (3.1) rather than as messages (3.0).
     *
     * @return true for 3.1 and later
     */
    public boolean subscriptionsAsCommands() {
        return this == V3_1;
    }

    /**
     * The revision spoken with a peer that announced the given version bytes (major of 3 or more).
     *
     * @param major the peer's major version, at least 3
     * @param minor the peer's minor version
     * @return {@link #V3_0} for 3.0, {@link #V3_1} for anything later
     */
    public static ZmtpVersion negotiate(int major, int minor) {
        if (major < 3) {
            throw new IllegalArgumentException("major version " + major + ": expected 3 or more");
        }
        return major == 3 && minor == 0 ? V3_0 : V3_1;
    }
}
