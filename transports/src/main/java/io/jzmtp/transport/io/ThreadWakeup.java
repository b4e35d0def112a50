package io.jzmtp.transport.io;

import java.util.concurrent.locks.LockSupport;

/** A {@link Wakeup} for an application thread that blocks in {@link LockSupport#park}. */
final class ThreadWakeup extends Wakeup {
    /**
     * The thread to unpark. Written by the owner (plain) before {@link #arm()}; the volatile store in {@code arm()}
     * publishes it to the producer whose volatile load/CAS reads {@code sleeping == 1}.
     */
    private Thread waiter;

    /** Owner only: records the current thread as the one to wake; call before {@link #arm()}. */
    void waiter(Thread thread) {
        waiter = thread;
    }

    @Override
    void wake() {
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
