package io.jzmtp.core.command;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * A reusable view on the body of one command frame: {@code name-size(1) name(1-255 ALPHA) data}
 * (RFC 23, "Commands"; RFC 37 writes the size octet as short-size, which is the same single octet).
 *
 * <p>Not thread-safe: one owner. {@link #wrap} and the accessors allocate nothing.
 */
public final class CommandView {
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int nameLength;

    /**
     * Points the view at a command body and checks its form.
     *
     * @param src holds the body
     * @param offset where it starts
     * @param length its length
     * @return this view
     * @throws ProtocolException with {@link ProtocolError#ZMTP_MALFORMED_COMMAND_UNSPECIFIED} if the body is empty,
     *     the name is empty or runs past the body, or the name has a character that is not a letter
     */
    public CommandView wrap(DirectBuffer src, int offset, int length) throws ProtocolException {
        if (length < 1) {
            throw malformed("empty command body");
        }
        int n = src.getByte(offset) & 0xFF;
        if (n == 0) {
            throw malformed("command name of length 0");
        }
        if (n > length - 1) {
            throw malformed("command name of " + n + " bytes in a body of " + length);
        }
        for (int i = 1; i <= n; i++) {
            int c = src.getByte(offset + i);
            // RFC 23: command-name-char = ALPHA
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw malformed("command name has the octet 0x" + Integer.toHexString(c & 0xFF));
            }
        }
        this.buffer = src;
        this.offset = offset;
        this.length = length;
        this.nameLength = n;
        return this;
    }

    private static ProtocolException malformed(String detail) {
        return new ProtocolException(ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, detail);
    }

    /**
     * @param name a command name's ASCII bytes, as in {@link CommandNames}
     * @return true if this command has exactly that name (command names are case-sensitive)
     */
    public boolean is(byte[] name) {
        if (name.length != nameLength) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (buffer.getByte(offset + 1 + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the name as text; allocates. */
    public String name() {
        byte[] b = new byte[nameLength];
        buffer.getBytes(offset + 1, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** @return the buffer holding the command. */
    public DirectBuffer buffer() {
        return buffer;
    }

    /** @return where the data after the name starts. */
    public int dataOffset() {
        return offset + 1 + nameLength;
    }

    /** @return the length of the data after the name. */
    public int dataLength() {
        return length - 1 - nameLength;
    }
}
