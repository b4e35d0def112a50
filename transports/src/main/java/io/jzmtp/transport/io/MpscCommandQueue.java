package io.jzmtp.transport.io;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * Many producers, one consumer: an unbounded lock-free queue plus a coalesced {@link Wakeup} of its consumer.
 *
 * <p>Unbounded on purpose: control commands (registrations, pipe activations, close requests) must never be lost
 * or make a producer block, and their number is bounded by the objects that send them; data never travels here
 * (it goes through pipes with a high-water mark). The queue is JCTools' chunked xadd queue, which recycles its
 * chunks, so a steady state allocates nothing; a burst deeper than the pooled chunks allocates new ones.
 *
 * @param <E> the command type
 */
final class MpscCommandQueue<E> {
    private static final int CHUNK_SIZE = 1024;
    private static final int MAX_POOLED_CHUNKS = 4;

    private final MpscUnboundedXaddArrayQueue<E> queue =
            new MpscUnboundedXaddArrayQueue<>(CHUNK_SIZE, MAX_POOLED_CHUNKS);
    private final Wakeup wakeup;

    MpscCommandQueue(Wakeup wakeup) {
        this.wakeup = wakeup;
    }

    /** Any thread. Never fails; wakes the consumer only if it announced a sleep. */
    void offer(E command) {
        queue.offer(command); // xadd on the producer index: the sequentially consistent half of the Dekker pair
        wakeup.signal();
    }

    /** Consumer only. */
    E poll() {
        return queue.relaxedPoll();
    }

    /** Consumer only: hands at most {@code limit} commands to {@code consumer}. */
    int drain(MessagePassingQueue.Consumer<E> consumer, int limit) {
        return queue.drain(consumer, limit);
    }

    /** Any thread (exact only on the consumer): compares the indices with volatile loads. */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Consumer only: announces a sleep and re-checks the queue. Returns {@code true} if the caller may now block;
     * {@code false} (and the announcement withdrawn) if a command arrived meanwhile. After blocking, call
     * {@link #awake()}.
     */
    boolean prepareToSleep() {
        wakeup.arm();
        if (!queue.isEmpty()) {
            wakeup.disarm();
            return false;
        }
        return true;
    }

    /** Consumer only: withdraws the sleep announcement after waking up. */
    void awake() {
        wakeup.disarm();
    }

    Wakeup wakeup() {
        return wakeup;
    }
}
