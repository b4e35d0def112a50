package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs a shell script in place of the C worker: the whole process path without any ZeroMQ. */
class WorkerLauncherTest {
    /** Echoes a RESULT line for its arguments; sizes 13, 14, 15 fail, hang and lie. Samples are all 2000 ns. */
    private static final String SCRIPT = String.join("\n",
        "#!/bin/sh",
        "for a in \"$@\"; do case \"$a\" in",
        "  --impl=*) impl=${a#*=};; --workload=*) wl=${a#*=};; --transport=*) tr=${a#*=};;",
        "  --mode=*) mode=${a#*=};; --size=*) size=${a#*=};; --count=*) count=${a#*=};;",
        "  --samples=*) samples=${a#*=};; esac; done",
        "case $size in 13) echo 'something broke' >&2; exit 1;; 14) exec sleep 30;; 15) count=999;; esac",
        "if [ -n \"$samples\" ]; then i=0; while [ $i -lt $count ]; do",
        "  printf '\\320\\007\\000\\000\\000\\000\\000\\000'; i=$((i+1)); done > \"$samples\"; fi",
        "echo hello",
        "echo RESULT impl=$impl workload=$wl transport=$tr mode=$mode size=$size count=$count seconds=0.5 "
            + "cpu_seconds=0.25 alloc_bytes=-1 version=4.3.4",
        "");

    @TempDir
    Path dir;
    private WorkerLauncher launcher;

    @BeforeEach
    void writeScript() throws Exception {
        Path script = dir.resolve("fake_worker");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        launcher = new WorkerLauncher("java", List.of("-Xmx64m"), "a.jar", script, 1, 1);
    }

    private static RunSpec spec(String workload, int size, long count) {
        return new RunSpec("libzmq", workload, "tcp", "blocking", size, count, 7);
    }

    @Test
    @Timeout(10)
    void buildsTheCommandLines() {
        RunSpec jvm = new RunSpec("jeromq", "lat", "inproc", "spin", 64, 1000, 100);
        assertEquals(List.of("java", "-Xmx64m", "-cp", "a.jar", WorkerLauncher.WORKER_CLASS, "--impl=jeromq",
            "--workload=lat", "--transport=inproc", "--mode=spin", "--size=64", "--count=1000", "--warmup=100",
            "--timeout=1", "--samples=/tmp/s"), launcher.command(jvm, Path.of("/tmp/s")));
        List<String> c = launcher.command(spec("thr", 1, 10), null);
        assertEquals(dir.resolve("fake_worker").toString(), c.get(0));
        assertEquals("--impl=libzmq", c.get(1));
        assertEquals("--timeout=1", c.get(c.size() - 1));
    }

    @Test
    @Timeout(30)
    void readsAThroughputResult() {
        WorkerLauncher.Outcome o = launcher.run(spec("thr", 64, 1000));
        assertNull(o.failure());
        assertEquals(1000, o.result().count());
        assertEquals(2000.0, o.result().messagesPerSecond(), 1e-9);
        assertEquals("4.3.4", o.result().version());
        assertNull(o.result().halfRoundTripNanos());
    }

    @Test
    @Timeout(30)
    void readsALatencyResultWithItsSamples() throws Exception {
        long before = samplesFiles();
        WorkerLauncher.Outcome o = launcher.run(spec("lat", 1, 50));
        assertNull(o.failure(), o.failure());
        assertNotNull(o.result().halfRoundTripNanos());
        assertEquals(50, o.result().halfRoundTripNanos().getTotalCount());
        assertEquals(1000, o.result().halfRoundTripNanos().getValueAtPercentile(50));
        assertTrue(samplesFiles() <= before, "the samples file is deleted");
    }

    private static long samplesFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jzmtp-lat-")).count();
        }
    }

    @Test
    @Timeout(30)
    void aFailingWorkerBecomesAFailureWithItsStderr() {
        WorkerLauncher.Outcome o = launcher.run(spec("thr", 13, 10));
        assertNull(o.result());
        assertTrue(o.failure().contains("exit 1") && o.failure().contains("something broke"), o.failure());
    }

    @Test
    @Timeout(30)
    void aWorkerReportingAnotherRunIsAFailure() {
        WorkerLauncher.Outcome o = launcher.run(spec("thr", 15, 10));
        assertNull(o.result());
        assertTrue(o.failure().contains("another run"), o.failure());
    }

    @Test
    @Timeout(30)
    void aHangingWorkerIsKilledAtItsDeadline() {
        WorkerLauncher.Outcome o = launcher.run(spec("thr", 14, 10));
        assertNull(o.result());
        assertTrue(o.failure().contains("killed after 2 s"), o.failure());
        assertTrue(o.wallSeconds() >= 2 && o.wallSeconds() < 20, "wall " + o.wallSeconds());
    }

    @Test
    @Timeout(10)
    void checksTheResultAgainstTheRun() {
        String line = "RESULT impl=libzmq workload=thr transport=tcp mode=blocking size=64 count=10 seconds=1 "
            + "cpu_seconds=1 alloc_bytes=-1 version=4.3.4";
        assertThrows(ResultLine.MalformedResultException.class,
            () -> WorkerLauncher.read(spec("thr", 65, 10), line, null));
        assertThrows(ResultLine.MalformedResultException.class,
            () -> WorkerLauncher.read(new RunSpec("jzmtp", "thr", "tcp", "blocking", 64, 10, 1), line, null));
    }
}
