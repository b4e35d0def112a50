package io.jzmtp.perf.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.perf.bench.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// A separate thread: a chart library looping in its layout would not notice an interrupt.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportFilesTest {

    @Test
    void writesTheMarkdownTheCsvsAndTheCharts(@TempDir Path dir) throws IOException {
        Report report = Fixtures.full();
        Path out = dir.resolve("out");
        List<Path> files = ReportFiles.writeAll(report, out);
        assertEquals(List.of(out.resolve("results.md"), out.resolve("results.csv"), out.resolve("cells.csv")),
            files.subList(0, 3));
        assertEquals(3 + 22, files.size());
        files.forEach(f -> assertTrue(Files.isRegularFile(f), f.toString()));
        String md = Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith(Markdown.render(report)));
        assertTrue(md.contains("![thr-msgs-tcp-blocking](charts/thr-msgs-tcp-blocking.png)"), md);
        assertEquals(Csv.render(report), Files.readString(out.resolve("results.csv"), StandardCharsets.UTF_8));
        assertEquals(Csv.renderCells(report), Files.readString(out.resolve("cells.csv"), StandardCharsets.UTF_8));
    }
}
