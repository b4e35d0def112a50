package io.jzmtp.transport.msg;

import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One whole message travelling through a pipe: one or more frames, all or nothing (RFC 23: "A message SHALL be
 * sent or received atomically").
 *
 * <p>Frame bytes are copied into one array owned by the message, which is reused when the message is recycled,
 * so steady-state traffic allocates nothing. A frame may instead reference a caller's array without copying
 * ({@link #addFrameOwned}); ownership of that array then passes with the message.
 *
 * <p>Not thread-safe: a message belongs to the thread holding it, and a pipe hands it over with the required
 * happens-before edge. Methods that grow storage allocate; that happens only until the pool is warm.
 */
public final class Msg {
    /** Arrays grown past this are dropped on {@link #clear()}, so a pool does not keep huge buffers alive. */
    static final int RETAINED_CAPACITY_LIMIT = 1 << 20;
    private static final int INITIAL_FRAMES = 4;

    private byte[] data;
    private int used;
    private int[] offsets = new int[INITIAL_FRAMES];
    private int[] lengths = new int[INITIAL_FRAMES];
    private byte[][] owned = new byte[INITIAL_FRAMES][];
    private int frames;
    private int connection;

    /**
     * Creates an empty message.
     *
     * @param initialCapacity bytes of frame storage to allocate now
     */
    public Msg(int initialCapacity) {
        this.data = new byte[Math.max(0, initialCapacity)];
    }

    /** Empties the message for reuse; keeps its storage unless it grew past 1 MiB. */
    public void clear() {
        for (int i = 0; i < frames; i++) {
            owned[i] = null;
        }
        frames = 0;
        used = 0;
        connection = 0;
        if (data.length > RETAINED_CAPACITY_LIMIT) {
            data = new byte[0];
        }
    }

    /**
     * Marks the message as meant only for one connection of its peer (see {@code Peer.connections()}): an engine
     * serving a later connection discards it. A subscriber's SUBSCRIBE/CANCEL messages are marked so, because the
     * full set is sent again after each reconnect. Cleared by {@link #clear()}.
     *
     * @param number the connection's number (1 for the first); 0 means any connection
     */
    public void forConnection(int number) {
        this.connection = number;
    }

    /** @return the connection the message is meant for; 0 for any. */
    public int connection() {
        return connection;
    }

    /** @return the number of frames. */
    public int frameCount() {
        return frames;
    }

    /** @return the total number of body bytes over all frames. */
    public long totalLength() {
        long n = 0;
        for (int i = 0; i < frames; i++) {
            n += lengths[i];
        }
        return n;
    }

    /**
     * @param index a frame index
     * @return that frame's length
     */
    public int frameLength(int index) {
        check(index);
        return lengths[index];
    }

    /**
     * Appends a frame, copying its bytes.
     *
     * @param src holds the body
     * @param offset where it starts
     * @param length its length
     */
    public void addFrame(DirectBuffer src, int offset, int length) {
        int at = reserve(length);
        src.getBytes(offset, data, at, length);
    }

    /**
     * Appends a frame, copying its bytes.
     *
     * @param src holds the body
     * @param offset where it starts
     * @param length its length
     */
    public void addFrame(byte[] src, int offset, int length) {
        int at = reserve(length);
        System.arraycopy(src, offset, data, at, length);
    }

    /**
     * Appends a frame made of one prefix octet followed by bytes copied from {@code src} (the legacy subscription
     * form: {@code 0x01|0x00 + topic}).
     *
     * @param prefix the first octet
     * @param src holds the rest
     * @param offset where it starts
     * @param length its length
     */
    public void addFrame(int prefix, DirectBuffer src, int offset, int length) {
        int at = reserve(length + 1);
        data[at] = (byte) prefix;
        src.getBytes(offset, data, at + 1, length);
    }

    /**
     * Appends a frame that is the whole of {@code array}, without copying. The caller must not touch the array
     * afterwards: it now travels with the message.
     *
     * @param array the body
     */
    public void addFrameOwned(byte[] array) {
        growFrames();
        offsets[frames] = 0;
        lengths[frames] = array.length;
        owned[frames] = array;
        frames++;
    }

    /**
     * Copies a frame's bytes out.
     *
     * @param index a frame index
     * @param dst the destination
     * @param dstOffset where to write
     */
    public void copyFrame(int index, MutableDirectBuffer dst, int dstOffset) {
        check(index);
        dst.putBytes(dstOffset, array(index), offsets[index], lengths[index]);
    }

    /**
     * Points a view at a frame without copying. The view is valid until the message is cleared.
     *
     * @param index a frame index
     * @param view the view to point
     */
    public void wrapFrame(int index, org.agrona.concurrent.UnsafeBuffer view) {
        check(index);
        view.wrap(array(index), offsets[index], lengths[index]);
    }

    /**
     * A copy of a frame's bytes.
     *
     * @param index a frame index
     * @return a new array; allocates
     */
    public byte[] frameBytes(int index) {
        check(index);
        return Arrays.copyOfRange(array(index), offsets[index], offsets[index] + lengths[index]);
    }

    /**
     * A frame's bytes for the application to keep: a frame added with {@link #addFrameOwned} (inproc from the
     * convenience API) is handed over as it is, without copying (it was the sender's, immutable by contract, and
     * leaves this message); any other frame is copied. Call at most once per frame, just before the message is
     * cleared.
     *
     * @param index a frame index
     * @return the frame's bytes; allocates only when copying
     */
    public byte[] takeFrame(int index) {
        check(index);
        byte[] whole = owned[index];
        if (whole != null) {
            owned[index] = null;
            return whole;
        }
        return Arrays.copyOfRange(data, offsets[index], offsets[index] + lengths[index]);
    }

    /**
     * The array holding a frame, for zero-copy writes to a channel: the frame is
     * {@code frameArray(i)[frameOffset(i) .. frameOffset(i) + frameLength(i))}.
     *
     * @param index a frame index
     * @return the array (not a copy: do not modify)
     */
    public byte[] frameArray(int index) {
        check(index);
        return array(index);
    }

    /**
     * @param index a frame index
     * @return where the frame starts in {@link #frameArray(int)}
     */
    public int frameOffset(int index) {
        check(index);
        return offsets[index];
    }

    private byte[] array(int index) {
        return owned[index] != null ? owned[index] : data;
    }

    private int reserve(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("frame length " + length + ": expected 0 or more");
        }
        growFrames();
        if (data.length - used < length) {
            long wanted = Math.max((long) used + length, Math.max(64, (long) data.length * 2));
            data = Arrays.copyOf(data, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
            if (data.length - used < length) {
                throw new IllegalArgumentException("message of " + ((long) used + length)
                    + " bytes: expected at most " + (Integer.MAX_VALUE - 8));
            }
        }
        int at = used;
        offsets[frames] = at;
        lengths[frames] = length;
        frames++;
        used += length;
        return at;
    }

    private void growFrames() {
        if (frames == offsets.length) {
            int n = frames * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            owned = Arrays.copyOf(owned, n);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + ": expected 0 to " + (frames - 1));
        }
    }
}
