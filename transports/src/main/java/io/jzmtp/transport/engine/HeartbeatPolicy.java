package io.jzmtp.transport.engine;

/**
 * The ZMTP 3.1 heartbeat timers of one connection (RFC 37, "Connection Heartbeating"), with the semantics of
 * libzmq's options, which users configure by the same names:
 *
 * <ul>
 *   <li>interval: once the handshake is complete, a PING goes out every interval (0 disables).</li>
 *   <li>timeout (defaults to the interval): after a PING is sent, the connection is dead if nothing at all
 *       arrives within the timeout.</li>
 *   <li>TTL: announced in our PINGs, in deciseconds. When the peer's PING announces a TTL, the connection is
 *       dead if nothing arrives within it (RFC 37: the peer "MAY close the connection").</li>
 *   <li>Any inbound traffic counts as life: it cancels both the timeout and the TTL deadline.</li>
 * </ul>
 *
 * <p>Pure: time is passed in (nanoseconds from the owner's clock). One owner thread; allocates nothing.
 */
public final class HeartbeatPolicy {
    /** What the owner must do now. */
    public enum Action {
        /** Nothing is due. */
        NONE,
        /** Send a PING carrying {@link #pingTtlDeciseconds()}. */
        SEND_PING,
        /** The peer is dead: close the connection and report a heartbeat timeout. */
        TIMED_OUT
    }

    private static final long NEVER = Long.MAX_VALUE;
    private static final long NANOS_PER_DECISECOND = 100_000_000L;

    private final long intervalNanos;
    private final long timeoutNanos;
    private final int ttlDeciseconds;
    private long nextPingAt = NEVER;
    private long timeoutAt = NEVER;
    private long ttlAt = NEVER;

    /**
     * Creates the policy.
     *
     * @param intervalNanos the PING interval; 0 disables PINGs
     * @param timeoutNanos how long to wait for traffic after a PING; negative means "the interval"
     * @param ttlNanos the TTL to announce; rounded down to deciseconds and capped at 65535 ds
     * @throws IllegalArgumentException if the interval or TTL is negative
     */
    public HeartbeatPolicy(long intervalNanos, long timeoutNanos, long ttlNanos) {
        if (intervalNanos < 0 || ttlNanos < 0) {
            throw new IllegalArgumentException("heartbeat interval " + intervalNanos + " ns and TTL " + ttlNanos
                + " ns: expected 0 or more");
        }
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos < 0 ? intervalNanos : timeoutNanos;
        this.ttlDeciseconds = (int) Math.min(0xFFFF, ttlNanos / NANOS_PER_DECISECOND);
    }

    /** @return the TTL our PINGs announce, in deciseconds. */
    public int pingTtlDeciseconds() {
        return ttlDeciseconds;
    }

    /**
     * The handshake completed: PINGs start.
     *
     * @param now the current time
     */
    public void onHandshakeComplete(long now) {
        nextPingAt = intervalNanos > 0 ? now + intervalNanos : NEVER;
    }

    /**
     * Something arrived from the peer (any frame): the peer is alive.
     *
     * @param now the current time
     */
    public void onTraffic(long now) {
        timeoutAt = NEVER;
        ttlAt = NEVER;
    }

    /**
     * The peer's PING arrived (call after {@link #onTraffic}).
     *
     * @param ttlDeciseconds the TTL it announced; 0 means none
     * @param now the current time
     */
    public void onPing(int ttlDeciseconds, long now) {
        if (ttlDeciseconds > 0) {
            ttlAt = now + ttlDeciseconds * NANOS_PER_DECISECOND;
        }
    }

    /**
     * Decides what is due at the given time. A returned {@link Action#SEND_PING} schedules the next PING and,
     * unless one is already running, the timeout.
     *
     * @param now the current time
     * @return the action
     */
    public Action poll(long now) {
        if (now >= timeoutAt || now >= ttlAt) {
            return Action.TIMED_OUT;
        }
        if (now >= nextPingAt) {
            nextPingAt = now + intervalNanos;
            if (timeoutAt == NEVER && timeoutNanos > 0) {
                timeoutAt = now + timeoutNanos;
            }
            return Action.SEND_PING;
        }
        return Action.NONE;
    }

    /** @return the earliest time at which {@link #poll} may return something, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        return Math.min(nextPingAt, Math.min(timeoutAt, ttlAt));
    }
}
