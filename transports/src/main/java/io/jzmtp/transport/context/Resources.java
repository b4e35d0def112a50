package io.jzmtp.transport.context;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.NanoClock;

/** The I/O resources alive in a context, so that closing it can let them finish. Thread-safe. */
public final class Resources {
    private final Set<IoResource> live = ConcurrentHashMap.newKeySet();

    /** @param r a resource that started; any thread */
    public void add(IoResource r) {
        live.add(r);
    }

    /** @param r a resource that is completely closed; any thread */
    public void remove(IoResource r) {
        live.remove(r);
    }

    /** @return how many resources are alive. */
    public int size() {
        return live.size();
    }

    /**
     * Asks every resource to close on its I/O thread, then waits until all are closed or the linger passed.
     * Blocks (parks in short steps: this is the context's shutdown path, not a data path).
     *
     * @param clock the clock
     * @param lingerNanos the linger; negative for no limit
     */
    void closeAll(NanoClock clock, long lingerNanos) {
        for (IoResource r : live) {
            r.ioThread().execute(() -> r.close(lingerNanos));
        }
        long deadline = lingerNanos < 0 ? Long.MAX_VALUE : clock.nanoTime() + lingerNanos + 100_000_000L;
        while (!live.isEmpty() && clock.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
