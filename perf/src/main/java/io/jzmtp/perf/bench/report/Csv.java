package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Cell.Spread;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * The comparison as CSV (RFC 4180: a header row, CRLF line ends, fields quoted where they hold a comma, a quote or
 * a line break). Numbers are plain decimals with up to 9 significant digits; an empty field is a figure that does
 * not exist (a thr run's latency, libzmq's allocation).
 */
public final class Csv {
    private static final String CRLF = "\r\n";
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 99.99, 100.0};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99_9", "p99_99", "max"};

    private Csv() {
    }

    /**
     * @param report the comparison
     * @return one row per run: what the worker reported and the figures derived from it
     */
    public static String render(Report report) {
        List<String> header = new ArrayList<>(List.of("impl", "workload", "transport", "mode", "size", "count",
            "seconds", "cpu_seconds", "alloc_bytes", "version", "msgs_per_s", "mb_per_s", "cpu_ns_per_msg",
            "alloc_b_per_msg"));
        for (String p : PERCENTILE_NAMES) {
            header.add("lat_" + p + "_us");
        }
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (Cell c : new Cells(report).all()) {
            for (RunResult r : c.runs()) {
                List<String> row = new ArrayList<>(List.of(r.impl(), r.workload(), r.transport(), r.mode(),
                    Integer.toString(r.size()), Long.toString(r.count()), number(r.seconds()),
                    number(r.cpuSeconds()), Long.toString(r.allocBytes()), nullToEmpty(r.version()),
                    number(r.messagesPerSecond()), number(r.megabytesPerSecond()), number(r.cpuNanosPerMessage()),
                    number(r.allocatedBytesPerMessage())));
                Histogram h = r.halfRoundTripNanos();
                for (double p : PERCENTILES) {
                    row.add(h == null || h.getTotalCount() == 0 ? "" : number(h.getValueAtPercentile(p) / 1000.0));
                }
                line(out, row);
            }
        }
        return out.toString();
    }

    /**
     * @param report the comparison
     * @return one row per cell: its runs' median (and min and max of msg/s and p50) of every derived figure
     */
    public static String renderCells(Report report) {
        List<String> header = new ArrayList<>(List.of("impl", "workload", "transport", "mode", "size", "runs",
            "version", "msgs_per_s_median", "msgs_per_s_min", "msgs_per_s_max", "mb_per_s_median",
            "cpu_ns_per_msg_median", "alloc_b_per_msg_median"));
        for (String p : PERCENTILE_NAMES) {
            header.add("lat_" + p + "_us_median");
        }
        header.add("lat_p50_us_min");
        header.add("lat_p50_us_max");
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (Cell c : new Cells(report).all()) {
            Spread m = c.messagesPerSecond();
            LinkedHashSet<String> versions = new LinkedHashSet<>();
            c.runs().forEach(r -> versions.add(nullToEmpty(r.version())));
            List<String> row = new ArrayList<>(List.of(c.impl(), c.workload(), c.transport(), c.mode(),
                Integer.toString(c.size()), Integer.toString(c.runs().size()), String.join(" ", versions),
                number(m.median()), number(m.min()), number(m.max()), number(c.megabytesPerSecond().median()),
                number(c.cpuNanosPerMessage().median()), number(c.allocatedBytesPerMessage().median())));
            for (double p : PERCENTILES) {
                row.add(number(c.latencyMicros(p).median()));
            }
            Spread p50 = c.latencyMicros(50.0);
            row.add(number(p50.min()));
            row.add(number(p50.max()));
            line(out, row);
        }
        return out.toString();
    }

    /**
     * @param v a figure
     * @return a plain decimal (no exponent) of up to 9 significant digits; empty for NaN or infinite
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return new BigDecimal(v).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /**
     * @param field any text
     * @return the field as RFC 4180 writes it: quoted, with quotes doubled, if it holds a comma, quote, CR or LF
     */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0
            && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
        }
        out.append(CRLF);
    }
}
