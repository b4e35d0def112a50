package io.jzmtp.core.frame;

/**
 * The bits of a ZMTP 3.x frame's flags octet (RFC 23, "Framing").
 *
 * <p>Bits 3 to 7 are reserved: jzmtp always sends them as zero and ignores them on receipt, as libzmq does.
 */
public final class FrameFlags {
    /** Bit 0: more frames of this message follow. */
    public static final int MORE = 0x01;
    /** Bit 1: the size field is 8 octets (network order) rather than 1. */
    public static final int LONG = 0x02;
    /** Bit 2: the frame is a command, not part of a message. */
    public static final int COMMAND = 0x04;
    /** The three defined bits. */
    public static final int DEFINED = MORE | LONG | COMMAND;
    /** The largest body that fits the short form. */
    public static final int SHORT_MAX = 255;

    private FrameFlags() {
    }

    /**
     * @param flags a flags octet
     * @return true if the MORE bit is set
     */
    public static boolean isMore(int flags) {
        return (flags & MORE) != 0;
    }

    /**
     * @param flags a flags octet
     * @return true if the COMMAND bit is set
     */
    public static boolean isCommand(int flags) {
        return (flags & COMMAND) != 0;
    }
}
