package io.jzmtp.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Z85, the ZeroMQ base-85 encoding of binary data as printable text (RFC 32), used for CURVE keys.
 *
 * <p>Pure and thread-safe; each method allocates its result.
 */
public final class Z85 {
    private static final char[] ALPHABET =
        ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#").toCharArray();
    private static final byte[] DECODE = new byte[128];

    static {
        Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = (byte) i;
        }
    }

    private Z85() {
    }

    /**
     * Encodes bytes as Z85 text (RFC 32: each 4 bytes, read as a big-endian 32-bit unsigned value, become 5
     * characters, most significant digit first).
     *
     * @param data the bytes; the length must be a multiple of 4
     * @return the text, 5/4 as long as the input
     * @throws IllegalArgumentException if the length is not a multiple of 4
     */
    public static String encode(byte[] data) {
        Objects.requireNonNull(data, "data");
        // RFC 32: "The binary frame SHALL have a length that is divisible by 4 with no remainder."
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("Z85 input length " + data.length + ": expected a multiple of 4");
        }
        char[] out = new char[data.length / 4 * 5];
        int o = 0;
        for (int i = 0; i < data.length; i += 4) {
            long value = ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFF) << 16)
                | ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            for (int d = 4; d >= 0; d--) {
                out[o + d] = ALPHABET[(int) (value % 85)];
                value /= 85;
            }
            o += 5;
        }
        return new String(out);
    }

    /**
     * Decodes Z85 text to bytes.
     *
     * @param text the text; the length must be a multiple of 5 and every character in the Z85 alphabet
     * @return the bytes, 4/5 as long as the text
     * @throws IllegalArgumentException if the length is not a multiple of 5, a character is outside the
     *     alphabet, or a group of 5 characters exceeds 2^32 - 1
     */
    public static byte[] decode(String text) {
        Objects.requireNonNull(text, "text");
        // RFC 32: "The string frame SHALL have a length that is divisible by 5 with no remainder."
        if (text.length() % 5 != 0) {
            throw new IllegalArgumentException("Z85 text length " + text.length() + ": expected a multiple of 5");
        }
        byte[] out = new byte[text.length() / 5 * 4];
        int o = 0;
        for (int i = 0; i < text.length(); i += 5) {
            long value = 0;
            for (int d = 0; d < 5; d++) {
                char c = text.charAt(i + d);
                int digit = c < 128 ? DECODE[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("Z85 character '" + c + "' at index " + (i + d)
                        + ": expected one of the 85 characters of RFC 32");
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("Z85 group at index " + i + " decodes to " + value
                    + ": expected at most 2^32 - 1");
            }
            out[o++] = (byte) (value >>> 24);
            out[o++] = (byte) (value >>> 16);
            out[o++] = (byte) (value >>> 8);
            out[o++] = (byte) value;
        }
        return out;
    }
}
