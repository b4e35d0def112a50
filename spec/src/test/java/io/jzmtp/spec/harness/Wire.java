package io.jzmtp.spec.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Exact ZMTP 3.x bytes for raw-peer tests, written by hand from the byte layouts of RFC 23 and RFC 37 (nothing here
 * uses the codec under test, so a codec bug cannot cancel itself out), and a parser for the frames a raw peer reads.
 *
 * <p>Test code only; stateless and thread-safe.
 */
public final class Wire {
    /** The MORE flag (RFC 23: bit 0). */
    public static final int MORE = 0x01;
    /** The LONG flag (RFC 23: bit 1). */
    public static final int LONG = 0x02;
    /** The COMMAND flag (RFC 23: bit 2). */
    public static final int COMMAND = 0x04;
    /** The greeting's length. */
    public static final int GREETING_LENGTH = 64;

    private Wire() {
    }

    /**
     * A ZMTP 3.1 greeting: {@code FF}, padding {@code 00*7 01}, {@code 7F}, version 3.1, the mechanism NUL-padded
     * to 20 octets, as-server, 31 zero octets.
     *
     * @param mechanism the mechanism name
     * @param asServer the as-server octet
     * @return 64 bytes
     */
    public static byte[] greeting(String mechanism, boolean asServer) {
        byte[] g = new byte[GREETING_LENGTH];
        g[0] = (byte) 0xFF;
        g[8] = 1;
        g[9] = 0x7F;
        g[10] = 3;
        g[11] = 1;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, g, 12, name.length);
        g[32] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /**
     * A frame with the short form for bodies up to 255 octets and the long form above.
     *
     * @param flags MORE and/or COMMAND (LONG is added as needed)
     * @param body the body
     * @return the frame
     */
    public static byte[] frame(int flags, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 9);
        if (body.length <= 255) {
            out.write(flags);
            out.write(body.length);
        } else {
            out.write(flags | LONG);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) body.length >>> (8 * i)));
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * The header alone of a long-form frame declaring {@code size} octets.
     *
     * @param flags MORE and/or COMMAND
     * @param size the declared size
     * @return 9 bytes
     */
    public static byte[] longHeader(int flags, long size) {
        byte[] h = new byte[9];
        h[0] = (byte) (flags | LONG);
        for (int i = 0; i < 8; i++) {
            h[1 + i] = (byte) (size >>> (8 * (7 - i)));
        }
        return h;
    }

    /**
     * A command frame: name-size, name, data.
     *
     * @param name the command name
     * @param data the command data
     * @return the frame
     */
    public static byte[] command(String name, byte[] data) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[1 + n.length + data.length];
        body[0] = (byte) n.length;
        System.arraycopy(n, 0, body, 1, n.length);
        System.arraycopy(data, 0, body, 1 + n.length, data.length);
        return frame(COMMAND, body);
    }

    /**
     * A READY command carrying {@code Socket-Type} and then any further properties.
     *
     * @param socketType the socket type's wire name, e.g. {@code PUSH}
     * @param moreNamesAndValues further properties as name, value, name, value... (ASCII)
     * @return the frame
     */
    public static byte[] ready(String socketType, String... moreNamesAndValues) {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        property(meta, "Socket-Type", socketType);
        for (int i = 0; i + 1 < moreNamesAndValues.length; i += 2) {
            property(meta, moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return command("READY", meta.toByteArray());
    }

    /** Writes one metadata property: name-size, name, 4-octet value-size, value (RFC 23). */
    private static void property(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        out.write(n.length);
        out.writeBytes(n);
        out.write(v.length >>> 24);
        out.write(v.length >>> 16);
        out.write(v.length >>> 8);
        out.write(v.length);
        out.writeBytes(v);
    }

    /**
     * @param reason the reason, at most 255 ASCII octets
     * @return an ERROR command frame
     */
    public static byte[] error(String reason) {
        byte[] r = reason.getBytes(StandardCharsets.US_ASCII);
        return command("ERROR", concat(new byte[] {(byte) r.length}, r));
    }

    /**
     * @param ttlDeciseconds the TTL, 0 to 65535
     * @param context 0 to 16 octets
     * @return a PING command frame (RFC 37: {@code 04 "PING" ttl context})
     */
    public static byte[] ping(int ttlDeciseconds, byte[] context) {
        return command("PING", concat(new byte[] {(byte) (ttlDeciseconds >>> 8), (byte) ttlDeciseconds}, context));
    }

    /**
     * @param context 0 to 16 octets
     * @return a PONG command frame (RFC 37: {@code 04 "PONG" context})
     */
    public static byte[] pong(byte[] context) {
        return command("PONG", context);
    }

    /**
     * @param body the message part
     * @param more whether more parts follow
     * @return a message frame
     */
    public static byte[] message(byte[] body, boolean more) {
        return frame(more ? MORE : 0, body);
    }

    /**
     * @param text the message part, UTF-8
     * @param more whether more parts follow
     * @return a message frame
     */
    public static byte[] message(String text, boolean more) {
        return message(text.getBytes(StandardCharsets.UTF_8), more);
    }

    /**
     * @param parts byte arrays
     * @return their concatenation
     */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * One frame as read from the wire.
     *
     * @param flags the flags octet as sent
     * @param body the body
     * @param raw every octet of the frame, header included
     */
    public record Frame(int flags, byte[] body, byte[] raw) {
        /** @return true for a command frame. */
        public boolean isCommand() {
            return (flags & COMMAND) != 0;
        }

        /** @return true if more parts follow. */
        public boolean isMore() {
            return (flags & MORE) != 0;
        }

        /** @return the command name (for a command frame with a well-formed name), else null. */
        public String commandName() {
            if (!isCommand() || body.length == 0 || body.length < 1 + (body[0] & 0xFF)) {
                return null;
            }
            return new String(body, 1, body[0] & 0xFF, StandardCharsets.US_ASCII);
        }

        /** @return the command data: the body after the name. */
        public byte[] commandData() {
            String name = commandName();
            return name == null ? null : Arrays.copyOfRange(body, 1 + name.length(), body.length);
        }

        @Override
        public String toString() {
            return "Frame[flags=0x" + Integer.toHexString(flags) + ", " + (isCommand() ? "command " + commandName()
                : "message") + ", " + body.length + " bytes]";
        }
    }

    /**
     * Checks that bytes are a valid ZMTP 3.x greeting prefix as jzmtp sends it (signature, then major 3).
     *
     * @param bytes 1 to 64 bytes
     * @return null if they are, else what is wrong
     */
    public static String greetingPrefixProblem(byte[] bytes) {
        if (bytes.length > GREETING_LENGTH) {
            return bytes.length + " bytes: longer than a greeting";
        }
        if (bytes.length > 0 && (bytes[0] & 0xFF) != 0xFF) {
            return "octet 0 is not 0xFF";
        }
        if (bytes.length > 9 && (bytes[9] & 0x01) != 1) {
            return "octet 9 bit 0 is not set";
        }
        if (bytes.length > 10 && bytes[10] != 3) {
            return "major version " + bytes[10] + ", expected 3";
        }
        return null;
    }
}
