package io.jzmtp.perf.bench.worker;

import java.util.Locale;

/**
 * Enforces a run's deadline: a daemon thread that, when the deadline passes, prints why to stderr and halts the
 * process with exit status {@value #EXIT_TIMEOUT} (halt, not exit: a stuck library thread must not hold the process).
 */
final class Watchdog {
    /** The exit status on timeout. */
    static final int EXIT_TIMEOUT = 3;

    private Watchdog() {
    }

    /**
     * Starts the watchdog.
     *
     * @param args the run (its deadline, and what to name in the message)
     * @param progress what the run is doing, for the message
     */
    static void start(WorkerArgs args, Progress progress) {
        long deadline = System.nanoTime() + (long) (args.timeoutSeconds() * 1e9);
        Thread t = new Thread(() -> {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                try {
                    Thread.sleep(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    // keep watching: only the deadline ends this thread
                }
            }
            System.err.printf(Locale.ROOT, "worker: timeout: %s %s %s %s size=%d count=%d did not finish within"
                    + " %s s (%s)%n", args.impl(), args.workload(), args.transport(), args.mode(), args.size(),
                args.count(), format(args.timeoutSeconds()), progress.describe());
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_TIMEOUT);
        }, "worker-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
