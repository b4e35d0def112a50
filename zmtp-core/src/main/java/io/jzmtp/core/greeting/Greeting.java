package io.jzmtp.core.greeting;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The 64-octet ZMTP 3.x greeting (RFC 23, "The Greeting"): signature, version, mechanism, as-server, filler.
 *
 * <pre>
 * offset 0      0xFF            signature start
 *        1-8    padding         not significant; jzmtp, like libzmq, sends (routing-id length + 1) big-endian
 *        9      0x7F            signature end
 *        10     major (3)
 *        11     minor (1 for ZMTP 3.1, 0 for 3.0)
 *        12-31  mechanism       ASCII, NUL-padded to 20 octets
 *        32     as-server       0 or 1
 *        33-63  filler          zeros
 * </pre>
 *
 * @param major the major version
 * @param minor the minor version
 * @param mechanism the mechanism name, 1 to 20 ASCII characters
 * @param asServer the as-server flag
 */
public record Greeting(int major, int minor, String mechanism, boolean asServer) {
    /** The greeting's length. */
    public static final int LENGTH = 64;
    /** The length of the signature (0xFF, padding, 0x7F). */
    public static final int SIGNATURE_LENGTH = 10;
    /** Offset of the major version octet. */
    public static final int MAJOR_OFFSET = 10;
    /** Offset of the minor version octet. */
    public static final int MINOR_OFFSET = 11;
    /** Offset of the mechanism field. */
    public static final int MECHANISM_OFFSET = 12;
    /** Length of the mechanism field. */
    public static final int MECHANISM_LENGTH = 20;
    /** Offset of the as-server octet. */
    public static final int AS_SERVER_OFFSET = 32;
    /** The major version jzmtp announces. */
    public static final int OUR_MAJOR = 3;
    /** The minor version jzmtp announces (ZMTP 3.1). */
    public static final int OUR_MINOR = 1;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if a version is outside 0-255 or the mechanism is empty, longer than 20
     *     characters or not printable ASCII
     */
    public Greeting {
        Objects.requireNonNull(mechanism, "mechanism");
        if (major < 0 || major > 255 || minor < 0 || minor > 255) {
            throw new IllegalArgumentException("version " + major + "." + minor + ": expected octets 0-255");
        }
        mechanismBytes(mechanism);
    }

    /**
     * The mechanism field as sent: the name's ASCII bytes NUL-padded to 20 octets.
     *
     * @param mechanism 1 to 20 printable ASCII characters
     * @return 20 bytes; allocates
     * @throws IllegalArgumentException if the name is empty, too long or not printable ASCII
     */
    public static byte[] mechanismBytes(String mechanism) {
        if (mechanism.isEmpty() || mechanism.length() > MECHANISM_LENGTH) {
            throw new IllegalArgumentException("mechanism '" + mechanism + "': expected 1 to 20 characters");
        }
        byte[] out = new byte[MECHANISM_LENGTH];
        for (int i = 0; i < mechanism.length(); i++) {
            char c = mechanism.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("mechanism '" + mechanism + "': expected printable ASCII");
            }
            out[i] = (byte) c;
        }
        return out;
    }

    /**
     * Writes the 64-octet greeting.
     *
     * @param dst destination with 64 bytes of room at {@code offset}
     * @param offset where to write
     * @param padding the value of the 8 padding octets (jzmtp sends routing-id length + 1, as libzmq does)
     */
    public void encode(MutableDirectBuffer dst, int offset, long padding) {
        dst.setMemory(offset, LENGTH, (byte) 0);
        dst.putByte(offset, (byte) 0xFF);
        dst.putLong(offset + 1, padding, ByteOrder.BIG_ENDIAN);
        dst.putByte(offset + 9, (byte) 0x7F);
        dst.putByte(offset + MAJOR_OFFSET, (byte) major);
        dst.putByte(offset + MINOR_OFFSET, (byte) minor);
        dst.putBytes(offset + MECHANISM_OFFSET, mechanismBytes(mechanism));
        dst.putByte(offset + AS_SERVER_OFFSET, (byte) (asServer ? 1 : 0));
    }

    /**
     * Writes the greeting into a new array.
     *
     * @param padding the value of the padding octets
     * @return 64 bytes; allocates
     */
    public byte[] toBytes(long padding) {
        byte[] out = new byte[LENGTH];
        encode(new org.agrona.concurrent.UnsafeBuffer(out), 0, padding);
        return out;
    }

    /**
     * Reads the fields of a complete 3.x greeting without judging them (padding and filler are never read).
     * The mechanism is the field's text up to its first NUL.
     *
     * @param src holds 64 bytes at {@code offset}
     * @param offset where the greeting starts
     * @return the greeting; allocates
     */
    public static Greeting parse(DirectBuffer src, int offset) {
        int n = 0;
        while (n < MECHANISM_LENGTH && src.getByte(offset + MECHANISM_OFFSET + n) != 0) {
            n++;
        }
        byte[] name = new byte[n];
        src.getBytes(offset + MECHANISM_OFFSET, name);
        String mechanism = n == 0 ? "?" : sanitize(new String(name, StandardCharsets.ISO_8859_1));
        return new Greeting(src.getByte(offset + MAJOR_OFFSET) & 0xFF, src.getByte(offset + MINOR_OFFSET) & 0xFF,
            mechanism, src.getByte(offset + AS_SERVER_OFFSET) == 1);
    }

    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c > ' ' && c <= '~' ? c : '?');
        }
        return b.toString();
    }
}
