package io.jzmtp.transport.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;

import org.agrona.BitUtil;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

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
 *       ({@code lwm = ceil(hwm / 2)}, and 0 for an HWM of 1), or at the latest when it finds the pipe empty, or when it closes. A later
 *       successful {@code offer()} ends the episode silently. A {@code false} from a closed pipe
 *       ({@link #isClosed()}) starts no episode.</li>
 * </ul>
 *
 * <p>Memory ordering. Each flag is a Dekker pair whose four accesses are volatile-mode (sequentially consistent):
 * (1) the writer stores the message (volatile slot store, or the queue's xadd) then loads {@code readerWaiting};
 * the reader stores {@code readerWaiting = 1} then loads the slot (or the queue's producer index): one of them sees
 * the other, so an armed reader is never missed. (2) The writer stores {@code writerBlockedAt = written} then re-loads
 * {@code read}; the reader, before arming, re-stores {@code read} then loads {@code writerBlockedAt}: a writer that
 * stays blocked is always seen by a reader that empties the pipe. On the hot path the reader checks
 * {@code writerBlockedAt} with an acquire load only (cheap; it sees the flag at the LWM in practice), pair (2) is the
 * guarantee. (3) {@code writerClosed}/{@code readerClosed} pair with {@code readerWaiting}/{@code writerBlockedAt}
 * in the same way. Every notification is claimed by a CAS to 0, so it fires at most once; the write side CASes from
 * the episode's own value, so a decision taken for one blocking episode cannot claim the next (ABA), and a side that finds its
 * own flag already claimed reports "nothing"/"full" so that each {@code null}/{@code false} pairs with one event.
 *
 * <p>Storage: for {@code 0 < hwm <= 16384} a preallocated ring of {@code nextPowerOfTwo(hwm)} slots; for an unlimited
 * ({@code 0}) or larger HWM a JCTools chunked queue that grows lazily and recycles a few chunks. The data path
 * allocates nothing (the chunked queue allocates only when the pipe gets deeper than its recycled chunks).
 *
 * @param <T> the message type, opaque to the pipe
 */
public final class SpscPipe<T> extends SpscPipeLayout.Pad3 {
    /** The largest HWM stored in a preallocated ring. */
    public static final int MAX_RING_HWM = 1 << 14;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int CHUNK_SIZE = 1024;
    private static final int MAX_POOLED_CHUNKS = 2;

    private final int hwm;
    private final int lwm;
    private final Object[] ring;
    private final int mask;
    private final MpscUnboundedXaddArrayQueue<T> chunked;
    private final PipeEvents readerEvents;
    private final PipeEvents writerEvents;

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
     * Writes one message unless the pipe holds {@code hwm} messages or is closed. Writer thread only; never blocks;
     * allocation free. May call {@link PipeEvents#onReadActivated} on this thread.
     *
     * @param message the complete message, not null
     * @return {@code true} if written; {@code false} at the HWM (back-pressure: {@code onWriteActivated} follows) or
     *     if {@link #isClosed()} (nothing follows)
     */
    public boolean offer(T message) {
        Objects.requireNonNull(message, "message");
        if (writerClosedLocal || (int) READER_CLOSED.getAcquire(this) != 0) {
            return false;
        }
        long w = written;
        if (hwm != 0 && w - cachedRead >= hwm && isFull(w)) {
            return false;
        }
        if (episode != 0) {
            // The episode ends here: a failed CAS means the reader already claimed it and its event is on the way.
            WRITER_BLOCKED_AT.compareAndSet(this, episode, 0L);
            episode = 0;
        }
        if (ring != null) {
            SLOT.setVolatile(ring, (int) w & mask, message); // Dekker pair (1), store side
        } else {
            chunked.offer(message); // xadd: Dekker pair (1), store side
        }
        WRITTEN.setOpaque(this, w + 1);
        if ((int) READER_WAITING.getVolatile(this) != 0 && READER_WAITING.compareAndSet(this, 1, 0)) {
            readerEvents.onReadActivated(this);
        }
        return true;
    }

    /** Writer: refreshes the reader's progress; if still full, joins or starts a blocking episode. */
    private boolean isFull(long w) {
        long r = (long) READ.getAcquire(this);
        cachedRead = r;
        if (w - r < hwm) {
            return false;
        }
        if (episode != 0) {
            // Episode under way; its single event is owed or in flight. A claim always leaves room, so a full pipe
            // here only means we have not yet seen the reader's progress that the event will bring.
            return true;
        }
        episode = w;
        WRITER_BLOCKED_AT.setVolatile(this, w); // Dekker pair (2), store side
        r = (long) READ.getVolatile(this);
        cachedRead = r;
        if (w - r >= hwm) {
            if ((int) READER_CLOSED.getVolatile(this) != 0 && WRITER_BLOCKED_AT.compareAndSet(this, w, 0L)) {
                episode = 0; // pair (3): nobody is left to activate us
            }
            return true;
        }
        if (WRITER_BLOCKED_AT.compareAndSet(this, w, 0L)) {
            episode = 0; // the reader made room meanwhile: withdraw
            return false;
        }
        return true; // the reader already claimed the episode: report full so that its event pairs with this false
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

    @SuppressWarnings("unchecked")
    private T take() {
        if (ring == null) {
            return chunked.relaxedPoll();
        }
        int index = (int) read & mask;
        Object message = SLOT.getAcquire(ring, index);
        if (message != null) {
            SLOT.setOpaque(ring, index, null);
        }
        return (T) message;
    }

    /** A message is known to be there (the chunked queue may still be publishing it: poll() waits for it). */
    private T takePresent() {
        return ring != null ? take() : chunked.poll();
    }

    private boolean hasMessage() { // Dekker pair (1), load side
        return ring != null ? SLOT.getVolatile(ring, (int) read & mask) != null : !chunked.isEmpty();
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
     * Closes the writer's end: no more writes; the reader still gets what was written, then {@link #isDrained()}.
     * An armed reader is activated. If the reader end is already closed, this thread discards what is left into
     * {@code discarded} (for releasing pooled messages; may be null). Writer thread only; idempotent.
     *
     * @param discarded receives messages that will never be read, or null
     */
    public void closeWriter(Consumer<? super T> discarded) {
        if (writerClosedLocal) {
            return;
        }
        writerClosedLocal = true;
        WRITER_CLOSED.setVolatile(this, 1);
        if (episode != 0) {
            WRITER_BLOCKED_AT.compareAndSet(this, episode, 0L);
            episode = 0;
        }
        if ((int) READER_WAITING.getVolatile(this) != 0 && READER_WAITING.compareAndSet(this, 1, 0)) {
            readerEvents.onReadActivated(this);
        }
        if ((int) CLOSED_ENDS.getAndAdd(this, 1) == 1) {
            discardRemaining(discarded); // the reader is gone: its consumer role passed to us with the xadd
        }
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

    private void discardRemaining(Consumer<? super T> discarded) {
        T message;
        while ((message = take()) != null) {
            READ.setRelease(this, read + 1);
            if (discarded != null) {
                discarded.accept(message);
            }
        }
    }

    /**
     * Any thread.
     *
     * @return {@code true} if either end is closed
     */
    public boolean isClosed() {
        return (int) WRITER_CLOSED.getVolatile(this) != 0 || (int) READER_CLOSED.getVolatile(this) != 0;
    }

    /** @return {@code true} if the writer end is closed. Any thread. */
    public boolean isWriterClosed() {
        return (int) WRITER_CLOSED.getVolatile(this) != 0;
    }

    /** @return {@code true} if the reader end is closed. Any thread. */
    public boolean isReaderClosed() {
        return (int) READER_CLOSED.getVolatile(this) != 0;
    }

    /**
     * Messages written and not yet consumed. Any thread; exact on either owner thread when the other is idle, a
     * snapshot otherwise.
     *
     * @return the message count
     */
    public long size() {
        long r = (long) READ.getAcquire(this);
        long w = (long) WRITTEN.getOpaque(this);
        return Math.max(0L, w - r);
    }

    /** @return the high-water mark in messages, 0 for unlimited. Any thread. */
    public int hwm() {
        return hwm;
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

    /** @return the low-water mark: a blocked writer is activated when the count gets down to it. Any thread. */
    public int lwm() {
        return lwm;
    }
}
