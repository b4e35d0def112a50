package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.jzmtp.transport.testing.Await;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MpscSocketMailboxTest {
    private static final long FAR = TimeUnit.SECONDS.toNanos(60);

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    @Test
    void shouldPollAndDrainInFifoOrder() {
        MpscSocketMailbox<Integer> mailbox = new MpscSocketMailbox<>(SystemNanoClock.INSTANCE);
        assertTrue(mailbox.isEmpty());
        for (int i = 0; i < 5; i++) {
            mailbox.offer(i);
        }
        assertEquals(0, mailbox.poll());
        List<Integer> drained = new ArrayList<>();
        assertEquals(3, mailbox.drain(drained::add, 3));
        assertEquals(List.of(1, 2, 3), drained);
        assertEquals(AwaitResult.READY, mailbox.await(0L));
        assertEquals(4, mailbox.poll());
        assertNull(mailbox.poll());
    }

    @Test
    void shouldTimeOutAtOnceWhenTheInjectedClockIsPastTheDeadline() {
        CachedNanoClock clock = new CachedNanoClock();
        clock.update(1_000);
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock);
        assertEquals(AwaitResult.TIMED_OUT, mailbox.await(1_000));
        assertEquals(AwaitResult.TIMED_OUT, mailbox.await(500));
        assertEquals(0, mailbox.sleepCount(), "must not park when already past the deadline");
    }

    @Test
    void shouldTimeOutWhenTheInjectedClockPassesTheDeadlineWhileParked() throws Exception {
        CachedNanoClock clock = new CachedNanoClock();
        clock.update(0);
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(clock);
        AtomicReference<AwaitResult> result = new AtomicReference<>();
        // By the injected clock the deadline is 60 s away; by real time it only ends when the test moves the clock.
        Thread owner = new Thread(() -> result.set(mailbox.await(FAR)));
        owner.start();
        Await.until("owner parked", () -> parked(owner));
        clock.update(FAR);
        java.util.concurrent.locks.LockSupport.unpark(owner); // a spurious wake-up: the owner re-reads the clock
        owner.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(AwaitResult.TIMED_OUT, result.get());
    }

    @Test
    void shouldWakeAParkedOwnerForACommand() throws Exception {
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(SystemNanoClock.INSTANCE);
        AtomicReference<AwaitResult> result = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        Thread owner = new Thread(() -> {
            result.set(mailbox.await());
            received.set(mailbox.poll());
        });
        owner.start();
        Await.until("owner parked", () -> parked(owner) && mailbox.sleepCount() > 0);
        mailbox.offer("hello");
        owner.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(AwaitResult.READY, result.get());
        assertEquals("hello", received.get());
        assertTrue(mailbox.wakeupCount() <= mailbox.sleepCount());
    }

    @Test
    void shouldReturnInterruptedKeepTheFlagAndStayUsable() throws Exception {
        MpscSocketMailbox<String> mailbox = new MpscSocketMailbox<>(SystemNanoClock.INSTANCE);
        AtomicReference<AwaitResult> first = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<AwaitResult> whileStillInterrupted = new AtomicReference<>();
        AtomicReference<AwaitResult> afterClearing = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        AtomicBoolean readyForCommand = new AtomicBoolean();
        Thread owner = new Thread(() -> {
            first.set(mailbox.await(System.nanoTime() + FAR));
            flagKept.set(Thread.currentThread().isInterrupted());
            whileStillInterrupted.set(mailbox.await(System.nanoTime() + FAR));
            Thread.interrupted(); // the caller decides; the mailbox never clears it
            readyForCommand.set(true);
            afterClearing.set(mailbox.await(System.nanoTime() + FAR));
            received.set(mailbox.poll());
        });
        owner.start();
        Await.until("owner parked", () -> parked(owner));
        owner.interrupt();
        Await.until("owner past the interrupt", readyForCommand::get);
        mailbox.offer("still works");
        owner.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(AwaitResult.INTERRUPTED, first.get());
        assertTrue(flagKept.get(), "interrupt flag must stay set");
        assertEquals(AwaitResult.INTERRUPTED, whileStillInterrupted.get());
        assertEquals(AwaitResult.READY, afterClearing.get());
        assertEquals("still works", received.get());
    }

    @Test
    void shouldDeliverEveryCommandFromManyProducersInPerProducerOrder() throws Exception {
        MpscSocketMailbox<long[]> mailbox = new MpscSocketMailbox<>(SystemNanoClock.INSTANCE);
        int producers = 4;
        int perProducer = 50_000;
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    mailbox.offer(new long[] {id, i});
                }
            });
            threads[p].start();
        }
        long[] next = new long[producers];
        int received = 0;
        while (received < producers * perProducer) {
            long[] command = mailbox.poll();
            if (command == null) {
                assertEquals(AwaitResult.READY, mailbox.await(System.nanoTime() + FAR), "lost wake-up");
                continue;
            }
            assertEquals(next[(int) command[0]]++, command[1], "per-producer FIFO");
            received++;
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertTrue(mailbox.isEmpty());
        assertFalse(mailbox.wakeupCount() > mailbox.sleepCount());
    }
}
