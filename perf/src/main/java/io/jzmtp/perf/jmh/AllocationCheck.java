package io.jzmtp.perf.jmh;

import io.jzmtp.core.ProtocolException;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An exact check of the codec benchmarks' steady-state allocation, independent of JMH: runs one benchmark
 * method in a loop on the current thread, first to warm it up (JIT, the decoder's gather buffer), then while
 * reading the thread's own allocation counter before and after.
 *
 * <p>JMH's {@code gc.alloc.rate.norm} divides every allocation the forked JVM makes during an iteration (its own
 * threads' included: a few kilobytes per iteration) by the operations in it, so it shows a small non-zero
 * figure for slow operations; this check counts only the benchmark thread's allocations inside the loop.
 */
final class AllocationCheck {
    /** One benchmark invocation. */
    @FunctionalInterface
    interface Invocation {
        int run() throws ProtocolException;
    }

    /** What the check saw. */
    record Outcome(long bytes, long frames) {
        double perFrame() {
            return (double) bytes / frames;
        }
    }

    private static final int BATCH = 16;
    private static final Blackhole BLACKHOLE = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    private static volatile long sink;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long warmNanos;
    private final long measureNanos;

    AllocationCheck(long warmNanos, long measureNanos) {
        this.warmNanos = warmNanos;
        this.measureNanos = measureNanos;
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /**
     * @param benchmark the method's simple name, as in the benchmark list ("decodeChunked")
     * @param size the body size
     * @return what the check saw
     * @throws ProtocolException if decoding fails (a bug)
     */
    Outcome check(String benchmark, int size) throws ProtocolException {
        Invocation invocation = invocation(benchmark, size);
        int framesPerInvocation = benchmark.equals("encode") ? FrameEncoderBenchmark.FRAMES
            : FrameDecoderBenchmark.FRAMES;
        loop(invocation, warmNanos);
        long overhead = threads.getCurrentThreadAllocatedBytes();
        overhead = threads.getCurrentThreadAllocatedBytes() - overhead;
        long before = threads.getCurrentThreadAllocatedBytes();
        long invocations = loop(invocation, measureNanos);
        long bytes = threads.getCurrentThreadAllocatedBytes() - before - overhead;
        return new Outcome(bytes, invocations * framesPerInvocation);
    }

    private static long loop(Invocation invocation, long nanos) throws ProtocolException {
        long deadline = System.nanoTime() + nanos;
        long invocations = 0;
        long acc = 0;
        do {
            for (int i = 0; i < BATCH; i++) {
                acc += invocation.run();
            }
            invocations += BATCH;
        } while (System.nanoTime() < deadline);
        sink = acc;
        return invocations;
    }

    private static Invocation invocation(String benchmark, int size) throws ProtocolException {
        if (benchmark.equals("encode")) {
            FrameEncoderBenchmark b = new FrameEncoderBenchmark();
            b.size = size;
            b.setUp();
            return b::encode;
        }
        FrameDecoderBenchmark b = new FrameDecoderBenchmark();
        b.size = size;
        b.setUp();
        return switch (benchmark) {
            case "decode" -> () -> b.decode(BLACKHOLE);
            case "decodeChunked" -> () -> b.decodeChunked(BLACKHOLE);
            case "decodeConnectionTraffic" -> () -> b.decodeConnectionTraffic(BLACKHOLE);
            default -> throw new IllegalArgumentException("no allocation check for " + benchmark);
        };
    }
}
