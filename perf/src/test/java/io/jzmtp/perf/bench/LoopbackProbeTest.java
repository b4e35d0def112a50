package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tiny counts: the figures must be there and sane, their values are not judged (the machine is shared). */
class LoopbackProbeTest {
    @Test
    @Timeout(60)
    void measuresSaneNonZeroFigures() throws Exception {
        LoopbackLimits l = LoopbackProbe.measure(new LoopbackProbe.Settings(20_000_000L, 50_000_000L, 100, 500,
            5_000_000_000L));
        assertTrue(l.streamMegabytesPerSecond() > 0 && Double.isFinite(l.streamMegabytesPerSecond()),
            "stream " + l.streamMegabytesPerSecond());
        for (Histogram h : new Histogram[] {l.pingPongBlocking(), l.pingPongSpin()}) {
            assertTrue(h.getTotalCount() >= 1 && h.getTotalCount() <= 500, "count " + h.getTotalCount());
            assertTrue(h.getValueAtPercentile(50) > 0, "p50 " + h.getValueAtPercentile(50));
            assertTrue(h.getMaxValue() >= h.getValueAtPercentile(50));
        }
        String line = LoopbackProbe.describe(l);
        assertTrue(line.contains("MB/s") && line.contains("p50"), line);
    }

    @Test
    @Timeout(60)
    void aPingPongStopsAtItsDeadline() throws Exception {
        Histogram h = LoopbackProbe.pingPong(false, 10, 100_000_000, 50_000_000L);
        assertTrue(h.getTotalCount() >= 1 && h.getTotalCount() < 100_000_000, "count " + h.getTotalCount());
    }
}
