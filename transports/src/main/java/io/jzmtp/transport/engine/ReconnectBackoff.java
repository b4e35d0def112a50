package io.jzmtp.transport.engine;

import java.util.function.LongUnaryOperator;

/**
 * How long a connecting side waits before each reconnection attempt (libzmq's semantics, which users rely on):
 * the interval plus a random jitter below one interval; with a maximum set, the interval doubles after each
 * failed attempt up to that maximum; a successful handshake resets it. An interval of 0 or less disables
 * reconnection.
 *
 * <p>Pure: the random source is injected. One owner thread (the connector's I/O thread); allocates nothing.
 */
public final class ReconnectBackoff {
    private final long intervalNanos;
    private final long maxIntervalNanos;
    private final LongUnaryOperator jitter;
    private long currentNanos;

    /**
     * Creates the policy.
     *
     * @param intervalNanos the base interval; 0 or less disables reconnection
     * @param maxIntervalNanos the largest interval; 0 or less (or below the base) keeps the interval fixed
     * @param jitter given a bound {@code n > 0}, returns a value in {@code [0, n)}
     */
    public ReconnectBackoff(long intervalNanos, long maxIntervalNanos, LongUnaryOperator jitter) {
        this.intervalNanos = intervalNanos;
        this.maxIntervalNanos = maxIntervalNanos;
        this.jitter = jitter;
        this.currentNanos = intervalNanos;
    }

    /** @return false if reconnection is disabled. */
    public boolean enabled() {
        return intervalNanos > 0;
    }

    /**
     * The delay before the next attempt, and the interval grown for the one after.
     *
     * @return the delay in nanoseconds
     * @throws IllegalStateException if reconnection is disabled
     */
    public long nextDelayNanos() {
        if (!enabled()) {
            throw new IllegalStateException("reconnection is disabled");
        }
        long delay = currentNanos + jitter.applyAsLong(intervalNanos);
        if (maxIntervalNanos > intervalNanos) {
            currentNanos = Math.min(maxIntervalNanos, currentNanos > maxIntervalNanos / 2 ? maxIntervalNanos
                : currentNanos * 2);
        }
        return delay;
    }

    /** Starts again from the base interval (after a handshake succeeded). */
    public void reset() {
        currentNanos = intervalNanos;
    }
}
