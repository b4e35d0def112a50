package io.jzmtp.transport.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;

import org.agrona.BitUtil;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The storage of an {@link SpscPipe} and its any-thread accessors: a preallocated ring of
 * {@code nextPowerOfTwo(hwm)} slots for a small finite HWM, otherwise a JCTools chunked queue that grows lazily and
 * recycles a few chunks. The message publication (a release slot store plus the writer's publish() fence, or the
 * queue's xadd) is the store side of the pipe's Dekker pair (1); {@link #hasMessage()} is its load side.
 *
 * @param <T> the message type
 */
abstract class SpscPipeStorage<T> extends SpscPipeLayout.Pad3 {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int CHUNK_SIZE = 1024;
    private static final int MAX_POOLED_CHUNKS = 2;

    final int hwm;
    final int lwm;
    final PipeEvents readerEvents;
    final PipeEvents writerEvents;
    private final Object[] ring;
    private final int mask;
    private final MpscUnboundedXaddArrayQueue<T> chunked;

    SpscPipeStorage(int hwm, PipeEvents readerEvents, PipeEvents writerEvents, int maxRingHwm) {
        if (hwm < 0) {
            throw new IllegalArgumentException("hwm must be >= 0: " + hwm);
        }
        this.hwm = hwm;
        // ceil(hwm / 2), the hysteresis ratio libzmq 4.3 uses, but always below the HWM (hwm 1 -> lwm 0): an
        // activation must guarantee room, or a woken writer could find the pipe still full with no event left owed.
        this.lwm = hwm <= 1 ? 0 : hwm - (hwm >> 1);
        this.readerEvents = Objects.requireNonNull(readerEvents, "readerEvents");
        this.writerEvents = Objects.requireNonNull(writerEvents, "writerEvents");
        if (hwm > 0 && hwm <= maxRingHwm) {
            this.ring = new Object[BitUtil.findNextPositivePowerOfTwo(hwm)];
            this.mask = ring.length - 1;
            this.chunked = null;
        } else {
            this.ring = null;
            this.mask = 0;
            this.chunked = new MpscUnboundedXaddArrayQueue<>(CHUNK_SIZE, MAX_POOLED_CHUNKS);
        }
    }

    /** The pipe itself, as the listeners see it (the only subclass is {@link SpscPipe}). */
    final SpscPipe<?> self() {
        return (SpscPipe<?>) this;
    }

    /**
     * Writer: publishes message number {@code w} with a release store; the writer's {@code publish()} fence orders it
     * before the load of the reader's flag (Dekker pair (1)).
     */
    final void store(long w, T message) {
        if (ring != null) {
            SLOT.setRelease(ring, (int) w & mask, message); // the StoreLoad half is the writer's publish() fence
        } else {
            chunked.offer(message); // xadd on the producer index
        }
    }

    /** Consumer: removes the next message if it is visible; does not publish {@code read}. */
    @SuppressWarnings("unchecked")
    final T take() {
        if (ring == null) {
            return chunked.relaxedPoll();
        }
        int index = (int) read & mask;
        Object message = SLOT.getAcquire(ring, index);
        if (message != null) {
            SLOT.setOpaque(ring, index, null); // published to the writer by the release store of read
        }
        return (T) message;
    }

    /** Consumer: a message is known to be there (the chunked queue may still be publishing it: poll() waits). */
    final T takePresent() {
        return ring != null ? take() : chunked.poll();
    }

    /** Consumer: Dekker pair (1), load side. */
    final boolean hasMessage() {
        return ring != null ? SLOT.getVolatile(ring, (int) read & mask) != null : !chunked.isEmpty();
    }

    /** Consumer (the reader, or the last closer that inherited the role): empties the pipe into {@code discarded}. */
    final void discardRemaining(Consumer<? super T> discarded) {
        T message;
        while ((message = take()) != null) {
            READ.setRelease(this, read + 1);
            if (discarded != null) {
                discarded.accept(message);
            }
        }
    }

    /**
     * Any thread; allocation free.
     *
     * @return {@code true} if either end is closed
     */
    public final boolean isClosed() {
        return isWriterClosed() || isReaderClosed();
    }

    /**
     * Any thread; allocation free.
     *
     * @return {@code true} if the writer end is closed
     */
    public final boolean isWriterClosed() {
        return (int) WRITER_CLOSED.getVolatile(this) != 0;
    }

    /**
     * Any thread; allocation free.
     *
     * @return {@code true} if the reader end is closed
     */
    public final boolean isReaderClosed() {
        return (int) READER_CLOSED.getVolatile(this) != 0;
    }

    /**
     * Messages written and not yet consumed. Any thread; allocation free; exact on either owner thread while the
     * other is idle, a snapshot otherwise.
     *
     * @return the message count
     */
    public final long size() {
        long r = (long) READ.getAcquire(this);
        long w = (long) WRITTEN.getOpaque(this);
        return Math.max(0L, w - r);
    }

    /**
     * Any thread.
     *
     * @return the high-water mark in messages, 0 for unlimited
     */
    public final int hwm() {
        return hwm;
    }

    /**
     * Any thread.
     *
     * @return the low-water mark: a blocked writer is activated when the count gets down to it
     */
    public final int lwm() {
        return lwm;
    }

    /**
     * A snapshot of counters and flags, for diagnostics. Any thread; allocates; fields owned by another thread may be
     * stale.
     */
    @Override
    public String toString() {
        return "SpscPipe[hwm=" + hwm + ", lwm=" + lwm + ", written=" + (long) WRITTEN.getOpaque(this)
                + ", read=" + (long) READ.getOpaque(this) + ", readerWaiting=" + (int) READER_WAITING.getVolatile(this)
                + ", writerBlockedAt=" + (long) WRITER_BLOCKED_AT.getVolatile(this)
                + ", armedLocal=" + armedLocal + ", episode=" + episode
                + ", writerClosed=" + isWriterClosed() + ", readerClosed=" + isReaderClosed() + "]";
    }
}
