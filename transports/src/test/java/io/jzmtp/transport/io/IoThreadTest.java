package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jzmtp.transport.testing.Await;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoThreadTest {
    private IoThread io;

    @AfterEach
    void closeIoThread() {
        if (io != null) {
            io.close();
        }
    }

    @Test
    void shouldRunCommandsInOrderOnTheIoThread() {
        io = IoThread.start();
        List<Integer> seen = new ArrayList<>(); // touched by the I/O thread only, read after the last command
        AtomicInteger wrongThread = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            assertTrue(io.execute(() -> {
                if (!io.isIoThread() || !Thread.currentThread().getName().equals(io.name())) {
                    wrongThread.incrementAndGet();
                }
                seen.add(n);
            }));
        }
        io.execute(done::countDown);
        Await.until("last command", () -> done.getCount() == 0);
        assertEquals(0, wrongThread.get());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, seen.get(i));
        }
        assertTrue(io.name().startsWith("jzmtp-io-"));
    }

    @Test
    void shouldWakeFromBlockingSelectForACommand() throws Exception {
        io = IoThread.start();
        // No channel and no timer: once it announced a sleep, only a wake-up can get it out of select().
        Await.until("I/O thread asleep", () -> io.sleepCount() > 0);
        CountDownLatch ran = new CountDownLatch(1);
        io.execute(ran::countDown);
        assertTrue(ran.await(30, TimeUnit.SECONDS), "command offered during select() never ran: lost wake-up");
        assertTrue(io.wakeupCount() <= io.sleepCount());
    }

    @Test
    void shouldSurviveThrowingCommands() throws Exception {
        io = IoThread.start();
        io.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        io.execute(() -> {
            throw new AssertionError("an Error is isolated too");
        });
        CountDownLatch after = new CountDownLatch(1);
        io.execute(after::countDown);
        assertTrue(after.await(30, TimeUnit.SECONDS));
        assertEquals(2, io.faultCount());
        assertTrue(Await.threadExists(io.name()));
    }

    @Test
    void shouldRejectIoThreadOnlyCallsFromOtherThreads() throws Exception {
        io = IoThread.start();
        Pipe pipe = Pipe.open();
        try {
            assertThrows(IllegalStateException.class,
                    () -> io.register(pipe.source(), SelectionKey.OP_READ, ops -> { }));
            assertThrows(IllegalStateException.class, () -> io.scheduleTimer(0, (id, now) -> { }));
            assertThrows(IllegalStateException.class, () -> io.cancelTimer(1));
            assertFalse(io.isIoThread());
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void shouldLeaveNoThreadAndRejectCommandsAfterClose() {
        io = IoThread.start();
        String name = io.name();
        assertTrue(Await.threadExists(name));
        io.close();
        assertFalse(Await.threadExists(name), "thread " + name + " still alive");
        assertTrue(io.isTerminated());
        assertFalse(io.execute(() -> { }));
        io.close(); // idempotent
    }

    @Test
    void shouldStopWhenClosedFromItsOwnThread() {
        io = IoThread.start();
        String name = io.name();
        io.execute(io::close);
        Await.until("self-closed thread to end", () -> !Await.threadExists(name));
        assertTrue(io.isTerminated());
    }

    @Test
    void shouldRunCommandsQueuedBeforeClose() {
        io = IoThread.start();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch hold = new CountDownLatch(1);
        io.execute(() -> hold.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            io.execute(ran::incrementAndGet);
        }
        Thread closer = new Thread(io::close);
        closer.start();
        Await.until("close to begin", () -> !io.execute(() -> { }));
        hold.countDown();
        Await.until("closer to finish", () -> !closer.isAlive());
        assertEquals(100, ran.get());
    }

    @Test
    void shouldNeverCallSelectorWakeupWhenBusySpinning() throws Exception {
        io = IoThread.start(IoIdleStrategy.BUSY_SPIN, SystemNanoClock.INSTANCE);
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1_000; i++) {
            io.execute(() -> { });
        }
        io.execute(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, io.wakeupCount());
        assertEquals(0, io.sleepCount());
    }

    @Test
    void shouldStartAndCloseAGroupRoundRobin() {
        IoThreadGroup group = IoThreadGroup.start(3, IoIdleStrategy.BLOCKING, SystemNanoClock.INSTANCE);
        try {
            assertEquals(3, group.size());
            assertEquals(group.get(0), group.next());
            assertEquals(group.get(1), group.next());
            assertEquals(group.get(2), group.next());
            assertEquals(group.get(0), group.next());
        } finally {
            group.close();
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(group.get(i).isTerminated());
            assertFalse(Await.threadExists(group.get(i).name()));
        }
        assertThrows(IllegalArgumentException.class,
                () -> IoThreadGroup.start(0, IoIdleStrategy.BLOCKING, SystemNanoClock.INSTANCE));
    }
}
