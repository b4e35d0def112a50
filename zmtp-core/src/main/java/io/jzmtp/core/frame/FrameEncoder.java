package io.jzmtp.core.frame;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes ZMTP 3.x frame headers and frames into caller-supplied buffers (RFC 23, "Framing").
 *
 * <p>Pure and thread-safe (static methods on the caller's buffers); nothing allocates. Bodies of up to 255
 * bytes use the short form, longer ones the long form, as RFC 23 asks of senders.
 */
public final class FrameEncoder {
    /** The largest header: flags octet plus an 8-octet size. */
    public static final int MAX_HEADER_LENGTH = 9;

    private FrameEncoder() {
    }

    /**
     * @param bodyLength the body's length
     * @return 2 for a short frame, 9 for a long one
     */
    public static int headerLength(long bodyLength) {
        return bodyLength <= FrameFlags.SHORT_MAX ? 2 : MAX_HEADER_LENGTH;
    }

    /**
     * Writes a frame header.
     *
     * @param dst the destination, with room for {@link #headerLength(long)} bytes at {@code offset}
     * @param offset where to write
     * @param flags {@link FrameFlags#MORE} and/or {@link FrameFlags#COMMAND}; LONG is chosen here
     * @param bodyLength the body's length, 0 to 2^63-1
     * @return the header's length
     * @throws IllegalArgumentException if the flags hold bits other than MORE and COMMAND, combine them, or the
     *     length is negative
     */
    public static int writeHeader(MutableDirectBuffer dst, int offset, int flags, long bodyLength) {
        if ((flags & ~(FrameFlags.MORE | FrameFlags.COMMAND)) != 0 || flags == (FrameFlags.MORE | FrameFlags.COMMAND)) {
            throw new IllegalArgumentException("flags 0x" + Integer.toHexString(flags)
                + ": expected MORE, COMMAND or neither");
        }
        if (bodyLength < 0) {
            throw new IllegalArgumentException("body length " + bodyLength + ": expected 0 or more");
        }
        if (bodyLength <= FrameFlags.SHORT_MAX) {
            dst.putByte(offset, (byte) flags);
            dst.putByte(offset + 1, (byte) bodyLength);
            return 2;
        }
        dst.putByte(offset, (byte) (flags | FrameFlags.LONG));
        dst.putLong(offset + 1, bodyLength, ByteOrder.BIG_ENDIAN);
        return MAX_HEADER_LENGTH;
    }

    /**
     * Writes a whole frame: header and body.
     *
     * @param dst the destination, with room for the header and the body
     * @param offset where to write
     * @param flags {@link FrameFlags#MORE} and/or {@link FrameFlags#COMMAND}
     * @param body holds the body
     * @param bodyOffset where the body starts
     * @param bodyLength the body's length
     * @return the number of bytes written
     */
    public static int writeFrame(MutableDirectBuffer dst, int offset, int flags,
        DirectBuffer body, int bodyOffset, int bodyLength) {
        int h = writeHeader(dst, offset, flags, bodyLength);
        dst.putBytes(offset + h, body, bodyOffset, bodyLength);
        return h + bodyLength;
    }

    /**
     * Writes a whole frame from a byte array.
     *
     * @param dst the destination, with room for the header and the body
     * @param offset where to write
     * @param flags {@link FrameFlags#MORE} and/or {@link FrameFlags#COMMAND}
     * @param body holds the body
     * @param bodyOffset where the body starts
     * @param bodyLength the body's length
     * @return the number of bytes written
     */
    public static int writeFrame(MutableDirectBuffer dst, int offset, int flags,
        byte[] body, int bodyOffset, int bodyLength) {
        int h = writeHeader(dst, offset, flags, bodyLength);
        dst.putBytes(offset + h, body, bodyOffset, bodyLength);
        return h + bodyLength;
    }
}
