package io.jzmtp.transport.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A coalesced wake-up signal between many producers and one owner thread that sometimes blocks.
 *
 * <p>Protocol (a Dekker pair; every access named below is a volatile-mode, i.e. sequentially consistent, access):
 * <ul>
 *   <li>Owner, before blocking: {@link #arm()} (volatile store {@code sleeping=1}), then re-check its queue with a
 *       volatile load of the queue's producer index; block only if still empty, else {@link #disarm()}.</li>
 *   <li>Producer: enqueue with a volatile read-modify-write of the producer index, then {@link #signal()}: volatile
 *       load of {@code sleeping}; only if it is 1, CAS it 1 -&gt; 0 and, if the CAS won, call {@link #wake()}.</li>
 * </ul>
 * In the total order of these volatile accesses either the owner's re-check sees the new command, or the producer's
 * load sees {@code sleeping=1}: no lost wake-up. Only a winning CAS wakes, and only {@link #arm()} sets the flag, so
 * there is at most one wake-up per announced sleep ({@code wakeupCount() <= sleepCount()}) and none while the owner
 * is awake. A late wake-up (the owner already woke for another reason) only makes its next block return early.
 */
abstract class Wakeup extends WakeupPadding {
    private static final VarHandle SLEEPING;
    private static final VarHandle WAKEUPS;
    private static final VarHandle SLEEPS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SLEEPING = lookup.findVarHandle(Wakeup.class, "sleeping", int.class);
            WAKEUPS = lookup.findVarHandle(Wakeup.class, "wakeups", long.class);
            SLEEPS = lookup.findVarHandle(Wakeup.class, "sleeps", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while the owner announced it is (about to be) blocked; written by the owner and by winning producers. */
    private int sleeping;
    /** Winning signals; incremented atomically by producers, read by anyone. */
    private long wakeups;
    /** Announced sleeps; written by the owner only (opaque), read by anyone. */
    private long sleeps;

    /** Owner only: announces that the owner is about to block. Must be followed by a re-check of the queue. */
    final void arm() {
        SLEEPS.setOpaque(this, sleeps + 1);
        SLEEPING.setVolatile(this, 1);
    }

    /**
     * Owner only: the owner is awake again. A release store is enough: a producer that still reads the old 1 wins a
     * CAS on a flag nobody else sets, which costs one spurious (harmless) wake-up and nothing else.
     */
    final void disarm() {
        SLEEPING.setRelease(this, 0);
    }

    /** Any thread, after a sequentially consistent enqueue: wakes the owner if and only if it announced a sleep. */
    final void signal() {
        if ((int) SLEEPING.getVolatile(this) != 0 && SLEEPING.compareAndSet(this, 1, 0)) {
            WAKEUPS.getAndAdd(this, 1L);
            wake();
        }
    }

    /** Any thread: wakes the owner unconditionally (used by close); not counted. */
    final void forceWake() {
        wake();
    }

    /** Any thread: number of wake-ups actually delivered by {@link #signal()}. */
    final long wakeupCount() {
        return (long) WAKEUPS.getVolatile(this);
    }

    /** Any thread: number of times the owner announced that it was about to block. */
    final long sleepCount() {
        return (long) SLEEPS.getOpaque(this);
    }

    /** Makes the owner's current or next block return. Called from producer threads. */
    abstract void wake();
}
