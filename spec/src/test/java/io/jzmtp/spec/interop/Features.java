package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.ZSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** What the feature tests share. Test code only. */
final class Features {
    /** Generous deadline for an event: only a hang gets near it. */
    static final Duration LONG = Duration.ofSeconds(10);
    /** Heartbeat settings of the heartbeat tests: a PING every 100 ms, the connection dropped 300 ms after one. */
    static final Duration HB_IVL = Duration.ofMillis(100);
    static final Duration HB_TIMEOUT = Duration.ofMillis(300);
    /** Five heartbeat timeouts: a connection whose PINGs go unanswered would be dropped well within it. */
    static final Duration HB_WINDOW = Duration.ofMillis(1500);

    private Features() {
    }

    /** @return the port of a tcp endpoint */
    static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /**
     * Binds a new jzmtp socket to an endpoint another socket just released, retrying while the address is still in
     * use (closing never blocks, so the old listener may not be gone yet).
     */
    static <T extends ZSocket> T rebindOurs(Supplier<T> make, String endpoint) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (true) {
            T s = make.get();
            try {
                s.bind(endpoint);
                return s;
            } catch (IllegalArgumentException e) {
                s.close();
                if (System.nanoTime() - deadline > 0) {
                    return fail("could not bind our socket again to " + endpoint + " within " + LONG, e);
                }
                LockSupport.parkNanos(10_000_000L); // polling for the old listener to go, bounded by the deadline
            }
        }
    }

    /** Binds a libzmq socket to an endpoint another socket just released, retrying while it is still in use. */
    static void rebindTheirs(LibzmqPeer peer, String id, String endpoint) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (peer.tryBind(id, endpoint) == null) {
            if (System.nanoTime() - deadline > 0) {
                fail("could not bind the libzmq socket again to " + endpoint + " within " + LONG);
            }
            LockSupport.parkNanos(10_000_000L); // polling for the old listener to go, bounded by the deadline
        }
    }

    /** @return the event names among libzmq monitor events */
    static List<String> names(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("event")).toList();
    }
}
