package io.jzmtp.transport.io;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.agrona.concurrent.NanoClock;

/**
 * The mailbox of an application-side owner (a socket): many producer threads offer commands, one owner thread at a
 * time polls them and waits for them.
 *
 * <p>A blocking mailbox's owner waits with {@link LockSupport#park}, never inside {@code synchronized}, so a virtual
 * thread that waits here unmounts instead of pinning its carrier. Producers unpark the owner only when it announced
 * that it is (about to be) parked; see {@link Wakeup} for the protocol and why no wake-up is lost. A spinning
 * mailbox's owner never parks and never announces a park, so its producers never unpark: it polls, and gives its core
 * away ({@link Thread#yield()}) between short bursts of polls, so that on a host with fewer cores than busy threads
 * the thread it waits for still runs. Ownership may move from one thread to another (one at a time) if the hand-over
 * itself is a happens-before edge.
 *
 * @param <T> the command type
 */
public final class MpscSocketMailbox<T> {
    private final ThreadWakeup wakeup = new ThreadWakeup();
    private final MpscCommandQueue<T> queue = new MpscCommandQueue<>(wakeup);
    private final NanoClock clock;
    private final boolean spinning;
    /** Empty checks before announcing a park. */
    private static final int SPINS_BEFORE_PARKING = 200;
    /** A spinning owner's empty checks between two yields of its core. */
    private static final int SPINS_BETWEEN_YIELDS = 16;

    /**
     * Creates a mailbox whose owner parks while it waits. Any thread; allocates.
     *
     * @param clock the clock that deadlines passed to {@link #await(long)} are read against
     */
    public MpscSocketMailbox(NanoClock clock) {
        this(clock, IoIdleStrategy.BLOCKING);
    }

    /**
     * Creates a mailbox. Any thread; allocates.
     *
     * @param clock the clock that deadlines passed to {@link #await(long)} are read against
     * @param waiting {@link IoIdleStrategy#BLOCKING} to park while waiting; {@link IoIdleStrategy#BUSY_SPIN} to poll
     *                (yielding the core between bursts) and never park
     */
    public MpscSocketMailbox(NanoClock clock, IoIdleStrategy waiting) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spinning = Objects.requireNonNull(waiting, "waiting") == IoIdleStrategy.BUSY_SPIN;
    }

    /**
     * Enqueues a command and unparks the owner if it is waiting. Any thread; never blocks, never fails; allocation
     * free in steady state (a burst deeper than the recycled chunks allocates one).
     *
     * @param command the command, not null
     */
    public void offer(T command) {
        queue.offer(Objects.requireNonNull(command, "command"));
    }

    /**
     * Removes the next command. Owner thread only; never blocks; allocation free.
     *
     * @return the next command, or {@code null} if the mailbox is empty
     */
    public T poll() {
        return queue.poll();
    }

    /**
     * Removes up to {@code limit} commands in order and hands them to {@code consumer}. Owner thread only; never
     * blocks; allocation free. An exception from the consumer propagates; commands not yet handed over stay queued.
     *
     * @param consumer receives each command
     * @param limit    the maximum number of commands to remove
     * @return the number of commands handed over
     */
    public int drain(Consumer<? super T> consumer, int limit) {
        int count = 0;
        T command;
        while (count < limit && (command = queue.poll()) != null) {
            count++;
            consumer.accept(command);
        }
        return count;
    }

    /**
     * Whether the mailbox is empty. Exact on the owner thread, a snapshot elsewhere. Never blocks.
     *
     * @return {@code true} if no command is queued
     */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Waits until a command is present or the thread is interrupted. Owner thread only; blocks; allocation free.
     *
     * @return {@link AwaitResult#READY} or {@link AwaitResult#INTERRUPTED}
     * @see #await(long)
     */
    public AwaitResult await() {
        return await(0L, false);
    }

    /**
     * Waits until a command is present, the clock reaches {@code deadlineNanos}, or the thread is interrupted.
     * Owner thread only; blocks (parks, or spins in a spinning mailbox) at most until the deadline (plus scheduling
     * delay); allocation free.
     *
     * <p>A present command wins over an interrupt and over an expired deadline. An interrupt is reported, never
     * cleared: while the flag stays set, every call returns {@link AwaitResult#INTERRUPTED} (or {@code READY})
     * immediately, and the mailbox itself is unaffected. The deadline is compared wrap-safely
     * ({@code deadline - now <= 0}), like {@link System#nanoTime()} values.
     *
     * @param deadlineNanos the deadline, in the time base of the clock given at construction
     * @return why the wait ended
     */
    public AwaitResult await(long deadlineNanos) {
        return await(deadlineNanos, true);
    }

    private AwaitResult await(long deadlineNanos, boolean timed) {
        Thread self = Thread.currentThread();
        if (spinning) {
            return spin(self, deadlineNanos, timed);
        }
        // A short spin first: under load the next command is microseconds away, and parking would cost the
        // producer an unpark (a system call) per message. Bounded, so a quiet owner parks almost at once.
        for (int i = 0; i < SPINS_BEFORE_PARKING && queue.isEmpty() && !self.isInterrupted(); i++) {
            Thread.onSpinWait();
        }
        while (true) {
            if (!queue.isEmpty()) {
                return AwaitResult.READY;
            }
            if (self.isInterrupted()) {
                return AwaitResult.INTERRUPTED;
            }
            long remaining = 0L;
            if (timed) {
                remaining = deadlineNanos - clock.nanoTime();
                if (remaining <= 0L) {
                    return AwaitResult.TIMED_OUT;
                }
            }
            wakeup.waiter(self);
            if (queue.prepareToSleep()) {
                if (timed) {
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
                queue.awake();
            }
            // Loop: a command, an interrupt, the deadline, or a spurious/stale unpark; all are re-checked above.
        }
    }

    /** The spinning wait: the same outcomes as the parking one, in the same order of precedence. */
    private AwaitResult spin(Thread self, long deadlineNanos, boolean timed) {
        for (int polls = 1; ; polls++) {
            if (!queue.isEmpty()) {
                return AwaitResult.READY;
            }
            if (self.isInterrupted()) {
                return AwaitResult.INTERRUPTED;
            }
            if (timed && deadlineNanos - clock.nanoTime() <= 0L) {
                return AwaitResult.TIMED_OUT;
            }
            idleTurn(polls);
        }
    }

    /**
     * One empty check of a spinning wait, here or over several mailboxes (a poller): gives the core away every
     * {@value #SPINS_BETWEEN_YIELDS} turns, so that where busy threads outnumber cores the one being waited for is
     * not left queued for a whole time slice. Never blocks, allocates nothing; any thread.
     *
     * @param turn the wait's turn, counted from 1
     */
    public static void idleTurn(int turn) {
        if (turn % SPINS_BETWEEN_YIELDS == 0) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    /**
     * For a thread that waits on several mailboxes at once (a poller): announces that the calling thread is about to
     * park, unless a command is already queued. Owner thread only; pair every {@code true} with {@link #unparked()}
     * after parking.
     *
     * @return true if the caller may park; false if a command is queued (nothing to undo then)
     */
    public boolean prepareToPark() {
        wakeup.waiter(Thread.currentThread());
        return queue.prepareToSleep();
    }

    /** Withdraws the announcement made by a successful {@link #prepareToPark()}. Owner thread only. */
    public void unparked() {
        queue.awake();
    }

    /**
     * Number of unparks actually issued by producers. Any thread; for tests and monitoring.
     *
     * @return the wake-up count
     */
    public long wakeupCount() {
        return wakeup.wakeupCount();
    }

    /**
     * Number of times the owner announced that it was about to park. Any thread; for tests and monitoring.
     *
     * @return the announced-sleep count
     */
    public long sleepCount() {
        return wakeup.sleepCount();
    }
}
