package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.LoopbackLimits;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;

/**
 * The comparison's charts, each as SVG and PNG (XChart, headless):
 * <ul>
 *   <li>{@code thr-msgs-<transport>-<mode>}: median msg/s against message size, log-log, a line per
 *       implementation;</li>
 *   <li>{@code thr-mbs-<transport>-<mode>}: the same in MB/s, with the NIO stream limit on tcp;</li>
 *   <li>{@code lat-<transport>-<mode>-<size>}: the half round trip's percentile spectrum (every run's round trips
 *       merged), with the NIO ping-pong of the same mode on tcp.</li>
 * </ul>
 */
public final class Charts {
    private Charts() {
    }

    /**
     * @param report the comparison
     * @param dir the directory to write into (created if absent)
     * @return every file written, SVG then PNG for each chart
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> write(Report report, Path dir) {
        System.setProperty("java.awt.headless", "true");
        Cells cells = new Cells(report);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Cells.Group g : cells.groups(Cells.THR)) {
                written.addAll(ChartStyle.save(throughput(cells, g, report.limits(), false), dir,
                    "thr-msgs-" + g.transport() + "-" + g.mode()));
                written.addAll(ChartStyle.save(throughput(cells, g, report.limits(), true), dir,
                    "thr-mbs-" + g.transport() + "-" + g.mode()));
            }
            for (Cells.Group g : cells.groups(Cells.LAT)) {
                for (int size : cells.sizes(Cells.LAT, g)) {
                    written.addAll(ChartStyle.save(LatencyChart.build(cells, g, size, report.limits()), dir,
                        "lat-" + g.transport() + "-" + g.mode() + "-" + Fmt.sizeToken(size)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the charts into " + dir, e);
        }
        return written;
    }

    /**
     * @param cells the report's cells
     * @param g transport and mode
     * @param limits the loopback limits (the NIO stream limit is drawn on tcp MB/s charts), may be null
     * @param megabytes MB/s rather than msg/s
     * @return the chart: a line per implementation over the sizes
     */
    static XYChart throughput(Cells cells, Cells.Group g, LoopbackLimits limits, boolean megabytes) {
        String what = megabytes ? "MB/s (payload, 10^6 B/s)" : "msg/s";
        XYChart chart = ChartStyle.chart("Throughput, PUSH/PULL, " + g.title() + ": " + what
            + ", median of the runs", "message size (bytes)", what, true);
        List<Integer> sizes = cells.sizes(Cells.THR, g);
        ToDoubleFunction<Cell> figure = megabytes ? c -> c.megabytesPerSecond().median()
            : c -> c.messagesPerSecond().median();
        for (String impl : cells.impls(Cells.THR)) {
            List<double[]> points = new ArrayList<>();
            for (int size : sizes) {
                Optional<Cell> c = cells.find(impl, Cells.THR, g.transport(), g.mode(), size);
                double y = c.map(figure::applyAsDouble).orElse(Double.NaN);
                if (y > 0) {
                    points.add(new double[] {size, y});
                }
            }
            if (!points.isEmpty()) {
                ChartStyle.implSeries(chart, impl, column(points, 0), column(points, 1));
            }
        }
        if (megabytes && g.transport().equals("tcp") && limits != null && limits.streamMegabytesPerSecond() > 0
            && !sizes.isEmpty()) {
            double mbs = limits.streamMegabytesPerSecond();
            ChartStyle.referenceSeries(chart, "NIO stream limit (" + Fmt.num(mbs) + " MB/s)",
                new double[] {sizes.get(0), sizes.get(sizes.size() - 1)}, new double[] {mbs, mbs});
        }
        return chart;
    }

    /**
     * @param points rows of values
     * @param i the column
     * @return that column
     */
    static double[] column(List<double[]> points, int i) {
        return points.stream().mapToDouble(p -> p[i]).toArray();
    }

    /**
     * @param cell a lat cell
     * @return every run's half round trips in one histogram, or null if no run has any
     */
    static Histogram merged(Cell cell) {
        Histogram all = null;
        for (RunResult r : cell.runs()) {
            Histogram h = r.halfRoundTripNanos();
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            if (all == null) {
                all = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            all.add(h);
        }
        return all;
    }
}
