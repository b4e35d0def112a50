package io.jzmtp.spec.catalogue;

import java.nio.charset.StandardCharsets;

/** Command bodies and their pieces, as byte arrays. Test code only. */
final class Bodies {
    private Bodies() {
    }

    /** A well-formed command body: name-size, name, data (RFC 23 "Commands"). */
    static byte[] command(String name, byte[] data) {
        return concat(sized(name.getBytes(StandardCharsets.ISO_8859_1)), data);
    }

    /** A command body whose name-size octet says {@code nameSize}, whatever follows. */
    static byte[] rawCommand(int nameSize, byte[] rest) {
        return concat(new byte[] {(byte) nameSize}, rest);
    }

    /** One size octet, then the bytes. */
    static byte[] sized(byte[] b) {
        return concat(new byte[] {(byte) b.length}, b);
    }

    static byte[] repeat(int value, int count) {
        byte[] b = new byte[count];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
