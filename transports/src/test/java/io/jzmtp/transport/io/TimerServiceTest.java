package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class TimerServiceTest {
    private final List<String> fired = new ArrayList<>();
    private final TimerService timers = new TimerService(2);

    private TimerHandler record(String name) {
        return (id, now) -> fired.add(name);
    }

    @Test
    void shouldFireDueTimersInDeadlineOrderAndNotBefore() {
        timers.schedule(300, record("c"));
        timers.schedule(100, record("a"));
        timers.schedule(200, record("b"));
        assertEquals(100, timers.nextDeadline());

        assertEquals(0, timers.poll(99, 10));
        assertEquals(2, timers.poll(200, 10));
        assertEquals(List.of("a", "b"), fired);
        assertEquals(1, timers.poll(1_000, 10));
        assertEquals(List.of("a", "b", "c"), fired);
        assertTrue(timers.isEmpty());
    }

    @Test
    void shouldFireEqualDeadlinesInSchedulingOrderAndRespectTheLimit() {
        for (int i = 0; i < 5; i++) {
            timers.schedule(50, record("t" + i));
        }
        assertEquals(3, timers.poll(50, 3));
        assertEquals(List.of("t0", "t1", "t2"), fired);
        assertEquals(2, timers.poll(50, 3));
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), fired);
    }

    @Test
    void shouldNotFireCancelledTimersAndRejectStaleIds() {
        long a = timers.schedule(10, record("a"));
        long b = timers.schedule(20, record("b"));
        assertTrue(timers.cancel(a));
        assertFalse(timers.cancel(a), "second cancel");
        timers.poll(100, 10);
        assertEquals(List.of("b"), fired);
        assertFalse(timers.cancel(b), "already fired");

        long reused = timers.schedule(30, record("c")); // reuses a freed slot with a new generation
        assertNotEquals(a, reused);
        assertNotEquals(b, reused);
        assertFalse(timers.cancel(a));
        assertFalse(timers.cancel(TimerService.NULL_TIMER_ID));
        assertFalse(timers.cancel(-1L));
        assertEquals(1, timers.size());
    }

    @Test
    void shouldGrowBeyondInitialCapacity() {
        for (int i = 99; i >= 0; i--) {
            timers.schedule(i, record(Integer.toString(i)));
        }
        assertEquals(100, timers.size());
        assertEquals(100, timers.poll(1_000, 1_000));
        for (int i = 0; i < 100; i++) {
            assertEquals(Integer.toString(i), fired.get(i));
        }
    }

    @Test
    void shouldLetHandlersScheduleAndCancelTimers() {
        long[] victim = new long[1];
        timers.schedule(10, (id, now) -> {
            fired.add("first");
            timers.schedule(now, record("rescheduled-now"));
            timers.cancel(victim[0]);
        });
        victim[0] = timers.schedule(15, record("victim"));
        assertEquals(2, timers.poll(20, 10));
        assertEquals(List.of("first", "rescheduled-now"), fired);
    }

    @Test
    void shouldStayConsistentWhenAHandlerThrows() {
        timers.schedule(1, (id, now) -> {
            throw new IllegalStateException("boom");
        });
        timers.schedule(2, record("after"));
        assertThrows(IllegalStateException.class, () -> timers.poll(10, 10));
        assertEquals(1, timers.size());
        assertEquals(1, timers.poll(10, 10));
        assertEquals(List.of("after"), fired);
    }

    @Test
    void shouldCompareDeadlinesWrapSafely() {
        timers.schedule(Long.MAX_VALUE - 5, record("before-wrap"));
        timers.schedule(Long.MIN_VALUE + 5, record("after-wrap"));
        assertEquals(Long.MAX_VALUE - 5, timers.nextDeadline());
        assertEquals(2, timers.poll(Long.MIN_VALUE + 10, 10));
        assertEquals(List.of("before-wrap", "after-wrap"), fired);
    }

    @Test
    void shouldRejectMisuse() {
        assertThrows(NoSuchElementException.class, timers::nextDeadline);
        assertThrows(IllegalArgumentException.class, () -> new TimerService(0));
        assertThrows(NullPointerException.class, () -> timers.schedule(1, null));
    }
}
