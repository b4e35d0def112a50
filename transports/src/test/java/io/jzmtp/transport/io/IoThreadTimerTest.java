package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.jzmtp.transport.testing.Await;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers on a running I/O thread, driven by a clock the test moves by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoThreadTimerTest {
    private final CachedNanoClock clock = new CachedNanoClock();
    private final List<String> fired = new CopyOnWriteArrayList<>();
    private IoThread io;

    @AfterEach
    void closeIoThread() {
        if (io != null) {
            io.close();
        }
    }

    private TimerHandler record(String name) {
        return (id, now) -> fired.add(name + (io.isIoThread() ? "" : "@wrong-thread"));
    }

    private void advanceTo(long nanos) {
        clock.update(nanos);
        io.execute(() -> { }); // the thread may be asleep in select() for a real-time timeout: wake it to re-read
    }

    @Test
    void shouldFireTimersInDeadlineOrderAsTheClockAdvances() throws Exception {
        clock.update(1_000);
        io = IoThread.start(IoIdleStrategy.BLOCKING, clock);
        CompletableFuture<Void> scheduled = new CompletableFuture<>();
        io.execute(() -> {
            io.scheduleTimer(1_300, record("c"));
            io.scheduleTimer(1_100, record("a"));
            io.scheduleTimer(1_200, record("b"));
            scheduled.complete(null);
        });
        scheduled.get(30, TimeUnit.SECONDS);
        assertTrue(fired.isEmpty(), "fired before its deadline: " + fired);

        advanceTo(1_250);
        Await.until("a and b", () -> fired.size() == 2);
        assertEquals(List.of("a", "b"), fired);

        advanceTo(5_000);
        Await.until("c", () -> fired.size() == 3);
        assertEquals(List.of("a", "b", "c"), fired);
    }

    @Test
    void shouldNotFireACancelledTimer() throws Exception {
        clock.update(0);
        io = IoThread.start(IoIdleStrategy.BLOCKING, clock);
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        io.execute(() -> {
            long early = io.scheduleTimer(100, record("cancelled"));
            io.scheduleTimer(200, record("kept"));
            cancelled.complete(io.cancelTimer(early));
        });
        assertTrue(cancelled.get(30, TimeUnit.SECONDS));
        advanceTo(1_000);
        // Had the earlier timer not been cancelled, it would have fired before "kept".
        Await.until("kept", () -> !fired.isEmpty());
        assertEquals(List.of("kept"), fired);
    }

    @Test
    void shouldSurviveAThrowingTimer() {
        clock.update(0);
        io = IoThread.start(IoIdleStrategy.BUSY_SPIN, clock);
        io.execute(() -> {
            io.scheduleTimer(10, (id, now) -> {
                throw new IllegalStateException("timer failure expected by the test");
            });
            io.scheduleTimer(20, record("after"));
        });
        clock.update(50);
        Await.until("timer after the failing one", () -> fired.size() == 1);
        assertEquals(List.of("after"), fired);
        assertEquals(1, io.faultCount());
    }
}
