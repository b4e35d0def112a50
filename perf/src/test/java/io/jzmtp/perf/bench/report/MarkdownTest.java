package io.jzmtp.perf.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Environment;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;
import io.jzmtp.perf.bench.report.Target.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MarkdownTest {

    /** @return the text from the heading line (exact) to the next heading of the same or a higher level */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading + "\n");
        assertTrue(start >= 0, "no " + heading + " in\n" + md);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = md.length();
        for (String h : List.of("\n" + level, "\n" + level.substring(1))) {
            int i = md.indexOf(h, start + heading.length());
            if (i >= 0 && h.length() > 2) {
                end = Math.min(end, i + 1);
            }
        }
        return md.substring(start, end);
    }

    /** @return a table row's cells, trimmed */
    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|")).map(String::trim).toList();
    }

    /** @return the cells of the first table row in text whose first cells are leading */
    private static List<String> row(String text, String... leading) {
        return text.lines().filter(l -> l.startsWith("|")).map(MarkdownTest::cells)
            .filter(c -> c.size() >= leading.length && c.subList(0, leading.length).equals(List.of(leading)))
            .findFirst().orElseThrow(() -> new AssertionError("no row " + List.of(leading) + " in\n" + text));
    }

    /** @return the cells of the first row whose first cell contains what */
    private static List<String> rowContaining(String text, String what) {
        return text.lines().filter(l -> l.startsWith("|") && l.contains(what)).map(MarkdownTest::cells)
            .findFirst().orElseThrow(() -> new AssertionError("no row with " + what + " in\n" + text));
    }

    private static Target target(List<Target> targets, String what) {
        return targets.stream().filter(t -> t.what().contains(what)).findFirst()
            .orElseThrow(() -> new AssertionError("no target " + what + " in " + targets));
    }

    private static Cell cell(Report report, String impl, String workload, String transport, String mode, int size) {
        return report.cells().stream().filter(c -> c.impl().equals(impl) && c.workload().equals(workload)
            && c.transport().equals(transport) && c.mode().equals(mode) && c.size() == size).findFirst().orElseThrow();
    }

    @Test
    void headerShowsEveryEnvironmentFieldAndTheLoopbackLimits() {
        String md = Markdown.render(Fixtures.full());
        String env = section(md, "## Environment");
        assertEquals(List.of("started", "2026-11-21T10:00:00Z"), row(env, "started"));
        assertEquals("Intel(R) Xeon(R) CPU @ 2.50GHz", row(env, "CPU").get(1));
        assertEquals("2", row(env, "cores").get(1));
        assertEquals("23 GiB", row(env, "memory").get(1));
        assertEquals("Linux 6.1.0 amd64", row(env, "OS").get(1));
        assertEquals("OpenJDK 64-Bit Server VM 17.0.15+6", row(env, "JDK").get(1));
        assertEquals("`-Xms1g -Xmx1g -XX:+UseParallelGC`", row(env, "JVM flags").get(1));
        assertEquals("4.3.4", row(env, "libzmq").get(1));
        assertEquals("0.6.0", row(env, "JeroMQ").get(1));
        assertEquals("1.25", row(env, "load average (1 min)").get(1));
        assertEquals("`SideBySide --runs=3 --sizes=1,64,16384,65536`", row(env, "command").get(1));
        assertTrue(row(env, "versions reported").get(1).contains("libzmq 4.3.4"));

        String limits = section(md, "## Loopback limits (plain NIO on tcp 127.0.0.1)");
        assertTrue(limits.contains("**2345 MB/s**"), limits);
        List<String> spin = row(limits, "non-blocking, spinning");
        assertEquals(6.0, Double.parseDouble(spin.get(1)), 0.1, spin.toString());
        assertEquals(14.0, Double.parseDouble(row(limits, "blocking channels").get(1)), 0.1);
        assertEquals("50.0 k", spin.get(5));
        assertTrue(section(md, "## Notes").contains("- ipc: not run"));
    }

    @Test
    void throughputRowsShowMedianMinMaxOfTheRuns() {
        String tcp = section(section(md(), "## Throughput: PUSH/PULL (thr)"), "### tcp, blocking");
        assertEquals(List.of("1 B", "jzmtp", "4.62 M (4.16–5.08 M)", "4.62", "300", "0.00400", "3"),
            row(tcp, "1 B", "jzmtp"));
        assertEquals(List.of("", "libzmq", "3.55 M (3.20–3.91 M)", "3.55", "300", "-", "3"),
            rowContaining(tcp, "3.55 M"));
        // 16 KiB: MB/s = 160e3 * 16384 / 1e6 = 2621; CPU 300 + 16384 / 10 ns
        assertEquals(List.of("16 KiB", "jzmtp", "160 k (144–176 k)", "2621", "1938", "0.00400", "3"),
            row(tcp, "16 KiB", "jzmtp"));
        assertEquals("9.00 M (8.10–9.90 M)", row(section(md(), "### inproc, blocking"), "1 B", "jzmtp").get(2));
    }

    private static String md() {
        return Markdown.render(Fixtures.full());
    }

    @Test
    void latencyRowsShowPercentilesInMicroseconds() {
        Report report = Fixtures.full();
        String lat = section(section(Markdown.render(report), "## Latency: REQ/REP (lat)"), "### tcp, blocking");
        List<String> row = row(lat, "1 B", "jzmtp");
        // runs' p50 near 18.0 µs (1.0x), 17.1 (0.95x) and 19.8 (1.1x), as the histograms' resolution gives them
        Cell cell = cell(report, "jzmtp", "lat", "tcp", "blocking", 1);
        Cell.Spread p50 = cell.latencyMicros(50);
        assertEquals(18.0, p50.median(), 0.2);
        assertEquals(17.1, p50.min(), 0.2);
        assertEquals(19.8, p50.max(), 0.2);
        assertEquals(Fmt.spread(p50.median(), p50.min(), p50.max()), row.get(2));
        assertEquals(Fmt.num(cell.latencyMicros(99).median()), row.get(3));
        assertEquals(Fmt.num(cell.latencyMicros(99.9).median()), row.get(4));
        assertEquals(Fmt.num(cell.latencyMicros(100).median()), row.get(5));
        // CPU: 1.5 x the run's seconds, which are 2 x 18 µs per round trip
        assertEquals("54.0", row.get(6));
        assertEquals("0", row.get(7));
        assertEquals("96.0", row(lat, "", "jzmtp-msg").get(7));
        assertEquals("48.0", row(lat, "", "jzmtp-bytes").get(7));
        assertEquals("-", rowContaining(lat, "libzmq").get(7));
    }

    @Test
    void ratiosAndTargetsJudgeTheMedians() {
        String md = md();
        String ratios = section(md, "## Ratios");
        String thr = section(ratios, "### Throughput: jzmtp msg/s ÷ the other's (higher is better for jzmtp: above"
            + " 1.00x it is faster)");
        assertEquals(List.of("tcp", "blocking", "1 B", "1.30x", "2.10x", "0.87x", "1.41x", "1.01x", "1.64x", "-", "-"),
            row(thr, "tcp", "blocking", "1 B"), "jzmtp-zc runs from 16 KiB on");
        assertEquals(List.of("1.80x", "2.00x"), row(thr, "tcp", "blocking", "16 KiB").subList(9, 11));
        assertTrue(thr.contains("| jzmtp-bytes / libzmq | jzmtp-bytes / jeromq |"), thr);
        String lat = section(ratios, "### Latency: jzmtp p50 ÷ the other's p50 (lower is better for jzmtp: below"
            + " 1.00x it answers sooner)");
        assertEquals(List.of("0.90x", "0.60x"), row(lat, "tcp", "blocking", "1 B").subList(3, 5));
        assertEquals(List.of("0.75x", "-", "-"), row(lat, "inproc", "blocking", "1 B").subList(4, 7));

        String targets = section(md, "## Targets");
        assertEquals(List.of("≥ 1.25x", "1.30x", "met"),
            rowContaining(targets, "tcp thr PUSH/PULL blocking, 1 B: jzmtp / libzmq").subList(1, 4));
        assertEquals(List.of("≥ 1.25x", "1.10x", "**missed**"),
            rowContaining(targets, "tcp thr PUSH/PULL blocking, 64 B: jzmtp / libzmq").subList(1, 4));
        assertEquals(List.of("1.80x", "met"),
            rowContaining(targets, "16 KiB: jzmtp-zc (zero copy) / libzmq").subList(2, 4));
        assertEquals(List.of("1.40x", "**missed**"),
            rowContaining(targets, "64 KiB: jzmtp-zc (zero copy) / libzmq").subList(2, 4));
        assertEquals(List.of("1.60x", "information"), rowContaining(targets, "16 KiB: jzmtp / libzmq").subList(2, 4),
            "the copying frame API is shown at large sizes, not judged");
        assertEquals(List.of("≤ 1.00x", "0.90x", "met"),
            rowContaining(targets, "tcp lat REQ/REP blocking, 1 B: jzmtp / libzmq").subList(1, 4));
        List<String> spin = rowContaining(targets, "NIO spinning ping-pong");
        assertTrue(spin.get(2).startsWith("2.1") && spin.get(3).equals("**missed**"), spin.toString());
        assertEquals("1.80x", rowContaining(targets, "inproc thr PUSH/PULL blocking, 1 B: jzmtp / jeromq").get(2));
        assertEquals("0.75x", rowContaining(targets, "inproc lat REQ/REP blocking, 1 B: jzmtp / jeromq").get(2));
        assertEquals(List.of("0 B (< 0.01, or ≤ 2048 B a run)", "0.00400 B/msg (tcp blocking 1 B, 4000 B a run)", "met"),
            rowContaining(targets, "jzmtp (frame API) thr alloc").subList(1, 4));
        // 1 B: 24 B against a bar of 32 B is the cell nearest its bar (64 B: 80 of 88; 16 KiB: 16400 of 16408...)
        assertEquals(List.of("≤ 16 + roundUp8(size) + 8 B", "24.0 B/msg, bar 32 B (tcp blocking 1 B)", "met"),
            rowContaining(targets, "convenience API (byte[]) allocation: jzmtp-bytes").subList(1, 4));
        assertEquals(List.of("≤ 64.0 B", "48.0 B/msg (tcp blocking 1 B)", "information"),
            rowContaining(targets, "jzmtp-msg (Message API)").subList(1, 4));
        assertTrue(targets.contains("9 met, 4 missed, 0 not measured."), targets);
        assertTrue(targets.contains("lower is better") && targets.contains("B in a whole run (median), counts as 0"));
    }

    @Test
    void verdictsFollowTheBars() {
        List<Target> t = Targets.evaluate(Fixtures.full());
        assertEquals(18, t.size());
        assertEquals(Verdict.MET, target(t, "tcp thr PUSH/PULL blocking, 1 B: jzmtp / libzmq").verdict());
        assertEquals(Verdict.MISSED, target(t, "tcp thr PUSH/PULL blocking, 64 B: jzmtp / libzmq").verdict());
        assertEquals(Verdict.MET, target(t, "tcp thr PUSH/PULL blocking, 1 B: jzmtp / jeromq").verdict());
        assertEquals(Verdict.MISSED, target(t, "inproc thr PUSH/PULL blocking, 16 KiB: jzmtp-bytes (zero copy) / libzmq")
            .verdict(), "judged on the zero-copy byte[] API: 7 M against libzmq's 8 M");
        assertEquals(Verdict.INFO, target(t, "inproc thr PUSH/PULL blocking, 16 KiB: jzmtp-msg (zero copy) / libzmq")
            .verdict(), "the Message API is shown");
        assertEquals(Verdict.MET, target(t, "tcp lat REQ/REP blocking").verdict());
        assertEquals(Verdict.MISSED, target(t, "NIO spinning").verdict());
        assertEquals(Verdict.MET, target(t, "convenience API (byte[]) allocation").verdict());
        assertEquals(Verdict.INFO, target(t, "jzmtp-msg (Message API)").verdict(), "shown, not judged");
    }

    @Test
    void withoutLibzmqItsTargetsAreNotMeasuredAndItsColumnsAbsent() {
        Report full = Fixtures.full();
        List<Cell> cells = full.cells().stream().filter(c -> !c.impl().equals("libzmq")).toList();
        String md = Markdown.render(new Report(full.environment(), null, cells, List.of("libzmq: not found")));
        String targets = section(md, "## Targets");
        assertEquals(List.of("libzmq not measured", "not measured"),
            rowContaining(targets, "tcp thr PUSH/PULL blocking, 1 B: jzmtp / libzmq").subList(2, 4));
        assertEquals(List.of("NIO ping-pong not measured", "not measured"),
            rowContaining(targets, "NIO spinning").subList(2, 4));
        assertEquals("met", rowContaining(targets, "tcp thr PUSH/PULL blocking, 1 B: jzmtp / jeromq").get(3));
        assertFalse(section(md, "## Ratios").contains("/ libzmq"));
        assertTrue(md.contains("## Loopback limits (plain NIO on tcp 127.0.0.1)\n\nNot measured."));
        assertTrue(targets.contains("6 met, 0 missed, 7 not measured."), targets);
    }

    @Test
    void allocationAboveTheNoiseIsMissed() {
        Report full = Fixtures.full();
        List<Cell> cells = new ArrayList<>(full.cells());
        cells.add(Fixtures.thrCell("jzmtp", "ipc", "blocking", 1, 1e6, 0.02));
        cells.add(Fixtures.thrCell("jzmtp-msg", "ipc", "blocking", 1, 1e6, 80));
        cells.add(Fixtures.thrCell("jzmtp-bytes", "ipc", "blocking", 1, 1e6, 40));
        List<Target> t = Targets.evaluate(new Report(full.environment(), full.limits(), cells, List.of()));
        Target frame = target(t, "jzmtp (frame API)");
        assertEquals(Verdict.MISSED, frame.verdict());
        assertEquals("0.0200 B/msg (ipc blocking 1 B, 20.0 k B a run)", frame.measured());
        Target bytes = target(t, "convenience API (byte[]) allocation");
        assertEquals(Verdict.MISSED, bytes.verdict(), "two objects' worth at 1 B: over 16 + 8 + 8");
        assertEquals("40.0 B/msg, bar 32 B (ipc blocking 1 B)", bytes.measured());
        Target message = target(t, "jzmtp-msg (Message API)");
        assertEquals(Verdict.INFO, message.verdict());
        assertEquals("80.0 B/msg (ipc blocking 1 B)", message.measured());
    }

    @Test
    void aOneOffInAShortRunOfLargeMessagesCountsAsNoneButAFewKilobytesDoNot() {
        Report full = Fixtures.full();
        List<Cell> oneOff = new ArrayList<>(full.cells());
        oneOff.add(shortRun(1_500));
        Target met = target(Targets.evaluate(new Report(full.environment(), full.limits(), oneOff, List.of())),
            "jzmtp (frame API)");
        assertEquals(Verdict.MET, met.verdict(), met.measured());
        assertEquals("0.100 B/msg (ipc blocking 64 KiB, 1500 B a run)", met.measured());
        List<Cell> more = new ArrayList<>(full.cells());
        more.add(shortRun(3_000));
        Target missed = target(Targets.evaluate(new Report(full.environment(), full.limits(), more, List.of())),
            "jzmtp (frame API)");
        assertEquals(Verdict.MISSED, missed.verdict(), missed.measured());
    }

    /** A 64 KiB cell of three runs of 15 thousand messages, each allocating {@code bytes} in all. */
    private static Cell shortRun(long bytes) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(new RunResult("jzmtp", "thr", "ipc", "blocking", 65536, 15_000, 0.5, 1.0, bytes, "v", null));
        }
        return new Cell("jzmtp", "thr", "ipc", "blocking", 65536, runs);
    }

    @Test
    void theByteArrayBarGrowsWithTheSize() {
        assertEquals(32, Targets.oneObjectBar(1));
        assertEquals(32, Targets.oneObjectBar(8));
        assertEquals(40, Targets.oneObjectBar(9));
        assertEquals(16 + 65536 + 8, Targets.oneObjectBar(65536));
        Report full = Fixtures.full();
        List<Cell> cells = new ArrayList<>(full.cells());
        cells.add(Fixtures.thrCell("jzmtp-bytes", "ipc", "blocking", 65536, 1e4, 16 + 65536 + 8));
        Target atTheBar = target(Targets.evaluate(new Report(full.environment(), full.limits(), cells, List.of())),
            "convenience API (byte[]) allocation");
        assertEquals(Verdict.MET, atTheBar.verdict(), atTheBar.measured());
        assertEquals("65.6 k B/msg, bar 65560 B (ipc blocking 64 KiB)", atTheBar.measured());
    }

    @Test
    void anEmptyReportStillRenders() {
        String md = Markdown.render(new Report(null, null, List.of(), List.of()));
        assertTrue(md.contains("## Throughput: PUSH/PULL (thr)\n\nNot measured."), md);
        assertTrue(md.contains("0 met, 0 missed, 13 not measured."), md);
        Environment unknown = new Environment(null, null, 0, null, null, null, null, null, null, Double.NaN, null);
        String partial = Markdown.render(new Report(unknown, null, List.of(), null));
        assertEquals(List.of("libzmq", "-"), row(section(partial, "## Environment"), "libzmq"));
        assertEquals(List.of("load average (1 min)", "-"), row(partial, "load average (1 min)"));
    }
}
