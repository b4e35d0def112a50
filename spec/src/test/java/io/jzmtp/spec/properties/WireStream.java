package io.jzmtp.spec.properties;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes travelling in one direction between two connections under test: what the sender released (plus
 * what the test injected or corrupted), how much of it was delivered, and how much the receiver consumed.
 * Every frame after the 64-octet greeting is one {@link Segment}, annotated with where it came from.
 */
final class WireStream {
    /** Where a frame came from. */
    enum Origin {
        /** A handshake command the sending connection released. */
        HANDSHAKE,
        /** Traffic the sending side wrote after its handshake. */
        APP,
        /** A frame the test injected. */
        INJECTED,
        /** The ERROR command the sending side's owner sends before closing (errorReply). */
        ERROR_REPLY
    }

    /**
     * One frame of the stream.
     *
     * @param start the offset of its flags octet
     * @param end the offset after its body
     * @param origin where it came from
     * @param name for HANDSHAKE frames, the command name the sender wrote
     * @param sender the sending side's socket type
     */
    record Segment(int start, int end, Origin origin, String name, SocketType sender) {
        Segment shifted(int by) {
            return new Segment(start + by, end + by, origin, name, sender);
        }
    }

    private byte[] bytes = new byte[256];
    private byte[] pristine = new byte[256];
    private int length;
    private int pristineLength;
    private final List<Segment> segments = new ArrayList<>();
    /** Delivered to the receiver (whether or not it consumed them). */
    int delivered;
    /** Consumed by the receiver's connection. */
    int consumed;
    /** The lowest offset of an unpredictable corruption, or Integer.MAX_VALUE. */
    int unknownFrom = Integer.MAX_VALUE;

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    List<Segment> segments() {
        return segments;
    }

    /** @return the first 64 octets the sender released, before any corruption (fewer if not all released) */
    byte[] pristineGreeting() {
        return Arrays.copyOf(pristine, Math.min(pristineLength, Greeting.LENGTH));
    }

    private void ensure(int n) {
        if (n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
        }
        if (n > pristine.length) {
            pristine = Arrays.copyOf(pristine, Math.max(n, pristine.length * 2));
        }
    }

    /**
     * Appends what the sending connection released: greeting octets, then whole handshake command frames.
     *
     * @param out the released bytes
     * @param sender the sender's socket type
     */
    void appendHandshake(byte[] out, SocketType sender) {
        appendFrames(out, Origin.HANDSHAKE, sender);
    }

    /**
     * Appends whole frames (after the greeting) or greeting octets.
     *
     * @param out the bytes
     * @param origin where they came from
     * @param sender the sender's socket type
     */
    void appendFrames(byte[] out, Origin origin, SocketType sender) {
        ensure(length + out.length);
        System.arraycopy(out, 0, bytes, length, out.length);
        System.arraycopy(out, 0, pristine, pristineLength, out.length);
        int at = Math.max(length, Greeting.LENGTH);
        length += out.length;
        pristineLength += out.length;
        while (at < length) {
            int end = frameEnd(bytes, at, length);
            if (end < 0) {
                throw new AssertionError("a sender released a partial frame at stream offset " + at);
            }
            String name = null;
            int bodyStart = at + headerLength(bytes[at]);
            if ((bytes[at] & FrameFlags.COMMAND) != 0 && end > bodyStart) {
                int n = bytes[bodyStart] & 0xFF;
                name = new String(bytes, bodyStart + 1, Math.min(n, end - bodyStart - 1),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            segments.add(new Segment(at, end, origin, name, sender));
            at = end;
        }
    }

    /**
     * Inserts a whole frame at a frame boundary that has not been delivered.
     *
     * @param at the boundary
     * @param frame the frame's bytes
     */
    void insert(int at, byte[] frame) {
        if (at < delivered || at < Greeting.LENGTH || !boundaries().contains(at)) {
            throw new AssertionError("not an undelivered frame boundary: " + at);
        }
        ensure(length + frame.length);
        System.arraycopy(bytes, at, bytes, at + frame.length, length - at);
        System.arraycopy(frame, 0, bytes, at, frame.length);
        length += frame.length;
        if (unknownFrom != Integer.MAX_VALUE && unknownFrom >= at) {
            unknownFrom += frame.length;
        }
        int index = 0;
        while (index < segments.size() && segments.get(index).start() < at) {
            index++;
        }
        for (int i = index; i < segments.size(); i++) {
            segments.set(i, segments.get(i).shifted(frame.length));
        }
        segments.add(index, new Segment(at, at + frame.length, Origin.INJECTED, null, null));
    }

    /** @return the undelivered frame boundaries after the greeting, including the end of the stream */
    List<Integer> boundaries() {
        List<Integer> out = new ArrayList<>();
        if (length < Greeting.LENGTH) {
            return out;
        }
        int floor = Math.max(delivered, Greeting.LENGTH);
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        all.add(Greeting.LENGTH);
        all.add(length);
        for (Segment s : segments) {
            all.add(s.start());
            all.add(s.end());
        }
        for (int i : all) {
            if (i >= floor) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * @param at an offset
     * @return the segment starting there, or null
     */
    Segment segmentAt(int at) {
        for (Segment s : segments) {
            if (s.start() == at) {
                return s;
            }
        }
        return null;
    }

    /**
     * @param flags a flags octet
     * @return the header length it announces
     */
    static int headerLength(byte flags) {
        return (flags & FrameFlags.LONG) != 0 ? 9 : 2;
    }

    /**
     * @param b bytes
     * @param at where a frame starts
     * @param limit how many bytes exist
     * @return the end of the frame, or -1 if it is incomplete
     */
    static int frameEnd(byte[] b, int at, int limit) {
        int h = headerLength(b[at]);
        if (at + h > limit) {
            return -1;
        }
        long size = 0;
        for (int i = 1; i < h; i++) {
            size = size << 8 | (b[at + i] & 0xFF);
        }
        return size < 0 || at + h + size > limit ? -1 : (int) (at + h + size);
    }
}
