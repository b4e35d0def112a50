package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jzmtp.transport.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Selector wake-ups are coalesced: producers wake the I/O thread only after it announced a sleep, at most once per
 * announcement. The assertions are structural (counts), never timings.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WakeupCoalescingTest {
    private static final int COMMANDS = 100_000;
    private IoThread io;

    @AfterEach
    void closeIoThread() {
        if (io != null) {
            io.close();
        }
    }

    @Test
    void shouldNotWakeABusyThreadEvenOnceFor100kCommands() throws Exception {
        io = IoThread.start();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        io.execute(() -> {
            busy.countDown();
            release.await(30, TimeUnit.SECONDS);
        });
        assertTrue(busy.await(30, TimeUnit.SECONDS));
        long wakeupsBefore = io.wakeupCount();
        long sleepsBefore = io.sleepCount();

        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < COMMANDS; i++) {
            io.execute(ran::incrementAndGet);
        }
        // The thread is inside a command the whole time: it never armed, so no producer may have woken it.
        assertEquals(wakeupsBefore, io.wakeupCount());
        assertEquals(sleepsBefore, io.sleepCount());

        release.countDown();
        Await.until("all commands", () -> ran.get() == COMMANDS);
        assertTrue(io.wakeupCount() <= io.sleepCount(), "more wake-ups than announced sleeps");
    }

    @Test
    void shouldNeverWakeMoreOftenThanTheThreadSleptWithConcurrentProducers() throws Exception {
        io = IoThread.start();
        AtomicInteger ran = new AtomicInteger();
        int producers = 4;
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            threads[p] = new Thread(() -> {
                for (int i = 0; i < COMMANDS / producers; i++) {
                    io.execute(ran::incrementAndGet);
                    if ((i & 1023) == 0) {
                        Thread.yield(); // let the I/O thread catch up and sleep now and then
                    }
                }
            });
            threads[p].start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        Await.until("all commands", () -> ran.get() == COMMANDS);
        long wakeups = io.wakeupCount();
        long sleeps = io.sleepCount();
        assertTrue(wakeups <= sleeps, "wake-ups " + wakeups + " > announced sleeps " + sleeps);
    }
}
