package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CountsTest {
    private static final List<Integer> SIZES = List.of(1, 64, 1024, 16384, 65536, 1 << 20);

    @Test
    void throughputCountsAimAtTheTargetAndShrinkWithSize() {
        assertEquals(2_747_253, Counts.throughput(64, false));
        assertEquals(59_938, Counts.throughput(16384, false));
        assertEquals(17_981, Counts.throughput(16384, true));
        assertEquals(59_938, Counts.throughput(16384, false, "tcp"));
        assertEquals(893_495, Counts.throughput(16384, false, "inproc"), "inproc payloads go by reference");
        long previous = Long.MAX_VALUE;
        for (int size : SIZES) {
            long full = Counts.throughput(size, false);
            long quick = Counts.throughput(size, true);
            assertTrue(full <= previous, "size " + size);
            assertTrue(full >= Counts.THR_MIN && full <= Counts.THR_MAX, "size " + size);
            assertTrue(quick >= Counts.THR_MIN && quick <= full, "size " + size);
            // the fastest implementation's modelled time stays within 0.5 .. 2 s unless clamped
            double seconds = full * (Counts.THR_OVERHEAD_NS + size / Counts.THR_BYTES_PER_NS) / 1e9;
            assertTrue(full == Counts.THR_MIN || (seconds > 0.5 && seconds < 2), "size " + size + ": " + seconds);
            previous = full;
        }
    }

    @Test
    void latencyCountsStayInTheirRanges() {
        assertEquals(49_995, Counts.latency(1, false));
        assertEquals(10_000, Counts.latency(1, true));
        for (int size : SIZES) {
            long full = Counts.latency(size, false);
            long quick = Counts.latency(size, true);
            assertTrue(full >= 20_000 && full <= 100_000, "size " + size + ": " + full);
            assertTrue(quick >= Counts.LAT_QUICK_MIN && quick <= Counts.LAT_QUICK_MAX, "size " + size + ": " + quick);
        }
    }

    @Test
    void warmupIsAQuarterButEnoughForTheJit() {
        assertEquals(1_250_000, Counts.throughputWarmup(5_000_000, 64));
        assertEquals(200_000, Counts.throughputWarmup(50_000, 64), "at least 200 thousand small messages");
        assertEquals(65_536, Counts.throughputWarmup(20_000, 16_384), "or 1 GiB of large ones");
        assertEquals(25_000, Counts.latencyWarmup(100_000));
        assertEquals(10_000, Counts.latencyWarmup(2_000));
    }
}
