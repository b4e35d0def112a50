package io.jzmtp.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Wire helpers for {@link CodecClauseTest}: an end that feeds a zmtp-core connection and records what it releases
 * and delivers, peer bytes written by hand (not with the codec's encoders), and an independent frame reader.
 */
final class CodecWire {
    private static final HexFormat HEX = HexFormat.of();

    private CodecWire() {
    }

    /** One side: a connection, all the bytes it released so far, and what its handler was given. */
    static final class End implements ZmtpHandler {
        final ZmtpConnection conn;
        final List<String> events = new ArrayList<>();
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private byte[] pending = new byte[0];

        End(ZmtpConnection conn) {
            this.conn = conn;
        }

        /** @return the bytes released since the last call (also kept in {@link #sent()}). */
        byte[] drain() {
            byte[] out = new byte[conn.outputAvailable()];
            int n = conn.takeOutput(new UnsafeBuffer(out), 0, out.length);
            sent.write(out, 0, n);
            return Arrays.copyOf(out, n);
        }

        /** @return every byte this end has released through {@link #drain()}. */
        byte[] sent() {
            return sent.toByteArray();
        }

        /** Passes bytes from the peer (after any not consumed before) to the connection. */
        void feed(byte[] bytes) throws ProtocolException {
            pending = concat(pending, bytes);
            if (pending.length > 0) {
                int used = conn.receive(new UnsafeBuffer(pending), 0, pending.length, this);
                pending = Arrays.copyOfRange(pending, used, pending.length);
            }
        }

        @Override
        public boolean onMessageFrame(DirectBuffer b, int offset, int length, boolean more) {
            events.add("msg(" + hex(b, offset, length) + ")" + (more ? "+" : ""));
            return true;
        }

        @Override
        public void onPing(int ttl, DirectBuffer b, int offset, int length) {
            events.add("ping(" + ttl + "," + hex(b, offset, length) + ")");
        }

        @Override
        public void onPong(DirectBuffer b, int offset, int length) {
            events.add("pong(" + hex(b, offset, length) + ")");
        }

        @Override
        public boolean onSubscription(boolean subscribe, DirectBuffer b, int offset, int length) {
            events.add((subscribe ? "sub(" : "cancel(") + hex(b, offset, length) + ")");
            return true;
        }
    }

    /** Delivers both ways until neither side has more to say. */
    static void pump(End a, End b) throws ProtocolException {
        for (int i = 0; i < 20; i++) {
            b.feed(a.drain());
            a.feed(b.drain());
        }
    }

    static String hex(DirectBuffer b, int offset, int length) {
        byte[] x = new byte[length];
        b.getBytes(offset, x);
        return HEX.formatHex(x);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** A 64-octet greeting written octet by octet: padding 00..01, the given version, mechanism and as-server. */
    static byte[] greeting(String mechanism, int major, int minor, boolean asServer) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[8] = 1;
        g[9] = 0x7F;
        g[10] = (byte) major;
        g[11] = (byte) minor;
        byte[] m = ascii(mechanism);
        System.arraycopy(m, 0, g, 12, m.length);
        g[32] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /** A frame: flags (plus LONG when the body exceeds 255 octets), size, body. */
    static byte[] frame(int flags, byte[] body) {
        if (body.length <= 255) {
            return concat(new byte[] {(byte) flags, (byte) body.length}, body);
        }
        return concat(new byte[] {(byte) (flags | 2)}, bigEndian(body.length, 8), body);
    }

    /** A command frame with this name and data. */
    static byte[] command(String name, byte[] data) {
        return frame(4, concat(new byte[] {(byte) name.length()}, ascii(name), data));
    }

    /** Metadata properties from name, value pairs, each value ASCII. */
    static byte[] props(String... nameValue) {
        byte[] out = new byte[0];
        for (int i = 0; i < nameValue.length; i += 2) {
            byte[] v = ascii(nameValue[i + 1]);
            out = concat(out, new byte[] {(byte) nameValue[i].length()}, ascii(nameValue[i]), bigEndian(v.length, 4), v);
        }
        return out;
    }

    /** A READY command frame carrying these properties. */
    static byte[] ready(String... nameValue) {
        return command("READY", props(nameValue));
    }

    static byte[] bigEndian(long value, int octets) {
        byte[] b = new byte[octets];
        for (int i = octets - 1; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        return b;
    }

    /** One frame as read off the wire: its flags octet, the width of its size field, its body. */
    record Frame(int flags, int sizeOctets, byte[] body) {
        boolean isCommand() {
            return (flags & 4) != 0;
        }

        /** @return the command name, after checking the name-size octet and the name fit the body. */
        String commandName() {
            assertTrue(body.length >= 1 && (body[0] & 0xFF) >= 1 && (body[0] & 0xFF) < body.length,
                "command body with a name: " + hex(body));
            return new String(body, 1, body[0] & 0xFF, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads whole frames from {@code from} to the end of {@code wire}, without the codec's decoder. */
    static List<Frame> frames(byte[] wire, int from) {
        List<Frame> out = new ArrayList<>();
        int pos = from;
        while (pos < wire.length) {
            int flags = wire[pos++] & 0xFF;
            int sizeOctets = (flags & 2) != 0 ? 8 : 1;
            if (pos + sizeOctets > wire.length) {
                fail("truncated size field at " + pos);
            }
            long size = 0;
            for (int i = 0; i < sizeOctets; i++) {
                size = (size << 8) | (wire[pos++] & 0xFF);
            }
            if (size > wire.length - pos) {
                fail("frame of " + size + " octets runs past the " + wire.length + " octets written");
            }
            out.add(new Frame(flags, sizeOctets, Arrays.copyOfRange(wire, pos, pos + (int) size)));
            pos += (int) size;
        }
        return out;
    }
}
