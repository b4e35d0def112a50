package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(10)
class SideBySideOptionsTest {
    @Test
    void defaults() {
        SideBySideOptions o = SideBySideOptions.parse();
        Plan p = o.plan();
        assertEquals(List.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq", "libzmq"), p.impls());
        assertEquals(List.of(1, 64, 1024, 16384, 65536), p.sizes());
        assertEquals(List.of("tcp", "inproc"), p.transports());
        assertEquals(List.of("blocking", "spin"), p.modes());
        assertEquals(List.of(1), p.latSizes());
        assertEquals(3, p.repeats());
        assertFalse(p.quick());
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"), o.jvmFlagList());
        assertEquals(120, o.timeoutSeconds());
        assertFalse(o.skipLimits());
        assertEquals(HostInfo.currentJava(), o.javaCommand());
        assertEquals(Path.of("/r/perf/target/side-by-side"), o.outDir(Optional.of(Path.of("/r/perf"))));
        assertEquals(Path.of("perf/target/side-by-side"), o.outDir(Optional.empty()));
        // 5 sizes x 2 transports x 2 modes thr + 1 x 2 x 2 lat, 5 implementations, 3 repeats; jzmtp-zc runs the
        // thr of 16 KiB and 64 KiB only
        assertEquals(3 * ((20 + 4) * 5 + 2 * 2 * 2), p.runs().size());
        assertEquals(Counts.throughput(1, false), p.runs().get(0).count());
    }

    @Test
    void runsInterleaveTheImplementationsWithinEachWorkload() {
        List<RunSpec> runs = SideBySideOptions.parse().plan().runs();
        for (int i = 0; i < runs.size(); ) {
            boolean lent = runs.get(i).workload().equals("thr") && runs.get(i).size() >= Plan.LENT_MIN_SIZE;
            int n = lent ? 6 : 5;
            List<RunSpec> group = runs.subList(i, i + n);
            i += n;
            assertEquals(lent ? List.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq", "libzmq")
                    : List.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jeromq", "libzmq"),
                group.stream().map(RunSpec::impl).toList());
            for (RunSpec r : group) {
                assertTrue(r.sameCell(new RunResult(r.impl(), group.get(0).workload(), group.get(0).transport(),
                    group.get(0).mode(), group.get(0).size(), 1, 1, 1, 1, "v", null)));
            }
        }
        // the second repeat starts where the first did
        assertEquals(runs.get(0), runs.get(runs.size() / 3));
        assertEquals("lat", runs.get(runs.size() / 3 - 1).workload());
    }

    @Test
    void onlyJeromqSpinLatencyOverTcpIsCutOnHostsWithFewerThanFourCores() {
        RunSpec tcpSpin = new RunSpec("jzmtp", "lat", "tcp", "spin", 1, 50_000, 5_000);
        assertTrue(Plan.waitsForTimeSlices("jeromq", tcpSpin, 2));
        assertFalse(Plan.waitsForTimeSlices("jeromq", tcpSpin, 4));
        assertFalse(Plan.waitsForTimeSlices("jzmtp", tcpSpin, 2));
        assertFalse(Plan.waitsForTimeSlices("libzmq", tcpSpin, 2));
        assertFalse(Plan.waitsForTimeSlices("jeromq", new RunSpec("jeromq", "lat", "inproc", "spin", 1, 9, 1), 2));
        assertFalse(Plan.waitsForTimeSlices("jeromq", new RunSpec("jeromq", "lat", "tcp", "blocking", 1, 9, 1), 2));
        assertFalse(Plan.waitsForTimeSlices("jeromq", new RunSpec("jeromq", "thr", "tcp", "spin", 1, 9, 1), 2));
        List<RunSpec> runs = SideBySideOptions.parse("--modes=spin", "--transports=tcp", "--sizes=1").plan().runs();
        boolean few = Runtime.getRuntime().availableProcessors() < Plan.SPIN_CORES;
        for (RunSpec r : runs) {
            boolean cut = r.isLatency() && r.impl().equals("jeromq") && few;
            assertEquals(cut, r.count() <= Counts.LAT_QUICK_MIN, r.toString());
        }
    }

    @Test
    void quick() {
        SideBySideOptions o = SideBySideOptions.parse("--quick");
        Plan p = o.plan();
        assertEquals(List.of(64, 16384), p.sizes());
        assertEquals(List.of(1), p.latSizes());
        assertEquals(List.of("tcp", "inproc"), p.transports());
        assertEquals(List.of("blocking"), p.modes());
        assertEquals(1, p.repeats());
        assertTrue(p.quick());
        assertEquals(List.of("jzmtp", "jzmtp-msg", "jeromq", "libzmq"), p.impls(), "jzmtp-bytes left out of --quick");
        assertEquals((4 + 2) * 4, p.runs().size());
        assertEquals(Counts.throughput(64, true), p.runs().get(0).count());
        assertTrue(p.runs().get(0).count() < Counts.throughput(64, false));
    }

    @Test
    void explicitOptionsWinOverQuick() {
        SideBySideOptions o = SideBySideOptions.parse("--quick", "--sizes", "1,2", "--modes=spin", "--repeats=2",
            "--impls=jeromq,libzmq", "--transports", "ipc", "--lat-sizes=64",
            "--jvm-flags", "-Xmx2g -XX:+UseParallelGC",
            "--java=/opt/java", "--skip-limits", "--timeout=9", "--out", "/tmp/x");
        Plan p = o.plan();
        assertEquals(List.of(1, 2), p.sizes());
        assertEquals(List.of("spin"), p.modes());
        assertEquals(2, p.repeats());
        assertEquals(List.of("jeromq", "libzmq"), p.impls());
        assertEquals(List.of("ipc"), p.transports());
        assertEquals(List.of(64), p.latSizes());
        assertEquals(List.of("-Xmx2g", "-XX:+UseParallelGC"), o.jvmFlagList());
        assertEquals("/opt/java", o.javaCommand());
        assertTrue(o.skipLimits());
        assertEquals(9, o.timeoutSeconds());
        assertEquals(Path.of("/tmp/x"), o.outDir(Optional.of(Path.of("/r/perf"))));
        assertEquals(2 * 2 * (2 + 1), p.runs().size());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(CommandLine.ParameterException.class, () -> SideBySideOptions.parse("--bogus"));
        assertThrows(CommandLine.ParameterException.class, () -> SideBySideOptions.parse("--sizes=a"));
        assertThrows(IllegalArgumentException.class, () -> SideBySideOptions.parse("--impls=zmq").plan());
        assertThrows(IllegalArgumentException.class, () -> SideBySideOptions.parse("--transports=udp").plan());
        assertThrows(IllegalArgumentException.class, () -> SideBySideOptions.parse("--sizes=0").plan());
        assertThrows(IllegalArgumentException.class, () -> SideBySideOptions.parse("--repeats=0").plan());
        assertTrue(SideBySideOptions.parse("--help").help());
    }

    @Test
    void reconstructsTheCommandLine() {
        assertEquals("java -cp perf/target/benchmarks.jar io.jzmtp.perf.bench.SideBySide --quick "
                + "--jvm-flags '-Xmx2g -XX:+UseParallelGC' --sizes=64,1024",
            HostInfo.commandLine(SideBySide.class,
                new String[] {"--quick", "--jvm-flags", "-Xmx2g -XX:+UseParallelGC", "--sizes=64,1024"}));
    }
}
