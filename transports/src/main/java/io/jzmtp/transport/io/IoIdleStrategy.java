package io.jzmtp.transport.io;

/** What an {@link IoThread} does when a duty cycle found no work. Chosen per I/O thread. */
public enum IoIdleStrategy {

    /**
     * Blocks in {@code Selector.select(timeout)} until channel readiness, a wake-up from a command producer, or the
     * earliest timer deadline. About 0% CPU when idle; a command to a sleeping thread costs one selector wake-up.
     */
    BLOCKING,

    /**
     * Never blocks: polls with {@code selectNow()}, and yields the core ({@link Thread#yield()}) between idle polls so
     * that on a host with fewer cores than busy threads the threads it waits for still run. Lowest latency, one full
     * core. Producers never need to wake the thread, so they never call {@code Selector.wakeup()}. Sockets of a
     * context with this strategy spin the same way while they wait, instead of parking.
     */
    BUSY_SPIN
}
