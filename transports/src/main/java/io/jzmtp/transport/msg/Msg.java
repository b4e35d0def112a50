package io.jzmtp.transport.msg;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One whole message travelling through a pipe: one or more frames, all or nothing (RFC 23: "A message SHALL be
 * sent or received atomically").
 *
 * <p>Frame bytes are copied into storage owned by the message, which is reused when the message is recycled, so
 * steady-state traffic allocates nothing. Small messages live in a heap array; from
 * {@value MsgStorage#DIRECT_THRESHOLD} bytes on, in native memory, which an engine reads into and writes from
 * directly ({@link #frameIo}). A frame may instead reference a caller's array without copying
 * ({@link #addFrameOwned}); ownership of that array then passes with the message. Or it may lie in a caller's
 * direct buffer, lent until the message lets go of it ({@link #addFrameLent}): written to a channel from where it
 * lies, read in place by an inproc receiver, and handed back through the caller's release callback exactly once.
 *
 * <p>Not thread-safe: a message belongs to the thread holding it, and a pipe hands it over with the required
 * happens-before edge. Methods that grow storage allocate; that happens only until the pool is warm.
 */
public final class Msg {
    /** Storage grown past this is dropped on {@link #clear()}, so a pool does not keep huge buffers alive. */
    static final int RETAINED_CAPACITY_LIMIT = MsgStorage.RETAINED_CAPACITY_LIMIT;
    private static final int INITIAL_FRAMES = 4;
    private static final byte[] EMPTY = new byte[0];
    private static final System.Logger LOG = System.getLogger(Msg.class.getName());

    private final MsgStorage storage;
    private int used;
    private int[] offsets = new int[INITIAL_FRAMES];
    private int[] lengths = new int[INITIAL_FRAMES];
    private byte[][] owned = new byte[INITIAL_FRAMES][];
    /** Views on owned frames for {@link #frameBuffer}, made once per slot and rewrapped. */
    private UnsafeBuffer[] ownedViews = new UnsafeBuffer[INITIAL_FRAMES];
    /** Lent frames' buffers ({@link #addFrameLent}), and what to call when each is let go. */
    private ByteBuffer[] lent = new ByteBuffer[INITIAL_FRAMES];
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Consumer<? super ByteBuffer>[] releases = new Consumer[INITIAL_FRAMES];
    /** How many frames are lent and not yet released: 0 on the usual path, which then reads no lent slot. */
    private int lentCount;
    private int frames;
    private int connection;
    /** Link in a {@link MsgRecycler}'s stack of spent messages; touched only by the recycler. */
    Msg recycledNext;

    /**
     * Creates an empty message.
     *
     * @param initialCapacity bytes of frame storage to allocate now
     */
    public Msg(int initialCapacity) {
        this.storage = new MsgStorage(Math.max(0, initialCapacity));
    }

    /** Empties the message for reuse; keeps its storage unless it grew past 1 MiB. */
    public void clear() {
        dropOwned();
        frames = 0;
        used = 0;
        connection = 0;
        storage.trim();
    }

    /**
     * Lets go of the arrays that frames added with {@link #addFrameOwned} reference, and releases lent buffers
     * ({@link #addFrameLent}), and nothing else: the message keeps its frames' shape until {@link #clear()}. Writes
     * only to slots that hold an array, so a reader that hands a copied-frame message back does not write to lines the
     * next writer is about to fill (see {@link MsgRecycler#recycle}).
     */
    void dropOwned() {
        if (lentCount > 0) {
            releaseLent();
        }
        for (int i = 0; i < frames; i++) {
            if (owned[i] != null) {
                owned[i] = null;
            }
            UnsafeBuffer v = ownedViews[i];
            if (v != null && v.byteArray() != EMPTY) {
                v.wrap(EMPTY);
            }
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
        int at = storedAt(reserveFrame(length));
        src.getBytes(offset, storage.view, at, length);
    }

    /**
     * Appends a frame, copying its bytes.
     *
     * @param src holds the body
     * @param offset where it starts
     * @param length its length
     */
    public void addFrame(byte[] src, int offset, int length) {
        int at = storedAt(reserveFrame(length));
        storage.view.putBytes(at, src, offset, length);
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
        int at = storedAt(reserveFrame(length + 1));
        storage.view.putByte(at, (byte) prefix);
        src.getBytes(offset, storage.view, at + 1, length);
    }

    /**
     * Appends a frame of {@code length} bytes whose content the caller writes next, through {@link #frameIo} or a
     * view from {@link #wrapFrame}: an engine reading a large body straight from its channel.
     *
     * @param length the frame's length
     * @return the new frame's index
     * @throws IllegalArgumentException if the length is negative or the message would exceed 2^31 - 9 bytes
     */
    public int reserveFrame(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("frame length " + length + ": expected 0 or more");
        }
        storage.ensure((long) used + length, used);
        growFrames();
        offsets[frames] = used;
        lengths[frames] = length;
        used += length;
        return frames++;
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
     * Appends a frame that lies in a caller's direct buffer, from its position to its limit, without copying. The
     * message uses the buffer object itself for channel calls (it moves the position and limit) until it lets go
     * of the frame: when the message is cleared or recycled, the position and limit are put back as they were and
     * {@code release} is called once with the buffer, on whichever thread lets go (the I/O thread once the bytes
     * were written, an inproc receiver's thread, or the sender's when the message is not sent). Until then the
     * caller must neither touch the buffer object nor change the bytes. An exception from {@code release} is
     * logged and otherwise ignored.
     *
     * @param buffer the frame, from position to limit; a direct buffer
     * @param release called once with the buffer when the message lets go of it
     * @throws IllegalArgumentException if the buffer is not direct
     * @throws NullPointerException if either argument is null
     */
    public void addFrameLent(ByteBuffer buffer, Consumer<? super ByteBuffer> release) {
        checkLendable(buffer, release);
        growFrames();
        offsets[frames] = buffer.position();
        lengths[frames] = buffer.remaining();
        lent[frames] = buffer;
        releases[frames] = release;
        lentCount++;
        frames++;
    }

    /**
     * Checks what {@link #addFrameLent} takes, so that a caller can refuse it before it begins a message.
     *
     * @param buffer the frame; must be direct
     * @param release its release callback
     * @throws IllegalArgumentException if the buffer is not direct (naming it)
     * @throws NullPointerException if either is null
     */
    public static void checkLendable(ByteBuffer buffer, Consumer<? super ByteBuffer> release) {
        Objects.requireNonNull(buffer, "frame");
        Objects.requireNonNull(release, "release");
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("frame " + buffer + ": expected a direct ByteBuffer (a heap buffer's"
                + " bytes can be sent copied instead)");
        }
    }

    /** @return true if the frame is lent and not yet released ({@link #addFrameLent}) */
    private boolean isLent(int index) {
        return lentCount > 0 && lent[index] != null;
    }

    /**
     * Puts each lent buffer's position and limit back, lets go of it, then calls its release. The frame's view, if
     * one was made, is let go by {@link #dropOwned}, the one caller.
     */
    private void releaseLent() {
        for (int i = 0; i < frames && lentCount > 0; i++) {
            ByteBuffer b = lent[i];
            if (b == null) {
                continue;
            }
            Consumer<? super ByteBuffer> release = releases[i];
            lent[i] = null;
            releases[i] = null;
            lentCount--;
            positioned(b, offsets[i], offsets[i] + lengths[i]);
            try {
                release.accept(b);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a lent frame's release callback failed", e);
            }
        }
    }

    private static ByteBuffer positioned(ByteBuffer b, int from, int to) {
        b.limit(b.capacity()).position(from);
        b.limit(to);
        return b;
    }

    /**
     * Copies a frame's bytes out.
     *
     * @param index a frame index
     * @param dst the destination
     * @param dstOffset where to write
     */
    public void copyFrame(int index, MutableDirectBuffer dst, int dstOffset) {
        dst.putBytes(dstOffset, frameBuffer(index), offsets[index], lengths[index]);
    }

    /**
     * Points a view at a frame without copying. The view is valid until the message is cleared.
     *
     * @param index a frame index
     * @param view the view to point
     */
    public void wrapFrame(int index, UnsafeBuffer view) {
        view.wrap(frameBuffer(index), offsets[index], lengths[index]);
    }

    /**
     * The buffer holding a frame, to read without copying: the frame is {@code frameBuffer(i)[frameOffset(i) ..
     * frameOffset(i) + frameLength(i))}. Valid until the message is cleared; do not modify it.
     *
     * @param index a frame index
     * @return the buffer (the message's storage, or a view on an owned array); allocates nothing once warm
     */
    public DirectBuffer frameBuffer(int index) {
        check(index);
        byte[] whole = owned[index];
        if (whole == null) {
            return isLent(index) ? lentView(index) : storage.view;
        }
        UnsafeBuffer v = viewSlot(index);
        if (v.byteArray() != whole) {
            v.wrap(whole);
        }
        return v;
    }

    /** The frame's view slot, made once (empty) and rewrapped after. */
    private UnsafeBuffer viewSlot(int index) {
        UnsafeBuffer v = ownedViews[index];
        if (v == null) {
            v = new UnsafeBuffer(EMPTY);
            ownedViews[index] = v;
        }
        return v;
    }

    private UnsafeBuffer lentView(int index) {
        ByteBuffer b = lent[index];
        UnsafeBuffer v = viewSlot(index);
        if (v.byteBuffer() != b) {
            v.wrap(b);
        }
        return v;
    }

    /**
     * @param index a frame index
     * @return where the frame starts in {@link #frameBuffer(int)}
     */
    public int frameOffset(int index) {
        check(index);
        return offsets[index];
    }

    /**
     * @param index a frame index
     * @param at a position in the frame, from 0
     * @return the octet there
     */
    public byte frameByte(int index, int at) {
        Objects.checkIndex(at, frameLength(index));
        return frameBuffer(index).getByte(offsets[index] + at);
    }

    /** @return true if the message's storage is native (it once held {@value MsgStorage#DIRECT_THRESHOLD} bytes) */
    public boolean hasNativeStorage() {
        return storage.isDirect();
    }

    /**
     * @param index a frame index
     * @return true if the frame lies in native memory (the message's storage or a lent buffer), so {@link #frameIo}
     *     serves it
     */
    public boolean isNative(int index) {
        check(index);
        return owned[index] == null && (storage.isDirect() || isLent(index));
    }

    /**
     * The frame's bytes from {@code from} to its end as a native buffer for one channel call (a gathering write of
     * the frame, or a read into a frame made by {@link #reserveFrame}); the buffer's position and limit are set for
     * that call and belong to the message, so use one at a time. Null when the frame is not in native storage.
     *
     * @param index a frame index
     * @param from how many of the frame's bytes to skip
     * @return the buffer, or null
     */
    public ByteBuffer frameIo(int index, int from) {
        check(index);
        if (owned[index] != null) {
            return null;
        }
        if (isLent(index)) {
            return positioned(lent[index], offsets[index] + from, offsets[index] + lengths[index]);
        }
        return storage.io(offsets[index] + from, offsets[index] + lengths[index]);
    }

    /**
     * A copy of a frame's bytes.
     *
     * @param index a frame index
     * @return a new array; allocates
     */
    public byte[] frameBytes(int index) {
        byte[] copy = new byte[frameLength(index)];
        frameBuffer(index).getBytes(offsets[index], copy);
        return copy;
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
            offsets[index] = 0;
            lengths[index] = 0;
            return whole;
        }
        return frameBytes(index);
    }

    /** Where a frame's bytes start: read after {@link #reserveFrame}, which may replace the offsets array. */
    private int storedAt(int index) {
        return offsets[index];
    }

    private void growFrames() {
        if (frames == offsets.length) {
            int n = frames * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            owned = Arrays.copyOf(owned, n);
            ownedViews = Arrays.copyOf(ownedViews, n);
            lent = Arrays.copyOf(lent, n);
            releases = Arrays.copyOf(releases, n);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + ": expected 0 to " + (frames - 1));
        }
    }
}
