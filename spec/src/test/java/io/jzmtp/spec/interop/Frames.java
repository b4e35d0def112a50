package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Building, comparing and showing multipart messages. Test code only. */
final class Frames {
    /** How long a message may take to arrive: generous, only a hang or a loss gets near it. */
    static final Duration ARRIVAL = Duration.ofSeconds(5);
    /** One mebibyte. */
    static final int MIB = 1 << 20;

    private Frames() {
    }

    /** @return frames from strings (UTF-8) and byte arrays */
    static List<byte[]> of(Object... parts) {
        List<byte[]> out = new ArrayList<>(parts.length);
        for (Object p : parts) {
            out.add(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** @return the frame that XSUB sends (and XPUB hands over) for a subscription: 0x01 or 0x00, then the topic */
    static byte[] subscription(boolean subscribe, String topic) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[t.length + 1];
        f[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(t, 0, f, 1, t.length);
        return f;
    }

    /** @return n bytes where byte i is i &amp; 0xFF (the libzmq peer builds the same with {"pattern": n}) */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** @return the SHA-256 of the bytes, in lower-case hex */
    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a readable rendering: short printable frames as text, others by size and digest */
    static String show(List<byte[]> frames) {
        if (frames == null) {
            return "(nothing)";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(show(frames.get(i)));
        }
        return b.append(']').toString();
    }

    /** @return one frame rendered as {@link #show(List)} does */
    static String show(byte[] f) {
        if (f.length <= 64 && printable(f)) {
            return '"' + new String(f, StandardCharsets.US_ASCII) + '"';
        }
        if (f.length <= 32) {
            return "0x" + HexFormat.of().formatHex(f);
        }
        return "<" + f.length + " bytes sha256:" + sha256(f).substring(0, 16) + ">";
    }

    private static boolean printable(byte[] f) {
        for (byte x : f) {
            if (x < 0x20 || x > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * Receives the next message and checks it.
     *
     * @param s the receiver
     * @param expected the frames (strings or byte arrays)
     */
    static void expect(InteropSocket s, Object... expected) {
        List<byte[]> got = s.receive(ARRIVAL);
        assertNotNull(got, s.who() + " received nothing within " + ARRIVAL + "; expected " + show(of(expected)));
        assertEquals(show(of(expected)), show(got), s.who() + " received the wrong message");
    }

    /**
     * Receives the next message, which must arrive.
     *
     * @param s the receiver
     * @return the frames
     */
    static List<byte[]> receive(InteropSocket s) {
        List<byte[]> got = s.receive(ARRIVAL);
        assertNotNull(got, s.who() + " received nothing within " + ARRIVAL);
        return got;
    }
}
