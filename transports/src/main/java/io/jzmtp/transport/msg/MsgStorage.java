package io.jzmtp.transport.msg;

import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The bytes behind a {@link Msg}'s copied frames: a heap array while the message is small, native memory once it
 * needs {@value #DIRECT_THRESHOLD} bytes or more, so that an engine can move large frames between the channel and
 * the message without a copy of its own (a gathering write from the message, a read straight into it). Heap
 * arrays would not help there: the JDK copies them through a temporary native buffer on every channel call.
 *
 * <p>Not thread-safe: belongs to its message's holder. Growth allocates (a new array or native buffer, and the
 * copy of what is stored); nothing else does.
 */
final class MsgStorage {
    /** Storage needs of at least this many bytes go to native memory. */
    static final int DIRECT_THRESHOLD = 8 * 1024;
    /** Storage grown past this is dropped when the message is cleared, so a pool keeps no huge buffers alive. */
    static final int RETAINED_CAPACITY_LIMIT = 1 << 20;
    private static final int SMALLEST_GROWTH = 64;
    private static final byte[] EMPTY = new byte[0];

    /** A view on whichever storage is current; its capacity is the storage's. */
    final UnsafeBuffer view = new UnsafeBuffer(EMPTY);
    /** The native storage, or null while the bytes live on the heap. */
    private ByteBuffer direct;
    /** A second handle on {@link #direct} whose position and limit the engine moves for channel calls. */
    private ByteBuffer io;

    MsgStorage(int initialCapacity) {
        if (initialCapacity > 0) {
            allocate(initialCapacity, 0);
        }
    }

    int capacity() {
        return view.capacity();
    }

    boolean isDirect() {
        return direct != null;
    }

    /**
     * Makes room for {@code needed} bytes, keeping the first {@code used}.
     *
     * @throws IllegalArgumentException if {@code needed} is beyond what one message can hold
     */
    void ensure(long needed, int used) {
        if (needed <= view.capacity()) {
            return;
        }
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("message of " + needed + " bytes: expected at most "
                + (Integer.MAX_VALUE - 8));
        }
        long grown = Math.max(needed, Math.max(SMALLEST_GROWTH, (long) view.capacity() * 2));
        allocate((int) Math.min(grown, Integer.MAX_VALUE - 8), used);
    }

    /** Forgets storage that grew past {@link #RETAINED_CAPACITY_LIMIT}. */
    void trim() {
        if (view.capacity() > RETAINED_CAPACITY_LIMIT) {
            direct = null;
            io = null;
            view.wrap(EMPTY);
        }
    }

    /**
     * @return the native storage with its position at {@code from} and its limit at {@code to}, for one channel
     *     call; null while the storage is on the heap
     */
    ByteBuffer io(int from, int to) {
        if (io == null) {
            return null;
        }
        io.limit(to).position(from);
        return io;
    }

    private void allocate(int capacity, int used) {
        if (capacity >= DIRECT_THRESHOLD) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
            UnsafeBuffer old = view;
            if (used > 0) {
                old.getBytes(0, bigger, 0, used);
            }
            direct = bigger;
            io = bigger.duplicate();
            view.wrap(bigger);
        } else {
            byte[] bigger = new byte[capacity];
            view.getBytes(0, bigger, 0, used);
            view.wrap(bigger);
        }
    }
}
