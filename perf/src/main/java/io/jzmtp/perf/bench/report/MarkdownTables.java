package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Cell.Spread;

import java.util.Optional;

/** The throughput and latency tables: one per transport and mode, a row per (size, implementation). */
final class MarkdownTables {
    private MarkdownTables() {
    }

    /**
     * @param out where to append
     * @param cells the report's cells
     */
    static void throughput(StringBuilder out, Cells cells) {
        out.append("## Throughput: PUSH/PULL (thr)\n\n");
        if (cells.groups(Cells.THR).isEmpty()) {
            out.append("Not measured.\n\n");
            return;
        }
        out.append("One sender and one receiver thread in one process. msg/s: median over the runs (min–max);"
            + " MB/s: payload, 10^6 B/s, median; CPU ns/msg: whole-process CPU time (every thread) per message,"
            + " median; alloc B/msg: bytes allocated by every thread per message, median (JVM only: `-` for"
            + " libzmq).\n\n");
        for (Cells.Group g : cells.groups(Cells.THR)) {
            out.append("### ").append(g.title()).append("\n\n");
            MdTable t = new MdTable(2, "size", "impl", "msg/s median (min–max)", "MB/s", "CPU ns/msg",
                "alloc B/msg", "runs");
            for (int size : cells.sizes(Cells.THR, g)) {
                boolean first = true;
                for (String impl : cells.impls(Cells.THR)) {
                    Optional<Cell> found = cells.find(impl, Cells.THR, g.transport(), g.mode(), size);
                    if (found.isEmpty()) {
                        continue;
                    }
                    Cell c = found.get();
                    Spread m = c.messagesPerSecond();
                    t.row(first ? Fmt.size(size) : "", impl, Fmt.spread(m.median(), m.min(), m.max()),
                        Fmt.num(c.megabytesPerSecond().median()), Fmt.num(c.cpuNanosPerMessage().median()),
                        Fmt.bytes(c.allocatedBytesPerMessage().median()), Integer.toString(c.runs().size()));
                    first = false;
                }
            }
            t.appendTo(out);
            out.append('\n');
        }
    }

    /**
     * @param out where to append
     * @param cells the report's cells
     */
    static void latency(StringBuilder out, Cells cells) {
        out.append("## Latency: REQ/REP (lat)\n\n");
        if (cells.groups(Cells.LAT).isEmpty()) {
            out.append("Not measured.\n\n");
            return;
        }
        out.append("Half round trip in µs (closed loop, every timed round trip recorded, halved). Each percentile is"
            + " the median over the runs; p50 also shows its min–max over the runs. CPU µs/rt: whole-process CPU"
            + " time per round trip, median; alloc B/rt: bytes allocated by every thread per round trip, median"
            + " (JVM only).\n\n");
        for (Cells.Group g : cells.groups(Cells.LAT)) {
            out.append("### ").append(g.title()).append("\n\n");
            MdTable t = new MdTable(2, "size", "impl", "p50 µs (min–max)", "p99 µs", "p99.9 µs", "max µs",
                "CPU µs/rt", "alloc B/rt", "runs");
            for (int size : cells.sizes(Cells.LAT, g)) {
                boolean first = true;
                for (String impl : cells.impls(Cells.LAT)) {
                    Optional<Cell> found = cells.find(impl, Cells.LAT, g.transport(), g.mode(), size);
                    if (found.isEmpty()) {
                        continue;
                    }
                    Cell c = found.get();
                    Spread p50 = c.latencyMicros(50.0);
                    t.row(first ? Fmt.size(size) : "", impl, Fmt.spread(p50.median(), p50.min(), p50.max()),
                        Fmt.num(c.latencyMicros(99.0).median()), Fmt.num(c.latencyMicros(99.9).median()),
                        Fmt.num(c.latencyMicros(100.0).median()),
                        Fmt.num(c.cpuNanosPerMessage().median() / 1000.0),
                        Fmt.bytes(c.allocatedBytesPerMessage().median()), Integer.toString(c.runs().size()));
                    first = false;
                }
            }
            t.appendTo(out);
            out.append('\n');
        }
    }
}
