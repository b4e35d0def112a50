package io.jzmtp.transport.pipe;

import java.util.function.Consumer;

/**
 * A single-producer single-consumer queue of whole messages with a high-water mark (HWM) counted in messages and
 * activation notifications on edges only.
 *
 * <p>Roles: one writer thread calls {@link #offer} and {@link #closeWriter}; one reader thread calls {@link #poll},
 * {@link #drainTo}, {@link #isDrained} and {@link #closeReader}. Other methods may be called from any thread.
 * Multipart atomicity is the writer's job: one element is one complete message. Messages must not be null.
 *
 * <p>Edges ({@link PipeEvents}):
 * <ul>
 *   <li>Read: {@code poll()} returning {@code null} arms the reader; the next write, or the writer's close, fires
 *       {@code onReadActivated} exactly once. A pipe whose writer closed and which is empty returns {@code null}
 *       without arming ({@link #isDrained()} is then true) and no notification follows.</li>
 *   <li>Write: {@code offer()} returning {@code false} at the HWM starts a blocking episode; the reader fires
 *       {@code onWriteActivated} exactly once when its consumption brings the count to the low-water mark
 *       ({@code lwm = ceil(hwm / 2)}, and 0 for an HWM of 1), or at the latest when it finds the pipe empty, or
 *       when it closes. A later successful {@code offer()} ends the episode silently. A {@code false} from a closed
 *       pipe ({@link #isClosed()}) starts no episode.</li>
 * </ul>
 *
 * <p>Memory ordering. Each flag is a Dekker pair: each side stores, then loads the other side's variable, with a StoreLoad
 * barrier between (volatile-mode accesses, or a release store followed by a full fence):
 * (1) the writer stores the message (a release slot store, or the queue's xadd), then, in {@code publish()}, after a
 * full fence, loads {@code readerWaiting};
 * the reader stores {@code readerWaiting = 1} then loads the slot (or the queue's producer index): one of them sees
 * the other, so an armed reader is never missed. (2) The writer stores {@code writerBlockedAt = written} then re-loads
 * {@code read}; the reader, before arming, re-stores {@code read} then loads {@code writerBlockedAt}: a writer that
 * stays blocked is always seen by a reader that empties the pipe. On the hot path the reader checks
 * {@code writerBlockedAt} with an acquire load only (cheap; it sees the flag at the LWM in practice), pair (2) is the
 * guarantee. (3) {@code writerClosed}/{@code readerClosed} pair with {@code readerWaiting}/{@code writerBlockedAt}
 * in the same way. Every notification is claimed by a CAS to 0, so it fires at most once; the write side CASes from
 * the episode's own value, so a decision taken for one blocking episode cannot claim the next (ABA); and a side that
 * finds its own flag already claimed reports "nothing"/"full" so that each {@code null}/{@code false} pairs with one
 * event.
 *
 * <p>Storage: for {@code 0 < hwm <= MAX_RING_HWM} a preallocated ring of {@code nextPowerOfTwo(hwm)} slots; for an
 * unlimited ({@code 0}) or larger HWM a JCTools chunked queue that grows lazily and recycles a few chunks. The data
 * path allocates nothing (the chunked queue allocates only when the pipe gets deeper than its recycled chunks).
 *
 * <p>A listener that throws propagates out of the pipe method that fired it; the pipe's state is already consistent.
 *
 * @param <T> the message type, opaque to the pipe
 */
public final class SpscPipe<T> extends SpscPipeWriteSide<T> {
    /** The largest HWM stored in a preallocated ring; larger (and unlimited) HWMs use the chunked queue. */
    public static final int MAX_RING_HWM = 1 << 14;

    /**
     * Creates a pipe. Any thread; allocates (the ring, or the first chunk).
     *
     * @param hwm          the high-water mark in messages; 0 means unlimited. For inproc pass {@link #inprocHwm}.
     * @param readerEvents the reader's owner, told {@link PipeEvents#onReadActivated}
     * @param writerEvents the writer's owner, told {@link PipeEvents#onWriteActivated}
     */
    public SpscPipe(int hwm, PipeEvents readerEvents, PipeEvents writerEvents) {
        this(hwm, readerEvents, writerEvents, MAX_RING_HWM);
    }

    /** As the public constructor; {@code maxRingHwm} lets tests force the chunked storage for a finite HWM. */
    SpscPipe(int hwm, PipeEvents readerEvents, PipeEvents writerEvents, int maxRingHwm) {
        super(hwm, readerEvents, writerEvents, maxRingHwm);
    }

    /**
     * The effective HWM of an inproc pipe: the sender's plus the receiver's, unlimited if either is. Any thread.
     *
     * @param senderHwm   the sending socket's HWM (0 = unlimited)
     * @param receiverHwm the receiving socket's HWM (0 = unlimited)
     * @return the sum, saturated at {@code Integer.MAX_VALUE}, or 0
     */
    public static int inprocHwm(int senderHwm, int receiverHwm) {
        if (senderHwm <= 0 || receiverHwm <= 0) {
            return 0;
        }
        long sum = (long) senderHwm + receiverHwm;
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    /**
     * Takes the next message. Reader thread only; never blocks; allocation free. May call
     * {@link PipeEvents#onWriteActivated} on this thread.
     *
     * @return the next message, or {@code null} if none: then {@code onReadActivated} follows exactly once, unless
     *     {@link #isDrained()} (writer closed, nothing left) or this end is closed
     */
    public T poll() {
        if (armedLocal) {
            return pollArmed();
        }
        if (readerClosedLocal || endOfStream) {
            return null;
        }
        T message = take();
        return message != null ? consumed(message) : arm();
    }

    /**
     * Takes the next message if there is one, without arming when there is none: a reader with work still in hand
     * (an engine with bytes to write) looks again soon anyway, and an armed pipe would make the writer post an
     * activation for each message it adds meanwhile. Before waiting for {@link PipeEvents#onReadActivated}, the
     * reader must still call {@link #poll()} and get {@code null}. Reader thread only; never blocks; allocation
     * free.
     *
     * @return the next message, or {@code null} if none (no notification follows)
     */
    public T pollIfAny() {
        if (armedLocal) {
            return pollArmed();
        }
        if (readerClosedLocal || endOfStream) {
            return null;
        }
        T message = take();
        return message != null ? consumed(message) : null;
    }

    private T consumed(T message) {
        long r = read + 1;
        READ.setRelease(this, r); // the slot was cleared before: the writer may reuse it
        if (hwm != 0) {
            long blockedAt = (long) WRITER_BLOCKED_AT.getAcquire(this);
            if (blockedAt != 0) {
                activateWriterAtLwm(blockedAt, r);
            }
        }
        return message;
    }

    /** Claims exactly the episode {@code blockedAt} (CAS from that value) once the count is down to the LWM. */
    private void activateWriterAtLwm(long blockedAt, long r) {
        if (blockedAt - r <= lwm && WRITER_BLOCKED_AT.compareAndSet(this, blockedAt, 0L)) {
            writerEvents.onWriteActivated(this);
        }
    }

    private T arm() {
        long r = read;
        READ.setVolatile(this, r); // Dekker pair (2), store side: re-publish our progress before looking
        READER_WAITING.setVolatile(this, 1); // Dekker pair (1), store side
        armedLocal = true;
        long blockedAt = hwm != 0 ? (long) WRITER_BLOCKED_AT.getVolatile(this) : 0L;
        if (blockedAt != 0) {
            activateWriterAtLwm(blockedAt, r);
        }
        boolean writerGone = (int) WRITER_CLOSED.getVolatile(this) != 0; // before the emptiness check: see close
        if (!hasMessage()) {
            if (writerGone && READER_WAITING.compareAndSet(this, 1, 0)) {
                armedLocal = false;
                endOfStream = true;
            }
            return null; // still armed, or the writer's close claimed the event and it is on the way
        }
        if (READER_WAITING.compareAndSet(this, 1, 0)) {
            armedLocal = false; // a message raced in before we armed: withdraw and take it
            return consumed(takePresent());
        }
        return null; // the writer claimed the event: report empty so that the event pairs with this null
    }

    private T pollArmed() {
        if ((int) READER_WAITING.getVolatile(this) == 0) {
            armedLocal = false; // the writer claimed our arming; its event is delivered or on the way
            return poll();
        }
        if (!hasMessage()) {
            return null;
        }
        READER_WAITING.compareAndSet(this, 1, 0); // a failed CAS: the writer claimed it just now; fine either way
        armedLocal = false;
        return consumed(takePresent());
    }

    /**
     * Polls until {@code null}, handing every message to {@code sink}. Reader thread only; allocation free. Ends
     * armed like {@link #poll()}.
     *
     * @param sink receives each message
     * @return the number of messages handed over
     */
    public int drainTo(Consumer<? super T> sink) {
        int count = 0;
        T message;
        while ((message = poll()) != null) {
            count++;
            sink.accept(message);
        }
        return count;
    }

    /**
     * Whether the writer has closed and every message was consumed. Reader thread only.
     *
     * @return {@code true} at end of stream
     */
    public boolean isDrained() {
        if (endOfStream) {
            return true;
        }
        // Load the flag first: if it is set, every message the writer wrote is visible to the check after it.
        return (int) WRITER_CLOSED.getVolatile(this) != 0 && !hasMessage();
    }

    /**
     * Closes the reader's end: the messages in the pipe are discarded into {@code discarded} (may be null), later
     * offers return {@code false}, and a blocked writer is activated so that it can see {@link #isClosed()}. Reader
     * thread only; idempotent.
     *
     * @param discarded receives messages that will never be read, or null
     */
    public void closeReader(Consumer<? super T> discarded) {
        if (readerClosedLocal) {
            return;
        }
        readerClosedLocal = true;
        READER_CLOSED.setVolatile(this, 1);
        if (armedLocal) {
            armedLocal = false;
            READER_WAITING.compareAndSet(this, 1, 0);
        }
        discardRemaining(discarded);
        // Pair (3): if we read an old episode here, the writer's next episode sees readerClosed and withdraws itself.
        long blockedAt = (long) WRITER_BLOCKED_AT.getVolatile(this);
        if (blockedAt != 0 && WRITER_BLOCKED_AT.compareAndSet(this, blockedAt, 0L)) {
            writerEvents.onWriteActivated(this);
        }
        if ((int) CLOSED_ENDS.getAndAdd(this, 1) == 1) {
            discardRemaining(discarded); // the writer closed first: everything it wrote is visible now
        }
    }
}
