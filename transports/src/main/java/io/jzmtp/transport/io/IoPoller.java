package io.jzmtp.transport.io;

/**
 * Work an {@link IoThread} looks for on every cycle while it is busy, instead of being woken for it: an engine whose
 * outbound pipe just ran empty registers itself, so that a producing socket's next messages are picked up by polling
 * rather than by a wake-up command each time the engine catches up. Before the thread blocks it arms every poller,
 * which then falls back to wake-ups. I/O thread only.
 */
public interface IoPoller {
    /**
     * Looks for work without arming any wake-up.
     *
     * @return the work done (0 if none); negative to leave the thread's list (the poller closed)
     */
    int poll();

    /**
     * The thread is about to block: arm the wake-ups this poller relies on from now on.
     *
     * @return true if work turned up while arming (the poller stays and the thread does not block this time); false
     *     to leave the list
     */
    boolean arm();
}
