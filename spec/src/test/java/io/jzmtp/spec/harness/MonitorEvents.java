package io.jzmtp.spec.harness;

import io.jzmtp.Monitor;
import io.jzmtp.monitor.SocketEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waits for socket monitor events with deadlines, remembering every event seen so that a failure message shows
 * the whole history. Test code only; one consumer thread (the test's).
 */
public final class MonitorEvents {
    private final Monitor monitor;
    private final List<SocketEvent> seen = new ArrayList<>();
    private int consumed;

    /** @param monitor the socket's monitor (started before the socket binds or connects) */
    public MonitorEvents(Monitor monitor) {
        this.monitor = monitor;
    }

    /**
     * Waits for the next event, after those already consumed, that matches.
     *
     * @param what describes the wanted event, for the failure message
     * @param match the condition
     * @param timeout the deadline
     * @return the event
     * @throws AssertionError if none arrives in time
     */
    public SocketEvent await(String what, Predicate<SocketEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (consumed < seen.size()) {
                SocketEvent e = seen.get(consumed++);
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " event within " + timeout + "; events seen: " + seen);
            }
            SocketEvent e = monitor.poll(Duration.ofNanos(left));
            if (e != null) {
                seen.add(e);
            }
        }
    }

    /**
     * Waits for the next event of a kind.
     *
     * @param kind the kind
     * @param timeout the deadline
     * @return the event
     */
    public SocketEvent await(SocketEvent.Kind kind, Duration timeout) {
        return await(kind.name(), e -> e.kind() == kind, timeout);
    }

    /**
     * Takes every event queued now, without waiting.
     *
     * @return the events not consumed yet, which are now consumed
     */
    public List<SocketEvent> drainNow() {
        for (SocketEvent e = monitor.poll(); e != null; e = monitor.poll()) {
            seen.add(e);
        }
        List<SocketEvent> out = new ArrayList<>(seen.subList(consumed, seen.size()));
        consumed = seen.size();
        return out;
    }

    /** @return every event seen so far, consumed or not. */
    public List<SocketEvent> seen() {
        return List.copyOf(seen);
    }
}
