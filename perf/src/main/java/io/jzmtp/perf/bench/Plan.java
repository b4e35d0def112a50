package io.jzmtp.perf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a comparison runs: the implementations, the workloads and how often. {@link #runs()} lists the worker runs
 * in the order they are made: for each repeat, for each workload, every implementation one after the other, so
 * that a drift of the machine (another build starting, the CPU warming) hits every implementation alike.
 *
 * @param impls implementations, in the order they run (and appear) within a workload
 * @param sizes message sizes of the thr workloads
 * @param transports transports of every workload
 * @param modes modes of every workload
 * @param latSizes request sizes of the lat workloads (empty: no lat)
 * @param repeats how many runs of every workload and implementation
 * @param quick true for {@code --quick} (smaller counts)
 */
public record Plan(List<String> impls, List<Integer> sizes, List<String> transports, List<String> modes,
                   List<Integer> latSizes, int repeats, boolean quick) {

    /** Every implementation there is, in the default order. */
    public static final List<String> ALL_IMPLS =
        List.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq", "libzmq");
    /**
     * jzmtp lending its payload without a copy ({@code sendLent}), as libzmq's worker sends by reference: thr only,
     * from {@value #LENT_MIN_SIZE} bytes on, where lending is what a user would do.
     */
    public static final String LENT = "jzmtp-zc";
    /** The smallest thr size {@link #LENT} runs at. */
    public static final int LENT_MIN_SIZE = 16 * 1024;
    /** The default implementations of {@code --quick}: not jzmtp-bytes nor jzmtp-zc, so that it stays short. */
    public static final List<String> QUICK_IMPLS = List.of("jzmtp", "jzmtp-msg", "jeromq", "libzmq");
    /** Every transport there is. */
    public static final Set<String> ALL_TRANSPORTS = Set.of("tcp", "ipc", "inproc");
    /** Every mode there is. */
    public static final Set<String> ALL_MODES = Set.of("blocking", "spin");
    /** The largest message size every worker handles. */
    public static final int MAX_SIZE = 1 << 20;

    /**
     * Checks the values and copies the lists.
     *
     * @throws IllegalArgumentException if a value is unknown, a list is empty or a size is out of range
     */
    public Plan {
        impls = checked("impl", impls, Set.copyOf(ALL_IMPLS));
        transports = checked("transport", transports, ALL_TRANSPORTS);
        modes = checked("mode", modes, ALL_MODES);
        sizes = List.copyOf(sizes);
        latSizes = List.copyOf(latSizes);
        for (int s : sizes) {
            checkSize(s);
        }
        for (int s : latSizes) {
            checkSize(s);
        }
        if (sizes.isEmpty() && latSizes.isEmpty()) {
            throw new IllegalArgumentException("no workloads: both --sizes and --lat-sizes are empty");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1: " + repeats);
        }
    }

    private static List<String> checked(String what, List<String> values, Set<String> known) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        for (String v : values) {
            if (!known.contains(v)) {
                throw new IllegalArgumentException("unknown " + what + ": " + v + " (known: " + known + ")");
            }
        }
        return List.copyOf(values.stream().distinct().toList());
    }

    private static void checkSize(int s) {
        if (s < 1 || s > MAX_SIZE) {
            throw new IllegalArgumentException("size out of range 1.." + MAX_SIZE + ": " + s);
        }
    }

    /**
     * @param kept the implementations that can be measured
     * @return this plan with only those implementations (in this plan's order)
     */
    public Plan withImpls(List<String> kept) {
        return new Plan(impls.stream().filter(kept::contains).toList(), sizes, transports, modes, latSizes, repeats,
            quick);
    }

    /** Spin mode runs two spinning application threads, plus a spinning I/O thread for jzmtp: four cores needed. */
    static boolean oversubscribedBySpinning() {
        return Runtime.getRuntime().availableProcessors() < SPIN_CORES;
    }

    /**
     * JeroMQ's spin mode polls {@code recv(DONTWAIT)} with nothing that gives the core away, so on a host with fewer
     * cores than spinning threads its tcp/ipc round trips wait for time slices. jzmtp's spinning waits yield between
     * polls, and libzmq's non-blocking receive makes a system call per poll: both keep their counts.
     *
     * @param impl the implementation
     * @param w the workload
     * @param cores the host's cores
     * @return true if the run's count is cut
     */
    static boolean waitsForTimeSlices(String impl, RunSpec w, int cores) {
        return WorkerLauncher.JEROMQ.equals(impl) && w.isLatency() && SPIN.equals(w.mode())
            && !"inproc".equals(w.transport()) && cores < SPIN_CORES;
    }

    /** Cores a spin-mode latency run needs so that no spinning thread waits for another's time slice. */
    static final int SPIN_CORES = 4;
    private static final String SPIN = "spin";

    /** @return every workload of one repeat, for the first implementation (thr before lat) */
    public List<RunSpec> workloads() {
        List<RunSpec> w = new ArrayList<>();
        String impl = impls.get(0);
        for (String transport : transports) {
            for (String mode : modes) {
                for (int size : sizes) {
                    long count = Counts.throughput(size, quick, transport);
                    w.add(new RunSpec(impl, "thr", transport, mode, size, count, Counts.throughputWarmup(count, size)));
                }
            }
        }
        for (String transport : transports) {
            for (String mode : modes) {
                for (int size : latSizes) {
                    long count = Counts.latency(size, quick);
                    long warmup = Counts.latencyWarmup(count);
                    w.add(new RunSpec(impl, "lat", transport, mode, size, count, warmup));
                }
            }
        }
        return w;
    }

    /** @return every worker run, in the order to run them */
    public List<RunSpec> runs() {
        List<RunSpec> all = new ArrayList<>();
        List<RunSpec> workloads = workloads();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < repeats; r++) {
            for (RunSpec w : workloads) {
                for (String impl : impls) {
                    if (LENT.equals(impl) && (w.isLatency() || w.size() < LENT_MIN_SIZE)) {
                        continue;
                    }
                    if (waitsForTimeSlices(impl, w, cores)) {
                        // Its round trips wait for the scheduler's time slices (milliseconds), so a full count
                        // would run for minutes; a few thousand show the picture.
                        all.add(new RunSpec(impl, w.workload(), w.transport(), w.mode(), w.size(),
                            Math.min(w.count(), Counts.LAT_QUICK_MIN), Math.min(w.warmup(), Counts.LAT_QUICK_MIN)));
                    } else {
                        all.add(new RunSpec(impl, w.workload(), w.transport(), w.mode(), w.size(), w.count(),
                            w.warmup()));
                    }
                }
            }
        }
        return all;
    }
}
