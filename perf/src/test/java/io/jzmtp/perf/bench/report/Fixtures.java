package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Environment;
import io.jzmtp.perf.bench.LoopbackLimits;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

/** Synthetic reports for the writers' tests: runs whose figures are chosen, so the tables' values are known. */
final class Fixtures {
    static final long THR_COUNT = 1_000_000;
    static final long LAT_COUNT = 20_000;

    private Fixtures() {
    }

    static Environment environment() {
        return new Environment("2026-11-21T10:00:00Z", "Intel(R) Xeon(R) CPU @ 2.50GHz", 2, "23 GiB",
            "Linux 6.1.0 amd64", "OpenJDK 64-Bit Server VM 17.0.15+6", "-Xms1g -Xmx1g -XX:+UseParallelGC",
            "4.3.4", "0.6.0", 1.25, "SideBySide --runs=3 --sizes=1,64,16384,65536");
    }

    /** A thr run of {@link #THR_COUNT} messages whose seconds give exactly msgsPerSecond. */
    static RunResult thr(String impl, String transport, String mode, int size, double msgsPerSecond,
                         double cpuNanosPerMsg, double allocPerMsg) {
        double seconds = THR_COUNT / msgsPerSecond;
        long alloc = impl.equals("libzmq") ? -1 : Math.round(allocPerMsg * THR_COUNT);
        return new RunResult(impl, "thr", transport, mode, size, THR_COUNT, seconds,
            cpuNanosPerMsg * THR_COUNT / 1e9, alloc, version(impl), null);
    }

    /** A thr cell of three runs at 0.9, 1.0 and 1.1 times the median's msg/s. */
    static Cell thrCell(String impl, String transport, String mode, int size, double medianMsgs, double allocPerMsg) {
        List<RunResult> runs = new ArrayList<>();
        for (double f : new double[] {1.0, 0.9, 1.1}) {
            runs.add(thr(impl, transport, mode, size, medianMsgs * f, 300.0 + size / 10.0, allocPerMsg));
        }
        return new Cell(impl, "thr", transport, mode, size, runs);
    }

    /** A lat run whose half round trips are spread around p50Nanos with a tail up to 20 times that. */
    static RunResult lat(String impl, String transport, String mode, int size, long p50Nanos, long seed) {
        Histogram h = histogram(p50Nanos, LAT_COUNT, seed);
        double seconds = LAT_COUNT * p50Nanos * 2 / 1e9;
        long alloc = impl.equals("libzmq") ? -1 : impl.equals("jzmtp-msg") ? 96 * LAT_COUNT
            : impl.equals("jzmtp-bytes") ? 48 * LAT_COUNT : 0;
        return new RunResult(impl, "lat", transport, mode, size, LAT_COUNT, seconds, seconds * 1.5, alloc,
            version(impl), h);
    }

    /** A lat cell of three runs at p50 of 1.1, 1.0 and 0.95 times p50Nanos. */
    static Cell latCell(String impl, String transport, String mode, int size, long p50Nanos) {
        List<RunResult> runs = new ArrayList<>();
        long seed = 1;
        for (double f : new double[] {1.1, 1.0, 0.95}) {
            runs.add(lat(impl, transport, mode, size, Math.round(p50Nanos * f), seed++));
        }
        return new Cell(impl, "lat", transport, mode, size, runs);
    }

    /** count values: half exactly p50Nanos .. 1.5x above, a quarter below, a tail to 20x. */
    static Histogram histogram(long p50Nanos, long count, long seed) {
        Histogram h = new Histogram(3);
        SplittableRandom random = new SplittableRandom(seed);
        for (long i = 0; i < count; i++) {
            double u = random.nextDouble();
            double f;
            if (u < 0.5) {
                f = 0.8 + 0.2 * (u / 0.5);
            } else if (u < 0.99) {
                f = 1.0 + 0.5 * ((u - 0.5) / 0.49);
            } else {
                f = 1.5 + 18.5 * Math.pow((u - 0.99) / 0.01, 3);
            }
            h.recordValue(Math.max(1, Math.round(p50Nanos * f)));
        }
        return h;
    }

    static LoopbackLimits limits() {
        return new LoopbackLimits(2345.0, histogram(14_000, 50_000, 7), histogram(6_000, 50_000, 8));
    }

    static String version(String impl) {
        return switch (impl) {
            case "libzmq" -> "4.3.4";
            case "jeromq" -> "0.6.0";
            default -> "0.1.0-SNAPSHOT";
        };
    }

    /**
     * A full report: every implementation on tcp blocking/spin and inproc blocking, thr at four sizes and lat at
     * 1 B and 1 KiB, with ratios chosen so that some targets are met and some missed.
     */
    static Report full() {
        List<Cell> cells = new ArrayList<>();
        int[] sizes = {1, 64, 16384, 65536};
        // msg/s medians per size: jzmtp, jzmtp-msg, jzmtp-bytes, jeromq, libzmq
        double[][] tcp = {
            {4.62e6, 3.1e6, 3.6e6, 2.2e6, 3.55e6},      // 1 B: jzmtp/libzmq 1.30 (met), /jeromq 2.10 (met)
            {4.0e6, 2.9e6, 3.2e6, 2.0e6, 3.64e6},       // 64 B: /libzmq 1.10 (missed), /jeromq 2.00 (met)
            {160e3, 120e3, 140e3, 90e3, 100e3},         // 16 KiB: /libzmq 1.60 (met)
            {40e3, 30e3, 35e3, 25e3, 30e3},             // 64 KiB: /libzmq 1.33 (missed)
        };
        String[] impls = {"jzmtp", "jzmtp-msg", "jzmtp-bytes", "jeromq", "libzmq"};
        for (String mode : new String[] {"blocking", "spin"}) {
            for (int s = 0; s < sizes.length; s++) {
                // jzmtp-bytes: the received array, one per message (its header and its body rounded up to 8 B)
                double[] alloc = {0.004, 48, 16 + ((sizes[s] + 7) & ~7), 150, Double.NaN};
                for (int i = 0; i < impls.length; i++) {
                    double spin = mode.equals("spin") ? 1.2 : 1.0;
                    cells.add(thrCell(impls[i], "tcp", mode, sizes[s], tcp[s][i] * spin, alloc[i]));
                }
            }
        }
        // jzmtp-zc (sendLent) runs thr from 16 KiB on: 16 KiB /libzmq 1.80 (met), 64 KiB 1.40 (missed)
        cells.add(thrCell("jzmtp-zc", "tcp", "blocking", 16384, 180e3, 0.0));
        cells.add(thrCell("jzmtp-zc", "tcp", "blocking", 65536, 42e3, 0.0));
        for (int s : new int[] {1, 16384}) {
            double k = s == 1 ? 1.0 : 0.1;
            cells.add(thrCell("jzmtp", "inproc", "blocking", s, 9e6 * k, 0.0));
            cells.add(thrCell("jzmtp-msg", "inproc", "blocking", s, 6e6 * k, 40));
            cells.add(thrCell("jzmtp-bytes", "inproc", "blocking", s, 7e6 * k, 0.0));
            cells.add(thrCell("jeromq", "inproc", "blocking", s, 5e6 * k, 120));
            cells.add(thrCell("libzmq", "inproc", "blocking", s, 8e6 * k, Double.NaN));
        }
        for (int size : new int[] {1, 1024}) {
            long extra = size == 1 ? 0 : 2_000;
            cells.add(latCell("jzmtp", "tcp", "blocking", size, 18_000 + extra));
            cells.add(latCell("jzmtp-msg", "tcp", "blocking", size, 19_000 + extra));
            cells.add(latCell("jzmtp-bytes", "tcp", "blocking", size, 18_500 + extra));
            cells.add(latCell("jeromq", "tcp", "blocking", size, 30_000 + extra));
            cells.add(latCell("libzmq", "tcp", "blocking", size, 20_000 + extra));
            cells.add(latCell("jzmtp", "tcp", "spin", size, 13_000 + extra));
            cells.add(latCell("jeromq", "tcp", "spin", size, 25_000 + extra));
            cells.add(latCell("libzmq", "tcp", "spin", size, 15_000 + extra));
        }
        cells.add(latCell("jzmtp", "inproc", "blocking", 1, 9_000));
        cells.add(latCell("jeromq", "inproc", "blocking", 1, 12_000));
        cells.add(latCell("libzmq", "inproc", "blocking", 1, 7_000));
        return new Report(environment(), limits(), cells,
            List.of("Synthetic data for the report writers' tests.", "ipc: not run (--transports=tcp,inproc)."));
    }
}
