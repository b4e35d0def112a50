package io.jzmtp.perf.bench.worker;

import java.util.Locale;

/**
 * The JVM worker of the side-by-side benchmark: one process runs one workload (PUSH/PULL throughput or REQ/REP
 * latency) with one implementation (jzmtp's frame API, jzmtp's Message API, jzmtp's byte[] API, or JeroMQ), both
 * halves on two threads of this process, and prints one {@code RESULT} line. Arguments are {@code --name=value} in
 * any order (see {@link WorkerArgs#USAGE}).
 *
 * <p>Exit status: 0 on success; 1 if the run fails; 2 for bad arguments; 3 when the {@code --timeout} passes.
 */
public final class Worker {
    /** The exit status on a failed run. */
    public static final int EXIT_FAILED = 1;
    /** The exit status on bad arguments. */
    public static final int EXIT_USAGE = 2;

    private Worker() {
    }

    /**
     * Runs the worker and exits.
     *
     * @param args the protocol's arguments
     */
    public static void main(String[] args) {
        WorkerArgs a;
        try {
            a = WorkerArgs.parse(args);
        } catch (WorkerArgs.BadArgumentException e) {
            System.err.println("worker: " + e.getMessage());
            System.err.println(WorkerArgs.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        Progress progress = new Progress();
        Watchdog.start(a, progress);
        try {
            String line = run(a, progress);
            System.out.println(line);
            System.out.flush();
        } catch (Exception | Error e) {
            System.err.println("worker: " + describe(a) + " failed: " + e);
            e.printStackTrace();
            System.err.flush();
            System.exit(EXIT_FAILED);
        }
        System.exit(0);
    }

    /**
     * Runs one workload (without the watchdog: the caller owns the deadline) and writes the samples file if asked.
     *
     * @param a the arguments
     * @param progress where the halves say what they are doing
     * @return the RESULT line
     * @throws Exception if the run fails or the samples cannot be written
     */
    static String run(WorkerArgs a, Progress progress) throws Exception {
        Meter.Measured m;
        if (a.workload().equals("thr")) {
            m = ThrDriver.run(thrPeers(a), a, progress);
        } else {
            LatDriver.Outcome o = LatDriver.run(latPeers(a), a, progress);
            if (a.samples() != null) {
                SamplesFile.write(a.samples(), o.roundTrips());
            }
            m = o.measured();
        }
        return resultLine(a, m);
    }

    private static ThrPeers thrPeers(WorkerArgs a) {
        return switch (a.impl()) {
            case "jzmtp" -> new JzmtpThr(a.size(), a.spin(), false);
            case "jzmtp-zc" -> new JzmtpThr(a.size(), a.spin(), true);
            case "jzmtp-msg" -> new JzmtpMsgThr(a.size(), a.spin(), false);
            case "jzmtp-bytes" -> new JzmtpMsgThr(a.size(), a.spin(), true);
            case "jeromq" -> new JeromqThr(a.size(), a.spin());
            default -> throw new IllegalArgumentException("impl " + a.impl());
        };
    }

    private static LatPeers latPeers(WorkerArgs a) {
        return switch (a.impl()) {
            case "jzmtp" -> new JzmtpLat(a.size(), a.spin());
            case "jzmtp-msg" -> new JzmtpMsgLat(a.size(), a.spin(), false);
            case "jzmtp-bytes" -> new JzmtpMsgLat(a.size(), a.spin(), true);
            case "jeromq" -> new JeromqLat(a.size(), a.spin());
            default -> throw new IllegalArgumentException("impl " + a.impl());
        };
    }

    /**
     * @param a the arguments
     * @param m what the timed part cost
     * @return the RESULT line
     */
    static String resultLine(WorkerArgs a, Meter.Measured m) {
        return String.format(Locale.ROOT, "RESULT impl=%s workload=%s transport=%s mode=%s size=%d count=%d"
                + " seconds=%.9f cpu_seconds=%.9f alloc_bytes=%d version=%s", a.impl(), a.workload(), a.transport(),
            a.mode(), a.size(), a.count(), m.seconds(), m.cpuSeconds(), m.allocBytes(), Versions.of(a.impl()));
    }

    private static String describe(WorkerArgs a) {
        return a.impl() + " " + a.workload() + " " + a.transport() + " " + a.mode() + " size=" + a.size()
            + " count=" + a.count();
    }
}
