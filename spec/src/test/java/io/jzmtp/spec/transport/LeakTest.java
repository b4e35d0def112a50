package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PairSocket;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.ZSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens and closes many thousand sockets and connections; file descriptors and threads return to their baseline,
 * both inside a context that stays open (a long-running application) and after contexts are closed. The figures go
 * to stdout and to {@code spec/target/leak-figures.txt} for the note.
 */
@Timeout(120)
class LeakTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CONNECTION_ROUNDS = 10_000;
    private static final int BARE_SOCKETS = 10_000;
    private static final int CONTEXTS = 50;
    private static final int FD_TOLERANCE = 5;
    private static final int THREAD_TOLERANCE = 2;

    @TempDir
    Path dir;

    private static long fds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int threads() {
        return Thread.getAllStackTraces().size();
    }

    /** One connection's life: bind a PULL, connect a PUSH, exchange a message, close both. */
    private void round(Context ctx, TransportKind t, int i) {
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        String ep = pull.bind(t.bindable(dir, "leak" + i));
        push.connect(ep);
        push.send("round " + i);
        Message m = pull.receive(WAIT);
        assertNotNull(m, "round " + i + " over " + t);
        assertEquals("round " + i, new String(m.frame(0), StandardCharsets.UTF_8));
        push.close();
        pull.close();
    }

    private static void awaitBack(String what, long fdLimit, int threadLimit) {
        Await.until(WAIT, () -> fds() <= fdLimit && threads() <= threadLimit,
            what + ": fds " + fds() + " <= " + fdLimit + " and threads " + threads() + " <= " + threadLimit);
    }

    @Test
    void socketsConnectionsAndContextsLeaveNoFileDescriptorOrThreadBehind() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")),
            "SKIPPED: no /proc/self/fd on this OS, file descriptors cannot be counted");
        long started = System.nanoTime();
        // Warm up every code path once, so that lazily opened JDK resources (class files, selector providers) are in
        // the baseline rather than counted as leaks.
        try (Context warm = Context.create()) {
            for (TransportKind t : TransportKind.values()) {
                round(warm, t, 0);
            }
        }
        fds();
        long baseFds = fds();
        int baseThreads = threads();

        Context ctx = Context.create();
        long ctxFds = fds();
        int ctxThreads = threads();
        for (int i = 0; i < CONNECTION_ROUNDS; i++) {
            round(ctx, TransportKind.values()[i % 3], i);
        }
        for (int i = 0; i < BARE_SOCKETS; i++) {
            ZSocket s = switch (i % 3) {
                case 0 -> ctx.push();
                case 1 -> ctx.pull();
                default -> ctx.pair();
            };
            s.close();
        }
        assertEquals(0, ctx.openSockets(), "every socket closed");
        // Closing is asynchronous (the I/O threads close channels, connections linger): wait for the return.
        awaitBack("inside the open context", ctxFds + FD_TOLERANCE, ctxThreads + THREAD_TOLERANCE);
        long ctxFdsAfter = fds();
        int ctxThreadsAfter = threads();
        ctx.close();

        for (int i = 0; i < CONTEXTS; i++) {
            try (Context c = Context.builder().ioThreads(1 + i % 3).build()) {
                round(c, TransportKind.values()[i % 3], i);
                PairSocket open = c.pair(); // left open: the context closes it
                open.bind("tcp://127.0.0.1:*");
            }
        }
        awaitBack("after closing every context", baseFds + FD_TOLERANCE, baseThreads + THREAD_TOLERANCE);
        long fdsAfter = fds();
        int threadsAfter = threads();
        List<Path> left;
        try (Stream<Path> s = Files.list(dir)) {
            left = s.toList();
        }
        assertEquals(List.of(), left, "ipc socket files left behind");

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        List<String> lines = new ArrayList<>();
        lines.add("jzmtp leak test (LeakTest): " + CONNECTION_ROUNDS + " connections (bind PULL + connect PUSH + 1"
            + " message + close, tcp/ipc/inproc in turn) and " + BARE_SOCKETS + " bare sockets in one context, then "
            + CONTEXTS + " contexts (1-3 I/O threads, one connection and one open listener each)");
        lines.add("baseline (no context):        fds " + baseFds + ", threads " + baseThreads);
        lines.add("one context open, at start:   fds " + ctxFds + ", threads " + ctxThreads);
        lines.add("one context open, after:      fds " + ctxFdsAfter + ", threads " + ctxThreadsAfter);
        lines.add("all contexts closed, after:   fds " + fdsAfter + ", threads " + threadsAfter);
        lines.add("sockets opened and closed: " + (2 * CONNECTION_ROUNDS + BARE_SOCKETS + 3 * CONTEXTS)
            + "; connections: " + (CONNECTION_ROUNDS + CONTEXTS) + "; run time " + seconds + " s");
        lines.forEach(System.out::println);
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(target);
        Files.write(target.resolve("leak-figures.txt"), lines, StandardCharsets.UTF_8);
    }
}
