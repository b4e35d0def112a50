package io.jzmtp.transport.io;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One-shot timers in deadline order, owned by one thread (an I/O thread) and driven by the clock readings it is
 * given, so tests advance time by hand.
 *
 * <p>A binary min-heap over preallocated slots, ordered by deadline and then by scheduling order (equal deadlines
 * fire first-scheduled first). The earliest deadline is O(1), which is what a blocking select needs for its
 * timeout; schedule and cancel are O(log n). A timer id is {@code generation << 32 | slot}: cancelling a timer that
 * already fired or was cancelled is recognised and returns {@code false}, even after its slot is reused.
 * Deadlines are compared wrap-safely ({@code a - b < 0}), so all pending deadlines must lie within 2^63 ns of
 * each other, as {@link System#nanoTime()} readings do.
 *
 * <p>Not thread-safe: every method must be called from the owner thread. Scheduling allocates only when the number of
 * pending timers exceeds every earlier peak (the arrays double).
 */
public final class TimerService {
    /** Never returned by {@link #schedule}; a convenient "no timer" value for callers. */
    public static final long NULL_TIMER_ID = 0L;

    private static final int NOT_QUEUED = -1;

    private long[] deadlines;
    private long[] sequences;
    private TimerHandler[] handlers;
    private int[] generations;
    /** Slot -> position in {@link #heap}, or {@link #NOT_QUEUED} when the slot is free. */
    private int[] positions;
    /** Heap position -> slot. */
    private int[] heap;
    private int size;
    private int[] freeSlots;
    private int freeCount;
    private long nextSequence;

    /**
     * Creates an empty service. Any thread (the owner is whoever uses it afterwards); allocates.
     *
     * @param initialCapacity the number of pending timers that need no allocation, at least 1
     */
    public TimerService(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be >= 1: " + initialCapacity);
        }
        deadlines = new long[initialCapacity];
        sequences = new long[initialCapacity];
        handlers = new TimerHandler[initialCapacity];
        generations = new int[initialCapacity];
        positions = new int[initialCapacity];
        heap = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
        Arrays.fill(positions, NOT_QUEUED);
        for (int i = 0; i < initialCapacity; i++) {
            freeSlots[i] = initialCapacity - 1 - i;
        }
        freeCount = initialCapacity;
    }

    /**
     * Schedules a one-shot timer. Owner thread only; allocation free unless the service must grow.
     *
     * @param deadlineNanos when the timer becomes due, in the owner's clock
     * @param handler       called once when the timer fires
     * @return the timer id, never {@link #NULL_TIMER_ID}
     */
    public long schedule(long deadlineNanos, TimerHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (freeCount == 0) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        int generation = generations[slot] + 1;
        generations[slot] = generation == 0 ? 1 : generation;
        deadlines[slot] = deadlineNanos;
        sequences[slot] = nextSequence++;
        handlers[slot] = handler;
        heap[size] = slot;
        positions[slot] = size;
        siftUp(size++);
        return idOf(slot);
    }

    /**
     * Cancels a pending timer. Owner thread only; allocation free.
     *
     * @param timerId an id returned by {@link #schedule}
     * @return {@code true} if the timer was pending and will not fire; {@code false} if it already fired, was already
     *     cancelled, or the id is unknown
     */
    public boolean cancel(long timerId) {
        int slot = (int) timerId;
        if (slot < 0 || slot >= positions.length || positions[slot] == NOT_QUEUED || idOf(slot) != timerId) {
            return false;
        }
        removeAt(positions[slot]);
        release(slot);
        return true;
    }

    /**
     * Fires, in deadline order, up to {@code limit} timers whose deadline is at or before {@code nowNanos}. Owner
     * thread only; allocation free. Each timer is removed before its handler runs, so a handler may schedule or
     * cancel timers; a timer it schedules that is already due fires in this call if the limit allows. An exception
     * from a handler propagates to the caller and leaves the service consistent (remaining due timers fire on the
     * next call).
     *
     * @param nowNanos the current clock reading
     * @param limit    the maximum number of timers to fire
     * @return the number of timers fired
     */
    public int poll(long nowNanos, int limit) {
        int fired = 0;
        while (fired < limit && size > 0) {
            int slot = heap[0];
            if (deadlines[slot] - nowNanos > 0) {
                break;
            }
            TimerHandler handler = handlers[slot];
            long id = idOf(slot);
            removeAt(0);
            release(slot);
            fired++;
            handler.onTimer(id, nowNanos);
        }
        return fired;
    }

    /**
     * Owner thread only.
     *
     * @return {@code true} if no timer is pending
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Owner thread only.
     *
     * @return the number of pending timers
     */
    public int size() {
        return size;
    }

    /**
     * The earliest pending deadline. Owner thread only.
     *
     * @return the deadline of the timer that fires next
     * @throws NoSuchElementException if no timer is pending
     */
    public long nextDeadline() {
        if (size == 0) {
            throw new NoSuchElementException("no pending timer");
        }
        return deadlines[heap[0]];
    }

    private long idOf(int slot) {
        return ((long) generations[slot] << 32) | (slot & 0xFFFF_FFFFL);
    }

    private void release(int slot) {
        handlers[slot] = null;
        positions[slot] = NOT_QUEUED;
        freeSlots[freeCount++] = slot;
    }

    private void removeAt(int position) {
        int last = heap[--size];
        if (position == size) {
            return;
        }
        heap[position] = last;
        positions[last] = position;
        siftDown(position);
        siftUp(positions[last]);
    }

    private boolean before(int slotA, int slotB) {
        long diff = deadlines[slotA] - deadlines[slotB];
        return diff != 0 ? diff < 0 : sequences[slotA] < sequences[slotB];
    }

    private void siftUp(int position) {
        int slot = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            int parentSlot = heap[parent];
            if (!before(slot, parentSlot)) {
                break;
            }
            heap[position] = parentSlot;
            positions[parentSlot] = position;
            position = parent;
        }
        heap[position] = slot;
        positions[slot] = position;
    }

    private void siftDown(int position) {
        int slot = heap[position];
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            int childSlot = heap[child];
            if (!before(childSlot, slot)) {
                break;
            }
            heap[position] = childSlot;
            positions[childSlot] = position;
            position = child;
        }
        heap[position] = slot;
        positions[slot] = position;
    }

    private void grow() {
        int oldCapacity = deadlines.length;
        if (oldCapacity > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("too many pending timers: " + oldCapacity);
        }
        int capacity = oldCapacity * 2;
        deadlines = Arrays.copyOf(deadlines, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        handlers = Arrays.copyOf(handlers, capacity);
        generations = Arrays.copyOf(generations, capacity);
        positions = Arrays.copyOf(positions, capacity);
        Arrays.fill(positions, oldCapacity, capacity, NOT_QUEUED);
        heap = Arrays.copyOf(heap, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
        for (int slot = capacity - 1; slot >= oldCapacity; slot--) {
            freeSlots[freeCount++] = slot;
        }
    }
}
