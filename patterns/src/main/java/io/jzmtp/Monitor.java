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

    Monitor(MpscSocketMailbox<SocketEvent> events, NanoClock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * The next event, without waiting. Does not block; does not allocate.
     *
     * @return the event, or null if none is queued
     */
    public SocketEvent poll() {
        return events.poll();
    }

    /**
     * The next event, waiting up to the timeout. Blocks (parks).
     *
     * @param timeout how long to wait
     * @return the event, or null on timeout
     * @throws SocketInterruptedException if the thread is interrupted while waiting (its flag stays set)
     */
    public SocketEvent poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (true) {
            SocketEvent e = events.poll();
            if (e != null) {
                return e;
            }
            AwaitResult r = events.await(deadline);
            if (r == AwaitResult.TIMED_OUT && (e = events.poll()) == null) {
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
