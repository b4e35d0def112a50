package io.jzmtp;

/** The jzmtp release and the ZMTP revision it speaks. Thread-safe; nothing allocates. */
public final class Version {
    /** The ZMTP revision jzmtp announces in its greeting. */
    public static final String ZMTP = "3.1";

    private Version() {
    }
}
