package io.jzmtp;

import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.io.AwaitResult;
import io.jzmtp.transport.io.MpscSocketMailbox;
import java.time.Duration;
import java.util.Objects;
import org.agrona.concurrent.NanoClock;

/**
 * The event stream of one socket: listening, accepted, connected, handshake results with their protocol reasons,
 * disconnections, closing. Consuming it never touches a channel. One consumer thread at a time.
 */
public final class Monitor {
    private final MpscSocketMailbox<SocketEvent> events;
    private final NanoClock clock;
    /** MONITOR_STOPPED was returned: nothing follows it (an event raced past the stop is dropped). */
    private boolean stopped;

    Monitor(MpscSocketMailbox<SocketEvent> events, NanoClock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * The next event, without waiting. Does not block; does not allocate.
     *
     * @return the event, or null if none is queued or the monitor stopped
     */
    public SocketEvent poll() {
        if (stopped) {
            return null;
        }
        SocketEvent e = events.poll();
        if (e != null && e.kind() == SocketEvent.Kind.MONITOR_STOPPED) {
            stopped = true;
        }
        return e;
    }

    /**
     * The next event, waiting up to the timeout. Blocks (parks).
     *
     * @param timeout how long to wait
     * @return the event, or null on timeout (at once once MONITOR_STOPPED was returned)
     * @throws SocketInterruptedException if the thread is interrupted while waiting (its flag stays set)
     */
    public SocketEvent poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (true) {
            if (stopped) {
                return null;
            }
            SocketEvent e = poll();
            if (e != null) {
                return e;
            }
            AwaitResult r = events.await(deadline);
            if (r == AwaitResult.TIMED_OUT && (e = poll()) == null) {
                return null;
            }
            if (r == AwaitResult.INTERRUPTED) {
                throw new SocketInterruptedException();
            }
            if (e != null) {
                return e;
            }
        }
    }
}
