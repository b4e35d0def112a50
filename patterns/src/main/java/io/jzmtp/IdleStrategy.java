package io.jzmtp;

/** What a context's I/O threads do when they have no work, and how its sockets wait in a blocking call. */
public enum IdleStrategy {
    /**
     * Block in the selector until there is work or a timer is due, and park a thread that waits in a socket call:
     * about 0% CPU when idle. The default.
     */
    BLOCKING,
    /**
     * Never block: each I/O thread polls its selector, and a thread that waits in a socket call (a receive, a send
     * held by the high-water mark, a timed wait) polls the socket's mailbox instead of parking, so no thread needs
     * a system call to wake another. Both give their core away ({@link Thread#yield()}) between polls, so a host
     * with fewer cores than busy threads still makes progress in microseconds rather than scheduler time slices.
     * The lowest latency, at the price of one full core per I/O thread and per waiting application thread.
     * Interrupts and deadlines are honoured as with {@link #BLOCKING}. A {@link Poller} spins
     * too when every socket it polls belongs to a busy-spinning context.
     */
    BUSY_SPIN
}
