package io.jzmtp.spec.catalogue;

import io.jzmtp.core.connection.ZmtpHandler;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Writes down what a connection delivers, one string per event:
 * {@code msg(text)} or {@code msg(text)+} for a frame with MORE, {@code ping(ttl,ctx)}, {@code pong(ctx)},
 * {@code sub(topic)}, {@code cancel(topic)}. Bodies over 64 bytes are written as {@code [N bytes]}; other
 * non-printable octets as {@code \xNN}. Test code only.
 */
final class Recorder implements ZmtpHandler {
    private final List<String> events = new ArrayList<>();

    List<String> events() {
        return events;
    }

    @Override
    public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
        events.add("msg(" + text(buffer, offset, length) + ")" + (more ? "+" : ""));
        return true;
    }

    @Override
    public void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length) {
        events.add("ping(" + ttlDeciseconds + "," + text(context, offset, length) + ")");
    }

    @Override
    public void onPong(DirectBuffer context, int offset, int length) {
        events.add("pong(" + text(context, offset, length) + ")");
    }

    @Override
    public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
        events.add((subscribe ? "sub(" : "cancel(") + text(topic, offset, length) + ")");
        return true;
    }

    /** The notation for bytes, shared with the expectations. */
    static String text(byte[] b) {
        return text(new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length);
    }

    private static String text(DirectBuffer b, int offset, int length) {
        if (length > 64) {
            return "[" + length + " bytes]";
        }
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = b.getByte(offset + i) & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02X", c));
            }
        }
        return s.toString();
    }
}
