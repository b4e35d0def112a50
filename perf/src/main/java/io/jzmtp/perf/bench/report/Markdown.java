package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Environment;
import io.jzmtp.perf.bench.LoopbackLimits;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.HdrHistogram.Histogram;

/**
 * The side-by-side comparison as GitHub Markdown that also reads in a terminal (padded tables): environment and
 * loopback limits, throughput and latency tables, ratios of jzmtp to the others, and the targets checklist.
 */
public final class Markdown {
    private Markdown() {
    }

    /**
     * @param report the comparison
     * @return the whole Markdown document, ending with a line break
     */
    public static String render(Report report) {
        Cells cells = new Cells(report);
        StringBuilder out = new StringBuilder();
        out.append("# Side by side: ").append(String.join(", ", cells.impls(null))).append("\n\n");
        environment(out, report.environment(), cells);
        limits(out, report.limits());
        notes(out, report.notes());
        MarkdownTables.throughput(out, cells);
        MarkdownTables.latency(out, cells);
        MarkdownRatios.ratios(out, cells);
        MarkdownRatios.targets(out, Targets.evaluate(report));
        return out.toString();
    }

    private static void environment(StringBuilder out, Environment env, Cells cells) {
        out.append("## Environment\n\n");
        if (env == null) {
            out.append("Not recorded.\n\n");
            return;
        }
        MdTable t = new MdTable(2, "what", "value");
        t.row("started", env.timestamp());
        t.row("CPU", env.cpu());
        t.row("cores", Integer.toString(env.cores()));
        t.row("memory", env.memory());
        t.row("OS", env.os());
        t.row("JDK", env.jdk());
        t.row("JVM flags", code(env.jvmFlags()));
        t.row("libzmq", env.libzmq());
        t.row("JeroMQ", env.jeromq());
        t.row("versions reported", versions(cells));
        t.row("load average (1 min)", Double.isNaN(env.loadAverage()) ? Fmt.NONE : Fmt.sig3(env.loadAverage()));
        t.row("command", code(env.command()));
        t.appendTo(out);
        out.append('\n');
    }

    private static String versions(Cells cells) {
        Map<String, Set<String>> byImpl = new LinkedHashMap<>();
        for (String impl : cells.impls(null)) {
            byImpl.put(impl, new LinkedHashSet<>());
        }
        for (Cell c : cells.all()) {
            for (RunResult r : c.runs()) {
                byImpl.get(c.impl()).add(r.version());
            }
        }
        StringBuilder s = new StringBuilder();
        byImpl.forEach((impl, v) -> s.append(s.length() == 0 ? "" : "; ").append(impl).append(' ')
            .append(String.join("/", v)));
        return s.length() == 0 ? Fmt.NONE : s.toString();
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? Fmt.NONE : "`" + s.replace("`", "'") + "`";
    }

    private static void limits(StringBuilder out, LoopbackLimits limits) {
        out.append("## Loopback limits (plain NIO on tcp 127.0.0.1)\n\n");
        if (limits == null) {
            out.append("Not measured.\n\n");
            return;
        }
        out.append("Stream (one socket pair, 64 KiB writes, one way): **")
            .append(Fmt.num(limits.streamMegabytesPerSecond())).append(" MB/s**\n\n");
        MdTable t = new MdTable(1, "NIO ping-pong 1 B, half round trip", "p50 µs", "p99 µs", "p99.9 µs", "max µs",
            "round trips");
        pingPong(t, "blocking channels", limits.pingPongBlocking());
        pingPong(t, "non-blocking, spinning", limits.pingPongSpin());
        t.appendTo(out);
        out.append('\n');
    }

    private static void pingPong(MdTable t, String label, Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            t.row(label, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, "not measured");
            return;
        }
        t.row(label, micros(h, 50), micros(h, 99), micros(h, 99.9), Fmt.num(h.getMaxValue() / 1000.0),
            Fmt.num(h.getTotalCount()));
    }

    private static String micros(Histogram h, double percentile) {
        return Fmt.num(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static void notes(StringBuilder out, List<String> notes) {
        if (notes == null || notes.isEmpty()) {
            return;
        }
        out.append("## Notes\n\n");
        for (String n : notes) {
            out.append("- ").append(n.replace('\n', ' ')).append('\n');
        }
        out.append('\n');
    }
}
