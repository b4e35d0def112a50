package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.jzmtp.transport.testing.Await;
import org.agrona.concurrent.NanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A busy-spinning mailbox waits by polling: the same outcomes as a parking one, but it never announces a park, so no
 * producer ever unparks it. The clock here is injected and counts its reads, which tells the test that the owner is
 * inside the wait (it reads the clock on every poll) without sleeping.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpinningMailboxTest {
    private static final long DEADLINE = 1_000_000L;

    /** A clock that stands still until the test moves it, and counts how often it was read. */
    private static final class CountingClock implements NanoClock {
        final AtomicLong now = new AtomicLong();
        final AtomicLong reads = new AtomicLong();

        @Override
        public long nanoTime() {
            reads.incrementAndGet();
            return now.get();
        }
    }

    private static Thread owner(Runnable wait) {
        Thread t = new Thread(wait, "spinning-owner");
        t.start();
        return t;
    }

    @Test
    void aCommandEndsTheWaitWithoutAnyParkOrUnpark() throws Exception {
        CountingClock clock = new CountingClock();
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock, IoIdleStrategy.BUSY_SPIN);
        AtomicReference<AwaitResult> result = new AtomicReference<>();
        Thread owner = owner(() -> result.set(mailbox.await(DEADLINE)));
        Await.until("owner polling", () -> clock.reads.get() > 1_000);
        mailbox.offer("go");
        owner.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(AwaitResult.READY, result.get());
        assertEquals("go", mailbox.poll());
        assertEquals(0, mailbox.sleepCount(), "a spinning owner never announces a park");
        assertEquals(0, mailbox.wakeupCount(), "so no producer unparks it");
    }

    @Test
    void theInjectedClockPassingTheDeadlineEndsTheWait() throws Exception {
        CountingClock clock = new CountingClock();
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock, IoIdleStrategy.BUSY_SPIN);
        AtomicReference<AwaitResult> result = new AtomicReference<>();
        Thread owner = owner(() -> result.set(mailbox.await(DEADLINE)));
        Await.until("owner polling", () -> clock.reads.get() > 1_000);
        assertTrue(owner.isAlive(), "the deadline has not passed by the injected clock");
        clock.now.set(DEADLINE);
        owner.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(AwaitResult.TIMED_OUT, result.get());
        assertEquals(0, mailbox.sleepCount());
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() throws Exception {
        CountingClock clock = new CountingClock();
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock, IoIdleStrategy.BUSY_SPIN);
        AtomicReference<AwaitResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread owner = owner(() -> {
            result.set(mailbox.await(DEADLINE));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        Await.until("owner polling", () -> clock.reads.get() > 1_000);
        owner.interrupt();
        owner.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(AwaitResult.INTERRUPTED, result.get());
        assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt is reported, never cleared");
    }

    @Test
    void aQueuedCommandWinsOverAnExpiredDeadlineAndAnInterrupt() {
        CountingClock clock = new CountingClock();
        clock.now.set(DEADLINE);
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock, IoIdleStrategy.BUSY_SPIN);
        mailbox.offer("queued");
        Thread.currentThread().interrupt();
        try {
            assertEquals(AwaitResult.READY, mailbox.await(DEADLINE));
        } finally {
            Thread.interrupted();
        }
        assertEquals(AwaitResult.READY, mailbox.await());
    }
}
