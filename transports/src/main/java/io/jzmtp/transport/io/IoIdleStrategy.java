package io.jzmtp.transport.io;

/** What an {@link IoThread} does when a duty cycle found no work. Chosen per I/O thread. */
public enum IoIdleStrategy {

    /**
     * Blocks in {@code Selector.select(timeout)} until channel readiness, a wake-up from a command producer, or the
     * earliest timer deadline. About 0% CPU when idle; a command to a sleeping thread costs one selector wake-up.
     */
    BLOCKING,

    /**
     * Never blocks: polls with {@code selectNow()} and {@link Thread#onSpinWait()}. Lowest latency, one full core.
     * Producers never need to wake the thread, so they never call {@code Selector.wakeup()}.
     */
    BUSY_SPIN
}
