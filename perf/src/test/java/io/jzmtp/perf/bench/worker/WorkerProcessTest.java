package io.jzmtp.perf.bench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The worker as a process: exit statuses, the one RESULT line, the reasons on stderr. */
class WorkerProcessTest {
    @TempDir
    Path dir;

    private record Ran(int status, String out, String err) {
    }

    private Ran worker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Worker.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("worker did not exit: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void successPrintsExactlyOneResultLineAndExitsZero() throws Exception {
        Ran r = worker("--impl=jzmtp", "--workload=thr", "--transport=inproc", "--size=8", "--count=1000");
        assertEquals(0, r.status(), r.err());
        long results = r.out().lines().filter(l -> l.startsWith("RESULT ")).count();
        assertEquals(1, results, r.out());
        assertTrue(r.out().contains("RESULT impl=jzmtp workload=thr transport=inproc mode=blocking size=8 count=1000 "),
            r.out());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void badArgumentExitsTwoNamingIt() throws Exception {
        Ran r = worker("--impl=jzmtp", "--workload=thr", "--transport=tcp", "--size=big", "--count=10");
        assertEquals(Worker.EXIT_USAGE, r.status());
        assertTrue(r.err().contains("--size=big: expected a whole number from 1 to"), r.err());
        assertTrue(r.err().contains("usage: Worker"), r.err());
        assertEquals("", r.out());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void deadlineHaltsWithThreeAndSaysWhy() throws Exception {
        Ran r = worker("--impl=jzmtp", "--workload=thr", "--transport=inproc", "--size=8",
            "--count=1000000000000", "--timeout=1.5");
        assertEquals(Watchdog.EXIT_TIMEOUT, r.status(), r.err());
        assertTrue(r.err().startsWith("worker: timeout: jzmtp thr inproc blocking size=8 count=1000000000000 did not"
            + " finish within 1.5 s ("), r.err());
        assertEquals("", r.out());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aFailedRunExitsOneWithTheReason() throws Exception {
        Path samples = dir.resolve("no-such-dir").resolve("samples.bin");
        Ran r = worker("--impl=jzmtp", "--workload=lat", "--transport=inproc", "--size=8", "--count=10",
            "--samples=" + samples);
        assertEquals(Worker.EXIT_FAILED, r.status(), r.err());
        assertTrue(r.err().startsWith("worker: jzmtp lat inproc blocking size=8 count=10 failed: "), r.err());
        assertTrue(r.err().contains("no-such-dir"), r.err());
        assertEquals("", r.out());
    }
}
