package io.jzmtp.clone;

/** Constants of the Clustered Hashmap Protocol (RFC 12). Thread-safe; nothing allocates. */
public final class CloneProtocol {
    /** The snapshot request command. */
    public static final String ICANHAZ = "ICANHAZ?";
    /** A snapshot entry. */
    public static final String KVSYNC = "KVSYNC";
    /** The end of a snapshot. */
    public static final String KTHXBAI = "KTHXBAI";
    /** The heartbeat key. */
    public static final String HUGZ = "HUGZ";

    private CloneProtocol() {
    }
}
