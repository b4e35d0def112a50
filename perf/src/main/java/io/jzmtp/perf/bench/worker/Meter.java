package io.jzmtp.perf.bench.worker;

import java.lang.management.ManagementFactory;

/**
 * Reads the clock, the process's CPU time and the bytes allocated by every live thread, once at the start of the
 * timed part ({@link #start()}) and once at its end ({@link #stop()}). Allocation is summed over the threads alive
 * at the start (the libraries' I/O threads live for the whole run). Reading another thread's counter allocates a
 * little (the JDK wraps each id in an array), so {@link #start()} reads the counters twice in a row and the
 * difference, one reading's own cost, is taken off the result: what remains is the run's. One thread calls both.
 */
final class Meter {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long[] ids = new long[0];
    private long nanos0;
    private long cpu0;
    private long alloc0;
    /** What one reading of the counters (allocation and CPU time) allocates itself. */
    private long readingCost;
    private long nanos1;
    private long cpu1;
    private long alloc1;

    /** What the timed part cost. */
    record Measured(double seconds, double cpuSeconds, long allocBytes) {
    }

    Meter() {
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /** Reads everything at the start of the timed part; the clock last. */
    void start() {
        ids = THREADS.getAllThreadIds();
        long first = allocated();
        OS.getProcessCpuTime();
        alloc0 = allocated();
        // The window from here to the end reading holds the rest of this reading and the start of that one.
        readingCost = first < 0 || alloc0 < 0 ? 0 : Math.max(0, alloc0 - first);
        cpu0 = OS.getProcessCpuTime();
        nanos0 = System.nanoTime();
    }

    /** Reads everything at the end of the timed part; the clock first. */
    void stop() {
        nanos1 = System.nanoTime();
        cpu1 = OS.getProcessCpuTime();
        alloc1 = allocated();
    }

    /** @return the difference between {@link #stop()} and {@link #start()} */
    Measured measured() {
        long alloc = alloc0 < 0 || alloc1 < 0 ? -1 : Math.max(0, alloc1 - alloc0 - readingCost);
        long cpu = cpu0 < 0 || cpu1 < 0 ? 0 : cpu1 - cpu0;
        return new Measured(Math.max(1, nanos1 - nanos0) / 1e9, cpu / 1e9, alloc);
    }

    /**
     * Sums the counters of the threads alive at {@link #start()}. A thread that ended since counts as 0 at the end:
     * none of the threads measured ends during the timed part.
     */
    private long allocated() {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            return -1;
        }
        long sum = 0;
        for (long id : ids) {
            long n = THREADS.getThreadAllocatedBytes(id);
            if (n > 0) {
                sum += n;
            }
        }
        return sum;
    }
}
