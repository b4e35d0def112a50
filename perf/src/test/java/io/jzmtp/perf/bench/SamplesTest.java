package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SamplesTest {
    @TempDir
    Path dir;

    private Path write(long... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        Path f = dir.resolve("samples.bin");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void loadsHalfRoundTripsLittleEndian() throws Exception {
        Histogram h = Samples.loadHalfRoundTrips(write(20_000, 40_000, 60_001, 3), 4);
        assertEquals(4, h.getTotalCount());
        assertEquals(1, h.getMinValue());
        assertEquals(30_000, h.getMaxValue(), 30_000 * 0.001);
        assertEquals(20_000, h.getValueAtPercentile(75), 20);
    }

    @Test
    void loadsMoreThanOneChunkAndLargeValues() throws Exception {
        long[] v = new long[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2L * (i + 1);
        }
        v[v.length - 1] = 20_000_000_000L; // 20 s: the histogram resizes itself
        Histogram h = Samples.loadHalfRoundTrips(write(v), v.length);
        assertEquals(v.length, h.getTotalCount());
        assertEquals(10_000_000_000L, h.getMaxValue(), 10_000_000_000L * 0.001);
        assertEquals(50_000, h.getValueAtPercentile(50), 50);
    }

    @Test
    void rejectsAWrongLengthOrCountOrANegativeSample() throws Exception {
        Path f = write(1, 2, 3);
        assertThrows(IOException.class, () -> Samples.loadHalfRoundTrips(f, 4));
        assertEquals(3, Samples.loadHalfRoundTrips(f, -1).getTotalCount());
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> Samples.loadHalfRoundTrips(f, -1));
        Path neg = write(5, -5);
        assertThrows(IOException.class, () -> Samples.loadHalfRoundTrips(neg, 2));
        assertThrows(IOException.class, () -> Samples.loadHalfRoundTrips(dir.resolve("absent"), 1));
    }
}
