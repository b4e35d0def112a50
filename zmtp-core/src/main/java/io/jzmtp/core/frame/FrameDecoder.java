package io.jzmtp.core.frame;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A push-style, resumable decoder of ZMTP 3.x frames (RFC 23, "Framing").
 *
 * <p>Input may be split at any byte boundary: any split of the same stream yields the same frames, and the same
 * error at the same stream offset. A frame whose body lies whole in one input chunk is handed out as a view on
 * that chunk (no copy); a body split across chunks is gathered in a reusable buffer that grows only as bytes
 * arrive, never beyond the declared size, and never beyond the maximum frame size, which is checked as soon as
 * the size field is complete and before anything is allocated for the body.
 *
 * <p>Not thread-safe: one owner thread. Steady state allocates nothing; gathering a split body larger than any
 * before grows the buffer (a buffer over 1 MiB is released after its frame is delivered).
 */
public final class FrameDecoder {
    /** The largest body a Java array can hold, and so the largest frame jzmtp accepts whatever is configured. */
    public static final long MAX_FRAME_SIZE_LIMIT = Integer.MAX_VALUE - 8;

    private static final int STATE_FLAGS = 0;
    private static final int STATE_SIZE = 1;
    private static final int STATE_BODY = 2;
    private static final int RETAINED_GATHER_LIMIT = 1 << 20;
    private static final int INITIAL_GATHER_CAPACITY = 256;
    private static final byte[] EMPTY = new byte[0];

    private final long maxFrameSize;
    private final UnsafeBuffer gatherView = new UnsafeBuffer(EMPTY);
    private byte[] gather = EMPTY;
    /** Where the current body goes instead of {@link #gather}, if its handler gave a destination. */
    private MutableDirectBuffer sink;

    /** Stream offset of input index 0 during a decode call: streamOffset(i) = base + i. */
    private long base;
    private long position;
    private int state = STATE_FLAGS;
    private int flags;
    private int sizeBytesLeft;
    private long size;
    private int bodySize;
    private int bodyFill;
    private long frameStart;

    /**
     * Creates a decoder.
     *
     * @param maxFrameSize the largest body accepted, 0 to {@link #MAX_FRAME_SIZE_LIMIT}; a negative value means
     *     "no limit but the JVM's" ({@link #MAX_FRAME_SIZE_LIMIT})
     * @param startPosition the stream offset of the first byte this decoder will see (the bytes already consumed
     *     by the greeting), used in error offsets
     * @throws IllegalArgumentException if an argument is out of range
     */
    public FrameDecoder(long maxFrameSize, long startPosition) {
        if (maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + ": expected at most "
                + MAX_FRAME_SIZE_LIMIT + " (or negative for that limit)");
        }
        if (startPosition < 0) {
            throw new IllegalArgumentException("startPosition " + startPosition + ": expected 0 or more");
        }
        this.maxFrameSize = maxFrameSize < 0 ? MAX_FRAME_SIZE_LIMIT : maxFrameSize;
        this.position = startPosition;
    }

    /** @return the largest body this decoder accepts. */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    /** @return the stream offset of the next byte this decoder expects. */
    public long position() {
        return position;
    }

    /** @return true if the decoder holds no partial frame. */
    public boolean atFrameBoundary() {
        return state == STATE_FLAGS;
    }

    /** @return the capacity of the gathering buffer, for tests of its growth. */
    public int gatherCapacity() {
        return gather.length;
    }

    /**
     * Decodes as much of the input as possible, handing each complete frame to the handler.
     *
     * @param src the input
     * @param offset where the input starts
     * @param length how many bytes are available
     * @param handler receives the frames
     * @return how many bytes were consumed: all of them, unless the handler asked to pause
     * @throws ProtocolException if the input breaks the framing rules (the decoder must then be discarded), or
     *     if the handler throws one
     */
    public int decode(DirectBuffer src, int offset, int length, FrameHandler handler) throws ProtocolException {
        final int end = offset + length;
        base = position - offset;
        int pos = offset;
        try {
            while (pos < end) {
                if (state == STATE_FLAGS) {
                    readFlags(src, pos++);
                } else if (state == STATE_SIZE) {
                    pos = readSize(src, pos, end);
                    if (state == STATE_BODY && bodySize == 0) {
                        state = STATE_FLAGS;
                        if (!handler.onFrame(src, pos, 0, flags, frameStart)) {
                            break;
                        }
                    }
                } else if (bodyFill == 0 && end - pos >= bodySize) {
                    int start = pos;
                    pos += bodySize;
                    state = STATE_FLAGS;
                    if (!handler.onFrame(src, start, bodySize, flags, frameStart)) {
                        break;
                    }
                } else {
                    if (bodyFill == 0) {
                        sink = handler.bodyDestination(bodySize, flags);
                    }
                    int n = Math.min(end - pos, bodySize - bodyFill);
                    if (sink != null) {
                        src.getBytes(pos, sink, bodyFill, n);
                    } else {
                        ensureGather(bodyFill + n);
                        src.getBytes(pos, gather, bodyFill, n);
                    }
                    bodyFill += n;
                    pos += n;
                    if (bodyFill == bodySize && !deliverGathered(handler)) {
                        break;
                    }
                }
            }
        } finally {
            position = base + pos;
        }
        return pos - offset;
    }

    private void readFlags(DirectBuffer src, int pos) throws ProtocolException {
        int octet = src.getByte(pos) & 0xFF;
        frameStart = base + pos;
        // RFC 23 "Framing": command-size = %x04 short-size | %x06 long-size, so a command never has MORE set.
        if ((octet & FrameFlags.COMMAND) != 0 && (octet & FrameFlags.MORE) != 0) {
            throw new ProtocolException(ProtocolError.MALFORMED_FRAME,
                "command frame with the MORE flag (flags 0x" + Integer.toHexString(octet) + ")", frameStart, null);
        }
        // Reserved bits 3-7 are ignored on receipt, as libzmq does.
        flags = octet & (FrameFlags.MORE | FrameFlags.COMMAND);
        sizeBytesLeft = (octet & FrameFlags.LONG) != 0 ? 8 : 1;
        size = 0;
        state = STATE_SIZE;
    }

    private int readSize(DirectBuffer src, int pos, int end) throws ProtocolException {
        while (sizeBytesLeft > 0 && pos < end) {
            size = (size << 8) | (src.getByte(pos++) & 0xFF);
            sizeBytesLeft--;
        }
        if (sizeBytesLeft > 0) {
            return pos;
        }
        long lastSizeByte = base + pos - 1;
        // RFC 23: a long size is an unsigned 64-bit value below 2^63; a set top bit reads as negative here.
        if (size < 0) {
            throw new ProtocolException(ProtocolError.MALFORMED_FRAME,
                "frame size 0x" + Long.toHexString(size) + " has its top bit set", lastSizeByte, null);
        }
        if (size > maxFrameSize) {
            throw new ProtocolException(ProtocolError.MESSAGE_TOO_LARGE,
                "frame of " + size + " bytes exceeds the maximum of " + maxFrameSize, lastSizeByte, null);
        }
        bodySize = (int) size;
        bodyFill = 0;
        state = STATE_BODY;
        return pos;
    }

    /**
     * How many bytes of the current frame's body are still due in the destination its handler gave
     * ({@link FrameHandler#bodyDestination}); 0 when no body is being gathered there. The caller may write them
     * into that destination itself (from a channel, say) and report them with {@link #bodyArrived}.
     *
     * @return the bytes still due, or 0
     */
    public int bodyRemaining() {
        return sink != null && state == STATE_BODY ? bodySize - bodyFill : 0;
    }

    /**
     * Reports {@code n} more body bytes that the caller wrote into the handler's destination, at
     * {@code bodyLength - bodyRemaining()}: the decoder goes on as if it had copied them from input itself, and
     * hands the frame to the handler when its body is complete.
     *
     * @param n how many bytes arrived, 1 to {@link #bodyRemaining()}
     * @param handler receives the frame if it is now complete
     * @return what the handler returned, or true if the frame is not complete yet
     * @throws ProtocolException if the handler throws one
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public boolean bodyArrived(int n, FrameHandler handler) throws ProtocolException {
        int due = bodyRemaining();
        if (n < 1 || n > due) {
            throw new IllegalArgumentException("body bytes " + n + ": expected 1 to " + due);
        }
        bodyFill += n;
        position += n;
        return bodyFill < bodySize || deliverGathered(handler);
    }

    private boolean deliverGathered(FrameHandler handler) throws ProtocolException {
        state = STATE_FLAGS;
        int length = bodyFill;
        bodyFill = 0;
        if (sink != null) {
            MutableDirectBuffer into = sink;
            sink = null;
            return handler.onFrame(into, 0, length, flags, frameStart);
        }
        try {
            return handler.onFrame(gatherView, 0, length, flags, frameStart);
        } finally {
            if (gather.length > RETAINED_GATHER_LIMIT) {
                gather = EMPTY;
                gatherView.wrap(EMPTY);
            }
        }
    }

    private void ensureGather(int needed) {
        if (needed <= gather.length) {
            return;
        }
        // Grow geometrically as bytes arrive, but never past the declared body size: a peer that declares a
        // huge frame and sends a few bytes costs only what it sent.
        long grown = Math.max((long) gather.length * 2, INITIAL_GATHER_CAPACITY);
        int capacity = (int) Math.min(Math.max(grown, needed), bodySize);
        byte[] bigger = new byte[capacity];
        System.arraycopy(gather, 0, bigger, 0, bodyFill);
        gather = bigger;
        gatherView.wrap(gather);
    }
}
