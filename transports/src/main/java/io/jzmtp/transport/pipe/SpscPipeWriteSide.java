package io.jzmtp.transport.pipe;

import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The writer's half of an {@link SpscPipe}: {@link #offer}, the blocking-episode hand-shake with the reader, and
 * {@link #closeWriter}. Every method here runs on the writer thread.
 *
 * @param <T> the message type
 */
abstract class SpscPipeWriteSide<T> extends SpscPipeStorage<T> {

    SpscPipeWriteSide(int hwm, PipeEvents readerEvents, PipeEvents writerEvents, int maxRingHwm) {
        super(hwm, readerEvents, writerEvents, maxRingHwm);
    }

    /**
     * Writes one message unless the pipe holds {@code hwm} messages or is closed. Writer thread only; never blocks;
     * allocation free. May call {@link PipeEvents#onReadActivated} on this thread.
     *
     * @param message the complete message, not null
     * @return {@code true} if written; {@code false} at the HWM (back-pressure: {@code onWriteActivated} follows) or
     *     if {@link #isClosed()} (nothing follows)
     */
    public final boolean offer(T message) {
        if (!offerQuietly(message)) {
            return false;
        }
        publish();
        return true;
    }

    /**
     * Writes one message like {@link #offer} but does not yet look for an armed reader: a writer that produces a
     * batch (an engine decoding one read) offers quietly and calls {@link #publish()} once at the end, so that a
     * waiting reader is woken once per batch rather than once per message it catches up with. The reader may see
     * the messages before the publish; it is only not woken for them. Writer thread only; never blocks; allocation
     * free.
     *
     * @param message the complete message, not null
     * @return as {@link #offer}
     */
    public final boolean offerQuietly(T message) {
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
        store(w, message); // Dekker pair (1), store side
        WRITTEN.setOpaque(this, w + 1);
        unpublished = true;
        return true;
    }

    /**
     * Wakes an armed reader if messages were written since the last look: the load side of Dekker pair (1), after
     * every store of the batch. Writer thread only; cheap when nothing is unpublished.
     */
    public final void publish() {
        if (!unpublished) {
            return;
        }
        unpublished = false;
        // Dekker pair (1): the slot stores of the batch (release) must be ordered before this load of the reader's
        // flag; one full fence per batch instead of a volatile store per message.
        VarHandle.fullFence();
        if ((int) READER_WAITING.getVolatile(this) != 0 && READER_WAITING.compareAndSet(this, 1, 0)) {
            readerEvents.onReadActivated(self());
        }
    }

    /**
     * Whether an {@link #offer} would succeed now. When it would not because the pipe is full, the writer is armed
     * exactly as by a failed offer, so {@link PipeEvents#onWriteActivated} follows (this is how a poller waits for
     * room without writing). Writer thread only; never blocks; allocation free.
     *
     * @return true if there is room
     */
    public final boolean writable() {
        if (writerClosedLocal || (int) READER_CLOSED.getAcquire(this) != 0) {
            return false;
        }
        long w = written;
        return hwm == 0 || w - cachedRead < hwm || !isFull(w);
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
     * Closes the writer's end: no more writes; the reader still gets what was written, then {@link #isDrained()}.
     * An armed reader is activated. If the reader end is already closed, this thread discards what is left into
     * {@code discarded} (for releasing pooled messages; may be null). Writer thread only; idempotent.
     *
     * @param discarded receives messages that will never be read, or null
     */
    public final void closeWriter(Consumer<? super T> discarded) {
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
            readerEvents.onReadActivated(self());
        }
        if ((int) CLOSED_ENDS.getAndAdd(this, 1) == 1) {
            discardRemaining(discarded); // the reader is gone: its consumer role passed to us with the xadd
        }
    }
}
