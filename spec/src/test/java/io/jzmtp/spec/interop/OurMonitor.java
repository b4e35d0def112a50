package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.ZSocket;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A jzmtp socket's monitor events, awaited with deadlines and remembered for failure messages. Start it before the
 * bind or connect to observe. Test code only; the test's thread.
 */
final class OurMonitor {
    private final io.jzmtp.Monitor monitor;
    private final List<SocketEvent> seen = new ArrayList<>();

    OurMonitor(ZSocket socket) {
        this.monitor = socket.monitor();
    }

    /** @return the next event of the kind (earlier events of other kinds are passed over); fails after the timeout */
    SocketEvent await(Kind kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SocketEvent e = left > 0 ? monitor.poll(Duration.ofNanos(left)) : null;
            if (e == null) {
                return fail("our socket saw no " + kind + " event within " + timeout + "; events: " + seen);
            }
            seen.add(e);
            if (e.kind() == kind) {
                return e;
            }
        }
    }

    /** @return every event that arrives within the window (a bounded "must not happen" observation) */
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

    /** @return every event consumed so far */
    List<SocketEvent> seen() {
        return seen;
    }
}
