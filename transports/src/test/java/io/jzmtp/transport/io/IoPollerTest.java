package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IoPollerTest {
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(1_000_000L); // polling the I/O thread's progress, bounded by the deadline
        }
    }

    /** A poller that does work a fixed number of times, then is idle; arming says whether it found more. */
    private static final class Counting implements IoPoller {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger arms = new AtomicInteger();
        volatile int workLeft;
        volatile boolean workWhenArmed;

        @Override
        public int poll() {
            polls.incrementAndGet();
            if (workLeft > 0) {
                workLeft--;
                return 1;
            }
            return 0;
        }

        @Override
        public boolean arm() {
            arms.incrementAndGet();
            if (workWhenArmed) {
                workWhenArmed = false;
                return true;
            }
            return false;
        }
    }

    @Test
    void aPollerIsPolledWhileBusyThenArmedOnceAndDropped() throws Exception {
        try (IoThread io = IoThread.start()) {
            Counting p = new Counting();
            p.workLeft = 50;
            io.execute(() -> io.addPoller(p));
            await(() -> p.arms.get() == 1, "the poller to be armed before the thread blocks");
            int polls = p.polls.get();
            assertTrue(polls > 50, "polled on every cycle while it had work and the thread spun: " + polls);
            // Once armed and dropped, nothing polls it again: the thread blocks.
            io.execute(() -> { });
            await(() -> io.sleepCount() > 0, "the thread to block");
            LockSupport.parkNanos(20_000_000L); // a window in which a wrongly kept poller would be polled again
            assertEquals(polls, p.polls.get(), "not polled after it left");
            assertEquals(1, p.arms.get());
        }
    }

    @Test
    void workFoundWhileArmingKeepsThePollerAndTheThreadAwake() throws Exception {
        try (IoThread io = IoThread.start()) {
            Counting p = new Counting();
            p.workWhenArmed = true;
            io.execute(() -> io.addPoller(p));
            await(() -> p.arms.get() == 2, "a second arming after the first found work");
            assertTrue(p.polls.get() > 1, "polled again between the two armings");
        }
    }

    @Test
    void aPollerThatReportsItClosedLeavesAtOnce() throws Exception {
        try (IoThread io = IoThread.start()) {
            AtomicInteger polls = new AtomicInteger();
            IoPoller closed = new IoPoller() {
                @Override
                public int poll() {
                    polls.incrementAndGet();
                    return -1;
                }

                @Override
                public boolean arm() {
                    throw new AssertionError("a poller that left is not armed");
                }
            };
            io.execute(() -> io.addPoller(closed));
            await(() -> polls.get() == 1, "one poll");
            io.execute(() -> { });
            await(() -> io.sleepCount() > 0, "the thread to block");
            assertEquals(1, polls.get());
            assertEquals(0, io.faultCount());
        }
    }
}
