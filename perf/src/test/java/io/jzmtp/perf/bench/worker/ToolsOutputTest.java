package io.jzmtp.perf.bench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PushSocket;
import io.jzmtp.perf.harness.InprocLat;
import io.jzmtp.perf.harness.InprocThr;
import io.jzmtp.perf.harness.LocalLat;
import io.jzmtp.perf.harness.LocalThr;
import io.jzmtp.perf.harness.RemoteLat;
import io.jzmtp.perf.harness.RemoteThr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The libzmq-style tools print libzmq's lines. */
class ToolsOutputTest {
    private static final List<Pattern> THR = List.of(
        Pattern.compile("message size: 64 \\[B\\]"),
        Pattern.compile("message count: 3000"),
        Pattern.compile("mean throughput: [1-9][0-9]* \\[msg/s\\]"),
        Pattern.compile("mean throughput: [0-9]+\\.[0-9]{3} \\[Mb/s\\]"));
    private static final List<Pattern> LAT = List.of(
        Pattern.compile("message size: 16 \\[B\\]"),
        Pattern.compile("roundtrip count: 300"),
        Pattern.compile("average latency: [0-9]+\\.[0-9]{3} \\[us\\]"));

    private static void assertLines(List<Pattern> expected, Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print.accept(out);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(expected.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(expected.get(i).matcher(lines.get(i)).matches(), lines.get(i));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void localThr() throws Exception {
        CompletableFuture<String> bound = new CompletableFuture<>();
        CompletableFuture<LocalThr.Result> local = CompletableFuture.supplyAsync(
            () -> LocalThr.run("tcp://127.0.0.1:*", 64, 3000, bound::complete));
        // The sender stays open until everything has arrived: see remoteThrDeliversEverything.
        try (Context ctx = Context.create();
             PushSocket push = ctx.push()) {
            push.connect(bound.get(30, TimeUnit.SECONDS));
            byte[] body = new byte[64];
            for (int i = 0; i < 3000; i++) {
                push.send(Message.of(body));
            }
            assertLines(THR, local.get(30, TimeUnit.SECONDS)::print);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void remoteThrDeliversEverything() throws Exception {
        CompletableFuture<String> bound = new CompletableFuture<>();
        CompletableFuture<LocalThr.Result> local = CompletableFuture.supplyAsync(
            () -> LocalThr.run("tcp://127.0.0.1:*", 64, 3000, bound::complete));
        RemoteThr.run(bound.get(30, TimeUnit.SECONDS), 64, 3000);
        assertLines(THR, local.get(30, TimeUnit.SECONDS)::print);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void localLatAndRemoteLat() throws Exception {
        CompletableFuture<String> bound = new CompletableFuture<>();
        CompletableFuture<Void> local = CompletableFuture.runAsync(
            () -> LocalLat.run("tcp://127.0.0.1:*", 16, 300, bound::complete));
        RemoteLat.Result r = RemoteLat.run(bound.get(30, TimeUnit.SECONDS), 16, 300);
        local.get(30, TimeUnit.SECONDS);
        assertLines(LAT, r::print);
        assertEquals(r.elapsedNanos() / 1000.0 / 600, r.averageLatencyMicros(), 1e-9, "half the average round trip");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inprocThr() throws Exception {
        LocalThr.Result r = InprocThr.run(64, 3000);
        assertLines(THR, r::print);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inprocLat() throws Exception {
        RemoteLat.Result r = InprocLat.run(16, 300);
        assertLines(LAT, r::print);
    }
}
