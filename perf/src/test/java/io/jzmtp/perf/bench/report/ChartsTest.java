package io.jzmtp.perf.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.perf.bench.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// A separate thread: a chart library looping in its layout would not notice an interrupt.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChartsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesAnSvgAndAPngPerChart(@TempDir Path dir) throws IOException {
        List<Path> files = Charts.write(Fixtures.full(), dir.resolve("charts"));
        // thr: tcp blocking, tcp spin, inproc blocking: msg/s and MB/s each; lat: tcp blocking 1 B and 1 KiB, tcp
        // spin 1 B and 1 KiB, inproc blocking 1 B
        assertEquals(2 * (3 * 2 + 5), files.size(), files.toString());
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f + " is " + Files.size(f) + " bytes");
            if (f.toString().endsWith(".png")) {
                assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(f), 8), f.toString());
            } else {
                String svg = Files.readString(f, StandardCharsets.UTF_8);
                assertTrue(svg.contains("<svg"), f.toString());
            }
        }
        assertTrue(files.contains(dir.resolve("charts/thr-msgs-tcp-blocking.png")));
        assertTrue(files.contains(dir.resolve("charts/thr-mbs-inproc-blocking.svg")));
        assertTrue(files.contains(dir.resolve("charts/lat-tcp-spin-1KiB.png")));
    }

    @Test
    void tcpChartsShowTheLoopbackLimits() {
        Report report = Fixtures.full();
        Cells cells = new Cells(report);
        Cells.Group tcp = new Cells.Group("tcp", "blocking");
        Cells.Group inproc = new Cells.Group("inproc", "blocking");
        assertEquals(Set.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq", "libzmq",
                "NIO stream limit (2345 MB/s)"),
            Charts.throughput(cells, tcp, report.limits(), true).getSeriesMap().keySet());
        assertEquals(Set.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq", "libzmq"),
            Charts.throughput(cells, tcp, report.limits(), false).getSeriesMap().keySet());
        assertEquals(Set.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jeromq", "libzmq"),
            Charts.throughput(cells, inproc, report.limits(), true).getSeriesMap().keySet());
        assertEquals(Set.of("jzmtp", "jeromq", "libzmq", "NIO ping-pong 1 B, spin (reference)"),
            LatencyChart.build(cells, new Cells.Group("tcp", "spin"), 1, report.limits()).getSeriesMap().keySet());
        assertEquals(Set.of("jzmtp", "jeromq", "libzmq"),
            LatencyChart.build(cells, inproc, 1, report.limits()).getSeriesMap().keySet());
    }

    @Test
    void spectrumEndsAtTheMaxPlacedAtTheCount() {
        List<double[]> points = LatencyChart.spectrum(Fixtures.histogram(10_000, 20_000, 3));
        double[] xs = Charts.column(points, 0);
        double[] expected = {2, 5, 10, 20, 50, 100};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Math.log10(expected[i]), xs[i], 1e-12);
        }
        assertEquals(Math.log10(20_000), xs[xs.length - 1], 1e-12);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i)[1] >= points.get(i - 1)[1], "percentiles do not decrease");
        }
        double max = points.get(points.size() - 1)[1];
        assertTrue(max > 150 && max <= 201, "the max, up to 20x the p50 of 10 µs: " + max);
    }

    @Test
    void percentileLabelsAreDistinct() {
        assertEquals("0%", LatencyChart.percentileLabel(0));
        assertEquals("90%", LatencyChart.percentileLabel(1));
        assertEquals("99.9%", LatencyChart.percentileLabel(3));
        assertEquals("99.99%", LatencyChart.percentileLabel(4));
        assertEquals("50.00%", LatencyChart.percentileLabel(Math.log10(2)));
        Set<String> labels = new HashSet<>();
        for (int i = 0; i <= 600; i++) {
            assertTrue(labels.add(LatencyChart.percentileLabel(i / 100.0)), "label of " + i / 100.0);
        }
    }

    @Test
    void anEmptyReportWritesNoChart(@TempDir Path dir) {
        assertEquals(List.of(), Charts.write(new Report(null, null, List.of(), List.of()), dir));
    }
}
