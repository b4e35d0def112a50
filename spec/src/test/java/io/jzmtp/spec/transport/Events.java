package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.Monitor;
import io.jzmtp.ZSocket;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A socket's monitor, with every event consumed so far remembered for assertions and failure messages. */
final class Events {
    private final Monitor monitor;
    private final List<SocketEvent> seen = new ArrayList<>();

    /** Starts monitoring; call on the socket's owner thread before the bind or connect to be observed. */
    Events(ZSocket socket) {
        this.monitor = socket.monitor();
    }

    /** @return the next event of one of the kinds, waiting up to the timeout; fails naming what was seen */
    SocketEvent await(Duration timeout, Kind... kinds) {
        Set<Kind> wanted = EnumSet.of(kinds[0], kinds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SocketEvent e = left > 0 ? monitor.poll(Duration.ofNanos(left)) : monitor.poll();
            if (e == null) {
                return fail("no " + wanted + " event within " + timeout + "; events so far: " + seen);
            }
            seen.add(e);
            if (wanted.contains(e.kind())) {
                return e;
            }
        }
    }

    /** @return the next event of the kind, waiting up to {@link Await#LONG} */
    SocketEvent await(Kind kind) {
        return await(Await.LONG, kind);
    }

    /** Consumes events for the whole window (a bounded "must not happen" observation) and returns them. */
    List<SocketEvent> observe(Duration window) {
        List<SocketEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            SocketEvent e = monitor.poll(Duration.ofNanos(left));
            if (e != null) {
                seen.add(e);
                out.add(e);
            }
        }
        return out;
    }

    /** @return every event consumed so far, in order */
    List<SocketEvent> seen() {
        return seen;
    }

    /** @return how many consumed events had the kind */
    long count(Kind kind) {
        return seen.stream().filter(e -> e.kind() == kind).count();
    }

    /** @return the kinds of the consumed events, in order */
    List<Kind> kinds() {
        return seen.stream().map(SocketEvent::kind).toList();
    }
}
