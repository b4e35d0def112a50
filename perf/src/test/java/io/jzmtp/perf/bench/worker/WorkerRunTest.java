package io.jzmtp.perf.bench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.perf.bench.ResultLine;
import io.jzmtp.perf.bench.RunResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every implementation runs every workload with tiny counts, in this JVM, and reports a sane RESULT line. */
class WorkerRunTest {
    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> all = new ArrayList<>();
        for (String impl : WorkerArgs.IMPLS) {
            all.add(Arguments.of(impl, "thr", "tcp", "blocking", 64, 2_000));
            all.add(Arguments.of(impl, "thr", "inproc", "blocking", 64, 2_000));
            all.add(Arguments.of(impl, "thr", "ipc", "blocking", 64, 2_000));
            all.add(Arguments.of(impl, "thr", "tcp", "spin", 16_384, 500));
            if (impl.equals("jzmtp-zc")) {
                continue; // thr only
            }
            all.add(Arguments.of(impl, "lat", "tcp", "blocking", 1, 200));
            all.add(Arguments.of(impl, "lat", "tcp", "spin", 1, 200));
            all.add(Arguments.of(impl, "lat", "inproc", "blocking", 100, 200));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} B x {5}")
    @MethodSource("runs")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void producesASaneResult(String impl, String workload, String transport, String mode, int size, int count)
        throws Exception {
        Path samples = dir.resolve("samples.bin");
        List<String> args = new ArrayList<>(List.of("--impl=" + impl, "--workload=" + workload,
            "--transport=" + transport, "--mode=" + mode, "--size=" + size, "--count=" + count));
        if (workload.equals("lat")) {
            args.add("--samples=" + samples);
        }
        String line = Worker.run(WorkerArgs.parse(args.toArray(String[]::new)), new Progress());

        RunResult r = ResultLine.parse(line).toRunResult(null);
        assertEquals(impl, r.impl());
        assertEquals(workload, r.workload());
        assertEquals(transport, r.transport());
        assertEquals(mode, r.mode());
        assertEquals(size, r.size());
        assertEquals(count, r.count());
        assertTrue(r.seconds() > 0 && r.seconds() < 90, line);
        assertTrue(r.cpuSeconds() >= 0, line);
        assertTrue(r.allocBytes() >= 0, line);
        assertEquals(impl.equals("jeromq") ? "0.6.0" : "0.1.0-SNAPSHOT", r.version());
        if (workload.equals("lat")) {
            byte[] bytes = Files.readAllBytes(samples);
            assertEquals(count * 8L, bytes.length);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long sum = 0;
            for (int i = 0; i < count; i++) {
                long rt = b.getLong();
                assertTrue(rt > 0, "round trip " + i + ": " + rt);
                sum += rt;
            }
            assertTrue(sum <= r.seconds() * 1e9, "the round trips fit in the timed part: " + sum + " ns, " + line);
        }
    }
}
