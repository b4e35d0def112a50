package io.jzmtp;

/** What an I/O thread does when it has no work. */
public enum IdleStrategy {
    /** Block in the selector until there is work or a timer is due: about 0% CPU when idle. The default. */
    BLOCKING,
    /** Never block: spin on the selector. The lowest latency, at the price of one full core per I/O thread. */
    BUSY_SPIN
}
