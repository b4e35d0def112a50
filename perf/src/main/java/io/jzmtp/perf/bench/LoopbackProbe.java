package io.jzmtp.perf.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Measures what this host can do over tcp loopback (127.0.0.1) with nothing but NIO, as the ceiling against which
 * the implementations are read. Every socket has TCP_NODELAY on.
 * <ul>
 *   <li>stream: one connected pair, a writer thread writing 64 KiB direct buffers as fast as it can, a reader
 *   thread reading into a 64 KiB direct buffer; after a warm-up the reader counts the bytes of a timed interval;</li>
 *   <li>ping-pong, blocking: a client thread sends 1 byte, a server thread echoes it, over blocking channels; every
 *   round trip after the warm-up is timed and half of it recorded;</li>
 *   <li>ping-pong, spinning: the same over non-blocking channels, both threads retrying {@code read} (and
 *   {@code write}) at once while it returns 0, with {@link Thread#onSpinWait()}.</li>
 * </ul>
 */
public final class LoopbackProbe {
    private static final int STREAM_BUFFER = 64 * 1024;
    private static final long JOIN_MILLIS = 60_000;

    private LoopbackProbe() {
    }

    /**
     * How long each part runs.
     *
     * @param streamWarmupNanos untimed streaming first
     * @param streamNanos timed streaming
     * @param pingWarmup untimed round trips of each ping-pong
     * @param pingCount timed round trips of each ping-pong
     * @param pingMaxNanos the longest a ping-pong runs: on a busy machine a spinning thread can lose its core for a
     *     whole time slice, again and again, and the round trips done by then are enough to read the figures
     */
    public record Settings(long streamWarmupNanos, long streamNanos, int pingWarmup, int pingCount,
                           long pingMaxNanos) {
        /** @return 0.5 s + 1 s of streaming, 20 000 + 50 000 round trips (at most 10 s) */
        public static Settings full() {
            return new Settings(500_000_000L, 1_000_000_000L, 20_000, 50_000, 10_000_000_000L);
        }

        /** @return 0.2 s + 0.3 s of streaming, 5 000 + 10 000 round trips (at most 2 s) */
        public static Settings quick() {
            return new Settings(200_000_000L, 300_000_000L, 5_000, 10_000, 2_000_000_000L);
        }
    }

    /**
     * Runs the three measurements one after another.
     *
     * @param s how long
     * @return the figures
     * @throws IOException if a socket fails
     * @throws InterruptedException if interrupted while waiting for a thread
     */
    public static LoopbackLimits measure(Settings s) throws IOException, InterruptedException {
        double mbps = stream(s.streamWarmupNanos(), s.streamNanos());
        Histogram blocking = pingPong(false, s.pingWarmup(), s.pingCount(), s.pingMaxNanos());
        Histogram spin = pingPong(true, s.pingWarmup(), s.pingCount(), s.pingMaxNanos());
        return new LoopbackLimits(mbps, blocking, spin);
    }

    /**
     * Streams one way over one connection.
     *
     * @param warmupNanos untimed streaming first
     * @param measureNanos timed streaming
     * @return megabytes (10^6 bytes) per second read in the timed part
     * @throws IOException if a socket fails
     * @throws InterruptedException if interrupted while waiting for a thread
     */
    public static double stream(long warmupNanos, long measureNanos) throws IOException, InterruptedException {
        SocketChannel[] pair = connectedPair();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        double[] result = new double[1];
        Thread writer = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(STREAM_BUFFER);
            try {
                while (true) {
                    buf.clear();
                    while (buf.hasRemaining()) {
                        pair[0].write(buf);
                    }
                }
            } catch (IOException e) {
                // the reader closes both channels when it is done: that ends this loop
                if (!done.get()) {
                    failure.compareAndSet(null, e);
                    closeQuietly(pair[1]);
                }
            }
        }, "loopback-stream-writer");
        Thread reader = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(STREAM_BUFFER);
            try {
                long warmEnd = System.nanoTime() + warmupNanos;
                while (System.nanoTime() < warmEnd) {
                    readSome(pair[1], buf);
                }
                long bytes = 0;
                long t0 = System.nanoTime();
                long t1;
                do {
                    bytes += readSome(pair[1], buf);
                    t1 = System.nanoTime();
                } while (t1 - t0 < measureNanos);
                result[0] = bytes * 1e3 / (t1 - t0);
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                done.set(true);
                closeQuietly(pair[1]);
                closeQuietly(pair[0]);
            }
        }, "loopback-stream-reader");
        startAndJoin(failure, writer, reader);
        return result[0];
    }

    private static int readSome(SocketChannel ch, ByteBuffer buf) throws IOException {
        buf.clear();
        int n = ch.read(buf);
        if (n < 0) {
            throw new EOFException("the writer closed the stream");
        }
        return n;
    }

    /**
     * Ping-pongs one byte over one connection.
     *
     * @param spin false: blocking channels; true: non-blocking channels, both sides spinning
     * @param warmup untimed round trips first
     * @param count timed round trips
     * @param maxNanos the longest it runs: the warm-up ends early after a fifth of it, the timed part after the rest,
     *     with fewer round trips than asked (at least one)
     * @return every timed round trip, halved, in ns
     * @throws IOException if a socket fails
     * @throws InterruptedException if interrupted while waiting for a thread
     */
    public static Histogram pingPong(boolean spin, int warmup, int count, long maxNanos)
        throws IOException, InterruptedException {
        SocketChannel[] pair = connectedPair();
        for (SocketChannel ch : pair) {
            ch.configureBlocking(!spin);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean clientDone = new AtomicBoolean();
        Histogram h = new Histogram(Samples.SIGNIFICANT_DIGITS);
        int total = warmup + count;
        long begin = System.nanoTime();
        long warmDeadline = begin + maxNanos / 5;
        long deadline = begin + maxNanos;
        Thread server = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocateDirect(1);
            try {
                for (int i = 0; i < total; i++) {
                    b.clear();
                    readFully(pair[1], b);
                    b.flip();
                    writeFully(pair[1], b);
                }
            } catch (IOException | RuntimeException e) {
                // the client closes its end when it stops early
                if (!clientDone.get()) {
                    failure.compareAndSet(null, e);
                }
                closeQuietly(pair[1]);
            }
        }, "loopback-pong");
        Thread client = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocateDirect(1);
            try {
                for (int i = 0; i < total; i++) {
                    long t0 = System.nanoTime();
                    b.clear();
                    b.put(0, (byte) i);
                    writeFully(pair[0], b);
                    b.clear();
                    readFully(pair[0], b);
                    long t1 = System.nanoTime();
                    if (i >= warmup) {
                        h.recordValue((t1 - t0) / 2);
                        if (t1 - deadline > 0) {
                            break;
                        }
                    } else if (t1 - warmDeadline > 0) {
                        i = warmup - 1; // the warm-up may take a fifth of the time, the timed part has the rest
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                clientDone.set(true);
                closeQuietly(pair[0]);
            }
        }, "loopback-ping");
        try {
            startAndJoin(failure, server, client);
        } finally {
            closeQuietly(pair[1]);
        }
        return h;
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b);
            if (n < 0) {
                throw new EOFException("peer closed");
            }
            if (n == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.write(b) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static void startAndJoin(AtomicReference<Throwable> failure, Thread... threads)
        throws IOException, InterruptedException {
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
        for (Thread t : threads) {
            t.join(JOIN_MILLIS);
            if (t.isAlive()) {
                throw new IOException(t.getName() + " did not finish within " + JOIN_MILLIS + " ms");
            }
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IOException("loopback probe failed: " + f, f);
        }
    }

    private static SocketChannel[] connectedPair() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            SocketChannel accepted = server.accept();
            for (SocketChannel ch : new SocketChannel[] {client, accepted}) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return new SocketChannel[] {client, accepted};
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing after a failure or at the end: nothing left to do
        }
    }

    /**
     * @param limits measured limits
     * @return one line: stream MB/s and both ping-pongs' p50/p99/max half round trips in microseconds (and how many
     *     round trips were timed: fewer than asked when a ping-pong ran out of time)
     */
    public static String describe(LoopbackLimits limits) {
        return String.format(Locale.ROOT, "loopback limits: stream %.0f MB/s; 1 B ping-pong half round trip "
                + "blocking %s; spin %s", limits.streamMegabytesPerSecond(),
            percentiles(limits.pingPongBlocking()), percentiles(limits.pingPongSpin()));
    }

    private static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f us (%d round trips)",
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
            h.getTotalCount());
    }

    /**
     * Measures and prints the limits.
     *
     * @param args {@code --quick} for shorter runs
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        boolean quick = args.length == 1 && "--quick".equals(args[0]);
        if (args.length > 0 && !quick) {
            System.err.println("usage: LoopbackProbe [--quick]");
            System.exit(1);
        }
        Settings settings = quick ? Settings.quick() : Settings.full();
        long start = System.nanoTime();
        LoopbackLimits limits = measure(settings);
        System.out.println(describe(limits));
        System.out.printf(Locale.ROOT,
            "(stream %.1f s after %.1f s; ping-pong %d round trips after %d; took %.1f s)%n",
            settings.streamNanos() / 1e9, settings.streamWarmupNanos() / 1e9, settings.pingCount(),
            settings.pingWarmup(), (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "(round trips recorded: blocking %d, spin %d)%n",
            limits.pingPongBlocking().getTotalCount(), limits.pingPongSpin().getTotalCount());
    }
}
