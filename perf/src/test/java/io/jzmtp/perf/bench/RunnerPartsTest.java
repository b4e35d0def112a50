package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class RunnerPartsTest {
    @TempDir
    Path dir;

    private static WorkerLauncher.Outcome ok(String impl, String workload, int size, double seconds) {
        RunSpec s = new RunSpec(impl, workload, "tcp", "blocking", size, 100, 10);
        Histogram h = null;
        if ("lat".equals(workload)) {
            h = new Histogram(3);
            h.recordValue(5_000);
        }
        return new WorkerLauncher.Outcome(s, new RunResult(impl, workload, "tcp", "blocking", size, 100, seconds, 0.1,
            "libzmq".equals(impl) ? -1 : 800, "v-" + impl, h), null, 1.5);
    }

    @Test
    void groupsRunsIntoCellsInPlanOrderAndSkipsEmptyCells() {
        Plan plan = new Plan(List.of("jzmtp", "jeromq"), List.of(64), List.of("tcp"), List.of("blocking"),
            List.of(1), 2, true);
        WorkerLauncher.Outcome failed = new WorkerLauncher.Outcome(
            new RunSpec("jeromq", "lat", "tcp", "blocking", 1, 100, 10), null, "exit 1", 1);
        List<WorkerLauncher.Outcome> outcomes = List.of(ok("jzmtp", "thr", 64, 1), ok("jeromq", "thr", 64, 2),
            ok("jzmtp", "lat", 1, 1), failed, ok("jzmtp", "thr", 64, 3), ok("jeromq", "thr", 64, 4),
            ok("jzmtp", "lat", 1, 2), failed);
        List<Cell> cells = SideBySide.cells(plan, outcomes);
        assertEquals(3, cells.size());
        assertEquals(List.of("jzmtp thr", "jeromq thr", "jzmtp lat"),
            cells.stream().map(c -> c.impl() + " " + c.workload()).toList());
        assertEquals(2, cells.get(0).runs().size());
        assertEquals(List.of(2.0, 4.0), cells.get(1).runs().stream().map(RunResult::seconds).toList());
        assertEquals("v-jeromq", SideBySide.version(outcomes, plan, "jeromq", null));
        assertEquals("not run", SideBySide.version(outcomes, plan, "libzmq", null));
        assertEquals("not measured: gcc missing", SideBySide.version(outcomes, plan, "libzmq", "gcc missing"));
    }

    @Test
    void progressLinesCarryTheFigures() {
        String thr = ProgressLine.format(3, 24, ok("jzmtp", "thr", 64, 0.5));
        assertTrue(thr.startsWith("[ 3/24] jzmtp") && thr.contains("200 msg/s") && thr.contains("8.0 B/msg")
            && thr.contains("(wall 1.5 s)"), thr);
        String lat = ProgressLine.format(4, 24, ok("libzmq", "lat", 1, 0.5));
        assertTrue(lat.contains("p50 5.0 us") && !lat.contains("B/rt"), lat);
        assertTrue(ProgressLine.format(4, 24, ok("jzmtp", "lat", 1, 0.5)).contains("  8.0 B/rt"));
        String bad = ProgressLine.format(5, 24, new WorkerLauncher.Outcome(
            new RunSpec("jeromq", "lat", "tcp", "blocking", 1, 100, 10), null, "exit 1; stderr: boom", 2));
        assertTrue(bad.contains("FAILED: exit 1; stderr: boom"), bad);
    }

    @Test
    void findsThePerfFolderFromTheRootFromPerfOrFromTheJar() throws Exception {
        Path perf = dir.resolve("repo").resolve("perf");
        Files.createDirectories(perf.resolve("native"));
        Files.writeString(perf.resolve("native").resolve("zmq_worker.c"), "int main(void) { return 0; }\n");
        Files.writeString(perf.resolve("pom.xml"), "<project/>\n");
        assertEquals(Optional.of(perf), NativeWorker.locatePerfDir(dir.resolve("repo"), ""));
        assertEquals(Optional.of(perf), NativeWorker.locatePerfDir(perf, ""));
        assertEquals(Optional.of(perf), NativeWorker.locatePerfDir(dir,
            "/x/y.jar:" + perf.resolve("target").resolve("benchmarks.jar")));
        assertEquals(Optional.empty(), NativeWorker.locatePerfDir(dir, "/x/y.jar"));
        NativeWorker.Outcome none = NativeWorker.prepare(null, null);
        assertFalse(none.ready());
        assertTrue(none.reason().contains("cannot find perf/native/zmq_worker.c"), none.reason());
    }

    @Test
    void tailsProcessOutput() {
        assertEquals("(no output)", ProcessOutput.tail("\n \n", 3, 100));
        assertEquals("b; c", ProcessOutput.tail("a\nb\n\nc\n", 3, 100));
        assertEquals("...789", ProcessOutput.tail("0123456789", 3, 3));
    }
}
