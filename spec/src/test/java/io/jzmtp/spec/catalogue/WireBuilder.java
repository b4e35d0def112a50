package io.jzmtp.spec.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the exact bytes a peer sends: a valid greeting and valid commands by default, with single fields that a
 * catalogue case corrupts. Byte layouts are the facts of RFC 23, 24 and 37; nothing here uses the codec under test.
 *
 * <p>Test code only; not thread-safe.
 */
final class WireBuilder {
    private byte[] bytes = new byte[256];
    private int length;
    private int mark = -1;

    private WireBuilder() {
    }

    /** @return an empty wire. */
    static WireBuilder peer() {
        return new WireBuilder();
    }

    /** @return the number of bytes written so far (the stream offset of the next byte). */
    int position() {
        return length;
    }

    /**
     * Remembers the current position, usually the flags octet of the offending frame.
     *
     * @return this
     */
    WireBuilder mark() {
        mark = length;
        return this;
    }

    /** @return the remembered position. */
    int marked() {
        if (mark < 0) {
            throw new IllegalStateException("the case never called mark()");
        }
        return mark;
    }

    /** @return a copy of the bytes. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    // ---- raw octets ---------------------------------------------------------------------------------------------

    WireBuilder raw(int... octets) {
        ensure(octets.length);
        for (int o : octets) {
            bytes[length++] = (byte) o;
        }
        return this;
    }

    WireBuilder raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
        return this;
    }

    /** Writes a value in network byte order on {@code width} octets. */
    WireBuilder bigEndian(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /**
     * Overwrites octets already written.
     *
     * @param offset absolute stream offset
     * @param octets the new values
     * @return this
     */
    WireBuilder set(int offset, int... octets) {
        if (offset + octets.length > length) {
            throw new IllegalArgumentException("set at " + offset + " past the " + length + " bytes written");
        }
        for (int i = 0; i < octets.length; i++) {
            bytes[offset + i] = (byte) octets[i];
        }
        return this;
    }

    /** Overwrites {@code count} octets from {@code offset} with {@code value}. */
    WireBuilder fill(int offset, int count, int value) {
        if (offset + count > length) {
            throw new IllegalArgumentException("fill at " + offset + " past the " + length + " bytes written");
        }
        Arrays.fill(bytes, offset, offset + count, (byte) value);
        return this;
    }

    // ---- greeting (RFC 23 "The Greeting") -----------------------------------------------------------------------

    /** A valid 64-octet ZMTP 3.1 greeting as libzmq sends it (padding = routing-id length + 1 = 1). */
    WireBuilder greeting(String mechanism, boolean asServer) {
        raw(0xFF).bigEndian(1, 8).raw(0x7F, 3, 1);
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        raw(Arrays.copyOf(name, 20));
        raw(asServer ? 1 : 0);
        return raw(new byte[31]);
    }

    WireBuilder nullGreeting() {
        return greeting("NULL", false);
    }

    // ---- frames (RFC 23 "Framing") ------------------------------------------------------------------------------

    /** A frame header with a verbatim flags octet: 1 size octet, or 8 when the flags have the LONG bit. */
    WireBuilder header(int flagsOctet, long size) {
        raw(flagsOctet);
        return (flagsOctet & 0x02) != 0 ? bigEndian(size, 8) : raw((int) size);
    }

    /** A frame with a verbatim flags octet; the size form follows the LONG bit. */
    WireBuilder frame(int flagsOctet, byte[] body) {
        return header(flagsOctet, body.length).raw(body);
    }

    /** A correctly framed command: short form up to 255 octets, long form beyond. */
    WireBuilder command(byte[] body) {
        return frame(body.length <= 255 ? 0x04 : 0x06, body);
    }

    /** A correctly framed message frame. */
    WireBuilder message(byte[] body, boolean more) {
        int flags = (more ? 0x01 : 0x00) | (body.length <= 255 ? 0 : 0x02);
        return frame(flags, body);
    }

    WireBuilder message(String text, boolean more) {
        return message(ascii(text), more);
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    WireBuilder command(String name, byte[] data) {
        return command(Bodies.command(name, data));
    }

    /** READY with the given metadata (RFC 23: {@code %d5 "READY" metadata}). */
    WireBuilder ready(MetadataBytes metadata) {
        return command("READY", metadata.bytes());
    }

    /** READY carrying only {@code Socket-Type}. */
    WireBuilder readyAs(String socketType) {
        return ready(MetadataBytes.props().prop("Socket-Type", socketType));
    }

    /** INITIATE with the given metadata (RFC 24). */
    WireBuilder initiate(MetadataBytes metadata) {
        return command("INITIATE", metadata.bytes());
    }

    WireBuilder initiateAs(String socketType) {
        return initiate(MetadataBytes.props().prop("Socket-Type", socketType));
    }

    /** PLAIN HELLO (RFC 24: username and password, each with a size octet). */
    WireBuilder hello(String username, String password) {
        return command("HELLO", Bodies.concat(Bodies.sized(ascii(username)), Bodies.sized(ascii(password))));
    }

    /** PLAIN WELCOME: no data. */
    WireBuilder welcome() {
        return command("WELCOME", new byte[0]);
    }

    /** ERROR with a correctly sized reason. */
    WireBuilder error(String reason) {
        return command("ERROR", Bodies.sized(ascii(reason)));
    }

    /** PING (RFC 37: TTL on 2 octets, then the context). */
    WireBuilder ping(int ttl, byte[] context) {
        return command("PING", Bodies.concat(new byte[] {(byte) (ttl >>> 8), (byte) ttl}, context));
    }

    WireBuilder pong(byte[] context) {
        return command("PONG", context);
    }

    WireBuilder subscribe(byte[] topic) {
        return command("SUBSCRIBE", topic);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void ensure(int more) {
        long needed = (long) length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        }
    }
}
