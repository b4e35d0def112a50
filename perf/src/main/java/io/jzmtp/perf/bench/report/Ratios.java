package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;

import java.util.Optional;

/** The ratios of medians that the ratio table and the targets compare implementations by. */
final class Ratios {
    private Ratios() {
    }

    /**
     * @param cell a cell, if measured
     * @return its median messages per second, NaN if absent
     */
    static double msgsPerSecond(Optional<Cell> cell) {
        return cell.map(c -> c.messagesPerSecond().median()).orElse(Double.NaN);
    }

    /**
     * @param cell a lat cell, if measured
     * @return the median over its runs of the p50 half round trip in µs, NaN if absent
     */
    static double p50Micros(Optional<Cell> cell) {
        return cell.map(c -> c.latencyMicros(50.0).median()).orElse(Double.NaN);
    }

    /**
     * @param cells the report's cells
     * @param impl the implementation judged (numerator)
     * @param other the one it is compared with (denominator)
     * @param transport tcp, ipc, inproc
     * @param mode blocking or spin
     * @param size message size
     * @return impl's median msg/s over other's (higher is better for impl), NaN if either was not measured
     */
    static double throughput(Cells cells, String impl, String other, String transport, String mode, int size) {
        return msgsPerSecond(cells.find(impl, Cells.THR, transport, mode, size))
            / msgsPerSecond(cells.find(other, Cells.THR, transport, mode, size));
    }

    /**
     * @param cells the report's cells
     * @param impl the implementation judged (numerator)
     * @param other the one it is compared with (denominator)
     * @param transport tcp, ipc, inproc
     * @param mode blocking or spin
     * @param size request/reply size
     * @return impl's median p50 over other's (lower is better for impl), NaN if either was not measured
     */
    static double latency(Cells cells, String impl, String other, String transport, String mode, int size) {
        return p50Micros(cells.find(impl, Cells.LAT, transport, mode, size))
            / p50Micros(cells.find(other, Cells.LAT, transport, mode, size));
    }
}
