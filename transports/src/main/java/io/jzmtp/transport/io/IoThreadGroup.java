package io.jzmtp.transport.io;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.NanoClock;

/**
 * The I/O threads of one context (the count is configurable) with round-robin assignment of new connections.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class IoThreadGroup implements AutoCloseable {
    private final IoThread[] threads;
    private final AtomicInteger next = new AtomicInteger();

    private IoThreadGroup(IoThread[] threads) {
        this.threads = threads;
    }

    /**
     * Starts {@code count} I/O threads. Any thread; allocates. If one fails to start, those already started are
     * closed before the failure propagates.
     *
     * @param count        the number of threads, at least 1
     * @param idleStrategy what each thread does when idle
     * @param clock        the clock for every thread's timers
     * @return the running group
     */
    public static IoThreadGroup start(int count, IoIdleStrategy idleStrategy, NanoClock clock) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        Objects.requireNonNull(idleStrategy, "idleStrategy");
        Objects.requireNonNull(clock, "clock");
        IoThread[] threads = new IoThread[count];
        try {
            for (int i = 0; i < count; i++) {
                threads[i] = IoThread.start(idleStrategy, clock);
            }
        } catch (RuntimeException | Error e) {
            for (IoThread thread : threads) {
                if (thread != null) {
                    thread.close();
                }
            }
            throw e;
        }
        return new IoThreadGroup(threads);
    }

    /**
     * The thread for the next new connection, round robin. Any thread; never blocks; allocation free.
     *
     * @return an I/O thread of this group
     */
    public IoThread next() {
        return threads[Math.floorMod(next.getAndIncrement(), threads.length)];
    }

    /**
     * Any thread.
     *
     * @return the number of I/O threads
     */
    public int size() {
        return threads.length;
    }

    /**
     * Any thread.
     *
     * @param index from 0 to {@link #size()} - 1
     * @return that I/O thread
     */
    public IoThread get(int index) {
        return threads[index];
    }

    /** Closes every I/O thread (see {@link IoThread#close()}). Any thread; idempotent; blocks (bounded per thread). */
    @Override
    public void close() {
        for (IoThread thread : threads) {
            thread.close();
        }
    }
}
