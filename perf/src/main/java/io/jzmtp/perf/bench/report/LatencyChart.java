package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.LoopbackLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;

/**
 * A latency percentile spectrum: half round trip (µs, log) against percentile p, drawn at 1/(1-p) on a log axis so
 * that 90%, 99%, 99.9% ... are evenly spaced. Each line ends at its maximum, drawn at 1/(1-p) = the number of round
 * trips (the maximum of N samples is their 1/N tail).
 */
final class LatencyChart {
    private LatencyChart() {
    }

    /**
     * @param cells the report's cells
     * @param g transport and mode
     * @param size request/reply size
     * @param limits the loopback limits (the NIO ping-pong is drawn on tcp charts), may be null
     * @return the chart
     */
    static XYChart build(Cells cells, Cells.Group g, int size, LoopbackLimits limits) {
        XYChart chart = ChartStyle.chart("Latency, REQ/REP, " + g.title() + ", " + Fmt.size(size)
                + ": every run's round trips merged", "percentile, on a log scale of 1/(1-p) (a line's last point:"
                + " its max)", "half round trip (µs)", false);
        long most = 10;
        for (String impl : cells.impls(Cells.LAT)) {
            Optional<Cell> c = cells.find(impl, Cells.LAT, g.transport(), g.mode(), size);
            Histogram h = c.map(Charts::merged).orElse(null);
            if (h != null) {
                List<double[]> points = spectrum(h);
                if (!points.isEmpty()) {
                    ChartStyle.implSeries(chart, impl, Charts.column(points, 0), Charts.column(points, 1));
                    most = Math.max(most, h.getTotalCount());
                }
            }
        }
        Histogram nio = limits == null || !g.transport().equals("tcp") ? null
            : g.mode().equals("spin") ? limits.pingPongSpin() : limits.pingPongBlocking();
        if (nio != null && nio.getTotalCount() > 0) {
            List<double[]> points = spectrum(nio);
            if (!points.isEmpty()) {
                ChartStyle.referenceSeries(chart, "NIO ping-pong 1 B, " + g.mode() + " (reference)",
                    Charts.column(points, 0), Charts.column(points, 1));
                most = Math.max(most, nio.getTotalCount());
            }
        }
        // x is log10(1/(1-p)), on a linear axis labelled in percentiles: 0 is 0%, 1 is 90%, 3 is 99.9%
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.ceil(Math.log10(most)))
            .setXAxisTickMarkSpacingHint(90).setxAxisTickLabelsFormattingFunction(LatencyChart::percentileLabel);
        return chart;
    }

    /**
     * @param h half round trips in ns
     * @return points (log10(1/(1-p)), µs) at p = 50%, 80%, 90%, 95%, 98%, 99% ... while 1/(1-p) is below the count,
     *     then the max at 1/(1-p) = the count; values of 0 ns are left out (a log axis cannot show them)
     */
    static List<double[]> spectrum(Histogram h) {
        List<double[]> points = new ArrayList<>();
        long n = h.getTotalCount();
        double[] factors = {2.5, 2, 2};
        int i = 0;
        for (double x = 2; x < n; x *= factors[i++ % factors.length]) {
            add(points, x, h.getValueAtPercentile(100.0 * (1.0 - 1.0 / x)));
        }
        add(points, Math.max(n, 2), h.getMaxValue());
        points.forEach(p -> p[0] = Math.log10(p[0]));
        return points;
    }

    private static void add(List<double[]> points, double x, long nanos) {
        if (nanos > 0) {
            points.add(new double[] {x, nanos / 1000.0});
        }
    }

    /**
     * @param v log10(1/(1-p))
     * @return the percentile p as a label: 0 -> "0%", 1 -> "90%", 3 -> "99.9%", 0.5 -> "68.4%"; distinct values
     *     get distinct labels (XChart requires it)
     */
    static String percentileLabel(double v) {
        if (v < 0) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        double p = 100.0 * (1.0 - Math.pow(10, -v));
        boolean whole = Math.abs(v - Math.rint(v)) < 1e-9;
        int decimals = Math.max(0, (int) Math.ceil(v - 1e-9) - 2) + (whole ? 0 : 2);
        return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
    }
}
