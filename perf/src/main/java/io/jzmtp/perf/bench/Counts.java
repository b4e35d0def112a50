package io.jzmtp.perf.bench;

/**
 * How many messages (thr) and round trips (lat) a run times, and how many it sends first to warm up.
 *
 * <p>Throughput: the fastest implementation (libzmq, on tcp) is assumed to need about {@value #THR_OVERHEAD_NS} ns
 * per message plus its payload at {@value #THR_BYTES_PER_NS} byte per ns (1 GB/s), which is what it did on this
 * 2-core machine (360 ns per 64-byte message, 16 us per 16 KiB one); the count is the target time divided by that:
 * with the full target of 1 s that is 2.7 million 64-byte messages, 60 thousand of 16 KiB and 15 thousand of
 * 64 KiB; clamped to [{@value #THR_MIN}, {@value #THR_MAX}]. Slower implementations run proportionally longer
 * (JeroMQ on tcp up to about 10 s), faster ones shorter. On inproc the zero-copy implementations (libzmq, and
 * jzmtp's Message and byte[] APIs) hand a payload over by reference, so the payload is modelled at
 * {@value #INPROC_BYTES_PER_NS} bytes per ns: 893 thousand 16 KiB messages (about 0.2 s for libzmq, 4 s for a
 * copying API), instead of the 60 thousand that would time libzmq for 11 ms.
 * {@code --quick} aims at a tenth of the time.
 *
 * <p>Latency: a round trip is assumed to take {@value #LAT_ROUND_TRIP_NS} ns plus twice the payload's transfer, the
 * target time is the same; clamped to [{@value #LAT_MIN}, {@value #LAT_MAX}] round trips (50 thousand of 1 byte), or
 * [{@value #LAT_QUICK_MIN}, {@value #LAT_QUICK_MAX}] with {@code --quick} (5 thousand of 1 byte).
 *
 * <p>Warm-up, so that the JVM implementations are measured compiled (C2), not while the JIT works: thr sends a
 * quarter of the count first, but at least {@value #THR_WARMUP_MESSAGES} messages or {@value #THR_WARMUP_BYTES}
 * bytes, whichever is fewer; lat makes a quarter of the count, but at least {@value #LAT_WARMUP} round trips.
 */
public final class Counts {
    /** Assumed per-message cost of the fastest implementation, ns. */
    public static final long THR_OVERHEAD_NS = 300;
    /** Assumed payload bandwidth of the fastest implementation, bytes per ns. */
    public static final double THR_BYTES_PER_NS = 1.0;
    /**
     * Assumed payload bandwidth on inproc, bytes per ns: zero-copy implementations hand a large payload over by
     * reference, so the tcp model would time them for milliseconds only.
     */
    public static final double INPROC_BYTES_PER_NS = 20.0;
    /** Fewest timed messages of a thr run. */
    public static final long THR_MIN = 2_000;
    /** Most timed messages of a thr run. */
    public static final long THR_MAX = 10_000_000;
    /** Assumed round trip of a 1-byte request, ns. */
    public static final long LAT_ROUND_TRIP_NS = 20_000;
    /** Fewest timed round trips of a full lat run. */
    public static final long LAT_MIN = 20_000;
    /** Most timed round trips of a full lat run. */
    public static final long LAT_MAX = 100_000;
    /** Fewest timed round trips with {@code --quick}. */
    public static final long LAT_QUICK_MIN = 2_000;
    /** Most timed round trips with {@code --quick}. */
    public static final long LAT_QUICK_MAX = 10_000;
    /** Target duration of a full run of the fastest implementation, seconds. */
    public static final double FULL_SECONDS = 1.0;
    /** Target duration with {@code --quick}, seconds. */
    public static final double QUICK_SECONDS = 0.3;
    /** Least thr warm-up in messages (unless {@link #THR_WARMUP_BYTES} is reached first). */
    public static final long THR_WARMUP_MESSAGES = 200_000;
    /** Least thr warm-up in payload bytes, for large messages. */
    public static final long THR_WARMUP_BYTES = 1L << 30;
    /** Least lat warm-up in round trips. */
    public static final long LAT_WARMUP = 10_000;

    private Counts() {
    }

    /**
     * @param size message size in bytes
     * @param quick true for {@code --quick}
     * @return timed messages of a thr run
     */
    public static long throughput(int size, boolean quick) {
        return throughput(size, quick, THR_BYTES_PER_NS);
    }

    /**
     * @param size message size in bytes
     * @param quick true for {@code --quick}
     * @param transport tcp, ipc or inproc
     * @return timed messages of a thr run on that transport
     */
    public static long throughput(int size, boolean quick, String transport) {
        return throughput(size, quick, "inproc".equals(transport) ? INPROC_BYTES_PER_NS : THR_BYTES_PER_NS);
    }

    private static long throughput(int size, boolean quick, double bytesPerNs) {
        double perMessageNs = THR_OVERHEAD_NS + size / bytesPerNs;
        long n = Math.round(target(quick) * 1e9 / perMessageNs);
        return clamp(n, THR_MIN, THR_MAX);
    }

    /**
     * @param size request (and reply) size in bytes
     * @param quick true for {@code --quick}
     * @return timed round trips of a lat run
     */
    public static long latency(int size, boolean quick) {
        double perRoundTripNs = LAT_ROUND_TRIP_NS + 2 * size / THR_BYTES_PER_NS;
        long n = Math.round(target(quick) * 1e9 / perRoundTripNs);
        return quick ? clamp(n, LAT_QUICK_MIN, LAT_QUICK_MAX) : clamp(n, LAT_MIN, LAT_MAX);
    }

    /**
     * @param count the timed count of a thr run
     * @param size its message size
     * @return the untimed messages before it
     */
    public static long throughputWarmup(long count, int size) {
        long least = Math.max(1, Math.min(THR_WARMUP_MESSAGES, THR_WARMUP_BYTES / Math.max(1, size)));
        return Math.max(count / 4, least);
    }

    /**
     * @param count the timed round trips of a lat run
     * @return the untimed round trips before them
     */
    public static long latencyWarmup(long count) {
        return Math.max(count / 4, LAT_WARMUP);
    }

    private static double target(boolean quick) {
        return quick ? QUICK_SECONDS : FULL_SECONDS;
    }

    private static long clamp(long n, long min, long max) {
        return Math.max(min, Math.min(max, n));
    }
}
