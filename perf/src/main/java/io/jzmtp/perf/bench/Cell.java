package io.jzmtp.perf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The repeated runs of one workload: one row of the table. Every figure is summarised over the runs as min, median
 * and max (the median of an even number of runs is the upper middle one).
 *
 * @param impl see {@link RunResult#impl()}
 * @param workload see {@link RunResult#workload()}
 * @param transport see {@link RunResult#transport()}
 * @param mode see {@link RunResult#mode()}
 * @param size see {@link RunResult#size()}
 * @param runs the runs, at least one
 */
public record Cell(String impl, String workload, String transport, String mode, int size, List<RunResult> runs) {

    /** Min, median and max of one figure over the runs. */
    public record Spread(double min, double median, double max) {
    }

    /**
     * @param figure what to take of each run
     * @return its spread over the runs (NaN figures stay NaN)
     */
    public Spread spread(ToDoubleFunction<RunResult> figure) {
        double[] v = runs.stream().mapToDouble(figure).toArray();
        Arrays.sort(v);
        return new Spread(v[0], v[v.length / 2], v[v.length - 1]);
    }

    /** @return messages (or round trips) per second */
    public Spread messagesPerSecond() {
        return spread(RunResult::messagesPerSecond);
    }

    /** @return payload MB/s */
    public Spread megabytesPerSecond() {
        return spread(RunResult::megabytesPerSecond);
    }

    /** @return CPU ns per message */
    public Spread cpuNanosPerMessage() {
        return spread(RunResult::cpuNanosPerMessage);
    }

    /** @return allocated bytes per message (NaN for libzmq) */
    public Spread allocatedBytesPerMessage() {
        return spread(RunResult::allocatedBytesPerMessage);
    }

    /**
     * @param percentile e.g. 50.0, 99.0, 99.9, 100.0 (max)
     * @return that percentile of the half round trip in microseconds, over the runs (lat only; NaN for thr)
     */
    public Spread latencyMicros(double percentile) {
        return spread(r -> r.halfRoundTripNanos() == null ? Double.NaN
            : r.halfRoundTripNanos().getValueAtPercentile(percentile) / 1000.0);
    }
}
