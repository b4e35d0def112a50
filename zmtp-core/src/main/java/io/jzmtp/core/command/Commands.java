package io.jzmtp.core.command;

import io.jzmtp.core.Metadata;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encoders and parsers for the bodies of the ZMTP commands (RFC 23, RFC 24, RFC 37).
 *
 * <p>Pure and thread-safe. The handshake commands (READY, ERROR, HELLO, WELCOME, INITIATE) are control path and
 * allocate their bodies; the traffic commands (PING, PONG, SUBSCRIBE, CANCEL) are written as whole frames into
 * caller-supplied buffers without allocating.
 */
public final class Commands {
    /** The most context octets a PING may carry (RFC 37: {@code ping-context = 0*16OCTET}). */
    public static final int MAX_PING_CONTEXT = 16;
    /** The largest TTL a PING can carry, in deciseconds (an unsigned 16-bit field). */
    public static final int MAX_PING_TTL = 0xFFFF;

    private Commands() {
    }

    /**
     * Builds a command body: name-size, name, data.
     *
     * @param name the command name (1-255 letters)
     * @param data the data
     * @return the body; allocates
     */
    public static byte[] body(byte[] name, byte[] data) {
        byte[] out = new byte[1 + name.length + data.length];
        out[0] = (byte) name.length;
        System.arraycopy(name, 0, out, 1, name.length);
        System.arraycopy(data, 0, out, 1 + name.length, data.length);
        return out;
    }

    private static byte[] withMetadata(byte[] name, Metadata metadata) {
        byte[] data = new byte[metadata.encodedLength()];
        metadata.encode(new UnsafeBuffer(data), 0);
        return body(name, data);
    }

    /**
     * @param metadata our properties
     * @return a READY body (RFC 23: {@code %d5 "READY" metadata}); allocates
     */
    public static byte[] ready(Metadata metadata) {
        return withMetadata(CommandNames.READY, metadata);
    }

    /**
     * @param metadata our properties
     * @return an INITIATE body for PLAIN (RFC 24: {@code %d8 "INITIATE" metadata}); allocates
     */
    public static byte[] initiate(Metadata metadata) {
        return withMetadata(CommandNames.INITIATE, metadata);
    }

    /** @return a PLAIN WELCOME body (RFC 24: {@code %d7 "WELCOME"}, no data); allocates. */
    public static byte[] welcome() {
        return body(CommandNames.WELCOME, new byte[0]);
    }

    /**
     * Builds an ERROR body (RFC 23: {@code %d5 "ERROR" error-reason}, reason 0-255 octets). Longer reasons
     * are cut to 255 octets.
     *
     * @param reason the reason text (ASCII)
     * @return the body; allocates
     */
    public static byte[] error(String reason) {
        byte[] r = reason.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(r.length, 255);
        byte[] data = new byte[1 + n];
        data[0] = (byte) n;
        System.arraycopy(r, 0, data, 1, n);
        return body(CommandNames.ERROR, data);
    }

    /**
     * Builds a PLAIN HELLO body (RFC 24: {@code %d5 "HELLO" username password}, each a size octet and 0-255
     * octets).
     *
     * @param username 0 to 255 bytes
     * @param password 0 to 255 bytes
     * @return the body; allocates
     * @throws IllegalArgumentException if either is longer than 255 bytes
     */
    public static byte[] plainHello(byte[] username, byte[] password) {
        if (username.length > 255 || password.length > 255) {
            throw new IllegalArgumentException("PLAIN username of " + username.length + " and password of "
                + password.length + " bytes: expected at most 255 each");
        }
        byte[] data = new byte[2 + username.length + password.length];
        data[0] = (byte) username.length;
        System.arraycopy(username, 0, data, 1, username.length);
        data[1 + username.length] = (byte) password.length;
        System.arraycopy(password, 0, data, 2 + username.length, password.length);
        return body(CommandNames.HELLO, data);
    }

    /**
     * Parses the metadata of a READY command.
     *
     * @param c a READY command
     * @return the peer's properties
     * @throws ProtocolException with {@link ProtocolError#ZMTP_INVALID_METADATA} if they do not parse
     */
    public static Metadata parseReady(CommandView c) throws ProtocolException {
        return Metadata.parse(c.buffer(), c.dataOffset(), c.dataLength());
    }

    /**
     * Parses the metadata of a PLAIN INITIATE command.
     *
     * @param c an INITIATE command
     * @return the peer's properties
     * @throws ProtocolException with {@link ProtocolError#ZMTP_INVALID_METADATA} if they do not parse
     */
    public static Metadata parseInitiate(CommandView c) throws ProtocolException {
        return Metadata.parse(c.buffer(), c.dataOffset(), c.dataLength());
    }

    /**
     * Parses an ERROR command's reason.
     *
     * @param c an ERROR command
     * @return the reason, with non-printable octets shown as '?'
     * @throws ProtocolException with {@link ProtocolError#ZMTP_MALFORMED_COMMAND_ERROR} unless the data is one
     *     size octet followed by exactly that many octets
     */
    public static String parseError(CommandView c) throws ProtocolException {
        int n = c.dataLength();
        if (n < 1 || (c.buffer().getByte(c.dataOffset()) & 0xFF) != n - 1) {
            throw new ProtocolException(ProtocolError.ZMTP_MALFORMED_COMMAND_ERROR,
                "ERROR reason size does not match the " + n + " bytes of data");
        }
        StringBuilder b = new StringBuilder(n - 1);
        for (int i = 1; i < n; i++) {
            int ch = c.buffer().getByte(c.dataOffset() + i) & 0xFF;
            b.append(ch >= 0x20 && ch < 0x7F ? (char) ch : '?');
        }
        return b.toString();
    }

    /**
     * Parses a PLAIN HELLO command.
     *
     * @param c a HELLO command
     * @return the credentials
     * @throws ProtocolException with {@link ProtocolError#ZMTP_MALFORMED_COMMAND_HELLO} unless the data is
     *     exactly a size-prefixed username followed by a size-prefixed password
     */
    public static PlainCredentials parsePlainHello(CommandView c) throws ProtocolException {
        DirectBuffer b = c.buffer();
        int pos = c.dataOffset();
        int end = pos + c.dataLength();
        if (pos >= end) {
            throw malformedHello("no username size");
        }
        int ul = b.getByte(pos++) & 0xFF;
        if (ul > end - pos) {
            throw malformedHello("username of " + ul + " bytes runs past the end");
        }
        byte[] user = new byte[ul];
        b.getBytes(pos, user);
        pos += ul;
        if (pos >= end) {
            throw malformedHello("no password size");
        }
        int pl = b.getByte(pos++) & 0xFF;
        if (pl != end - pos) {
            throw malformedHello("password of " + pl + " bytes where " + (end - pos) + " remain");
        }
        byte[] pass = new byte[pl];
        b.getBytes(pos, pass);
        return new PlainCredentials(user, pass);
    }

    private static ProtocolException malformedHello(String detail) {
        return new ProtocolException(ProtocolError.ZMTP_MALFORMED_COMMAND_HELLO, detail);
    }

    /**
     * Checks a PLAIN WELCOME command.
     *
     * @param c a WELCOME command
     * @throws ProtocolException with {@link ProtocolError#ZMTP_MALFORMED_COMMAND_WELCOME} if it carries data
     */
    public static void parsePlainWelcome(CommandView c) throws ProtocolException {
        if (c.dataLength() != 0) {
            throw new ProtocolException(ProtocolError.ZMTP_MALFORMED_COMMAND_WELCOME,
                "PLAIN WELCOME with " + c.dataLength() + " bytes of data");
        }
    }

    /**
     * Reads a PING's TTL after checking its form (RFC 37: {@code %d4 "PING" ping-ttl(2) ping-context(0-16)}).
     *
     * @param c a PING command
     * @return the TTL in deciseconds, 0 to 65535
     * @throws ProtocolException with {@link ProtocolError#MALFORMED_COMMAND_PING} if the TTL is missing or the
     *     context is longer than 16 octets
     */
    public static int parsePingTtl(CommandView c) throws ProtocolException {
        int n = c.dataLength();
        if (n < 2 || n > 2 + MAX_PING_CONTEXT) {
            throw new ProtocolException(ProtocolError.MALFORMED_COMMAND_PING,
                "PING with " + n + " bytes of data: expected a 2-byte TTL and 0 to 16 bytes of context");
        }
        return c.buffer().getShort(c.dataOffset(), ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * Checks a PONG's form (RFC 37: {@code %d4 "PONG" ping-context(0-16)}).
     *
     * @param c a PONG command
     * @throws ProtocolException with {@link ProtocolError#MALFORMED_COMMAND_PONG} if the context is longer than
     *     16 octets
     */
    public static void checkPong(CommandView c) throws ProtocolException {
        if (c.dataLength() > MAX_PING_CONTEXT) {
            throw new ProtocolException(ProtocolError.MALFORMED_COMMAND_PONG,
                "PONG with " + c.dataLength() + " bytes of context: expected at most 16");
        }
    }

    /**
     * @param contextLength 0 to 16
     * @return the length of a PING frame with that context
     */
    public static int pingFrameLength(int contextLength) {
        return 2 + 1 + 4 + 2 + contextLength;
    }

    /**
     * Writes a whole PING command frame.
     *
     * @param dst destination with {@link #pingFrameLength(int)} bytes of room
     * @param offset where to write
     * @param ttlDeciseconds the TTL announced, 0 to 65535 deciseconds
     * @param context the context, 0 to 16 bytes (may be null when the length is 0)
     * @param contextOffset where the context starts
     * @param contextLength its length
     * @return the number of bytes written
     * @throws IllegalArgumentException if the TTL or context length is out of range
     */
    public static int writePing(MutableDirectBuffer dst, int offset, int ttlDeciseconds,
        DirectBuffer context, int contextOffset, int contextLength) {
        if (ttlDeciseconds < 0 || ttlDeciseconds > MAX_PING_TTL) {
            throw new IllegalArgumentException("PING TTL " + ttlDeciseconds + " ds: expected 0 to 65535");
        }
        checkContext(contextLength);
        int body = 1 + 4 + 2 + contextLength;
        int pos = offset + FrameEncoder.writeHeader(dst, offset, FrameFlags.COMMAND, body);
        pos = putName(dst, pos, CommandNames.PING);
        dst.putShort(pos, (short) ttlDeciseconds, ByteOrder.BIG_ENDIAN);
        pos += 2;
        if (contextLength > 0) {
            dst.putBytes(pos, context, contextOffset, contextLength);
        }
        return pos + contextLength - offset;
    }

    /**
     * Writes a whole PONG command frame echoing a PING's context.
     *
     * @param dst destination with {@code 7 + contextLength} bytes of room
     * @param offset where to write
     * @param context the context to echo, 0 to 16 bytes (may be null when the length is 0)
     * @param contextOffset where it starts
     * @param contextLength its length
     * @return the number of bytes written
     */
    public static int writePong(MutableDirectBuffer dst, int offset, DirectBuffer context, int contextOffset,
        int contextLength) {
        checkContext(contextLength);
        int pos = offset + FrameEncoder.writeHeader(dst, offset, FrameFlags.COMMAND, 1 + 4 + contextLength);
        pos = putName(dst, pos, CommandNames.PONG);
        if (contextLength > 0) {
            dst.putBytes(pos, context, contextOffset, contextLength);
        }
        return pos + contextLength - offset;
    }

    /**
     * @param topicLength the topic's length
     * @param subscribe true for SUBSCRIBE, false for CANCEL
     * @return the length of the command frame
     */
    public static int subscriptionFrameLength(int topicLength, boolean subscribe) {
        long body = 1L + (subscribe ? CommandNames.SUBSCRIBE.length : CommandNames.CANCEL.length) + topicLength;
        return (int) (FrameEncoder.headerLength(body) + body);
    }

    /**
     * Writes a whole SUBSCRIBE or CANCEL command frame (RFC 37), for peers that speak ZMTP 3.1. The LONG form is
     * used whenever the body exceeds 255 octets, including topics of 246 to 255 octets.
     *
     * @param dst destination with {@link #subscriptionFrameLength(int, boolean)} bytes of room
     * @param offset where to write
     * @param subscribe true for SUBSCRIBE, false for CANCEL
     * @param topic holds the topic
     * @param topicOffset where it starts
     * @param topicLength its length
     * @return the number of bytes written
     */
    public static int writeSubscription(MutableDirectBuffer dst, int offset, boolean subscribe,
        DirectBuffer topic, int topicOffset, int topicLength) {
        byte[] name = subscribe ? CommandNames.SUBSCRIBE : CommandNames.CANCEL;
        int pos = offset + FrameEncoder.writeHeader(dst, offset, FrameFlags.COMMAND, 1L + name.length + topicLength);
        pos = putName(dst, pos, name);
        dst.putBytes(pos, topic, topicOffset, topicLength);
        return pos + topicLength - offset;
    }

    private static int putName(MutableDirectBuffer dst, int pos, byte[] name) {
        dst.putByte(pos, (byte) name.length);
        dst.putBytes(pos + 1, name);
        return pos + 1 + name.length;
    }

    private static void checkContext(int contextLength) {
        if (contextLength < 0 || contextLength > MAX_PING_CONTEXT) {
            throw new IllegalArgumentException("PING context of " + contextLength + " bytes: expected 0 to 16");
        }
    }
}
