package io.jzmtp.perf.bench;

import io.jzmtp.perf.bench.report.Csv;
import io.jzmtp.perf.bench.report.Markdown;
import io.jzmtp.perf.bench.report.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the report's files ({@link ReportFiles#writeAll}) with a deadline, so that a run of many minutes is not
 * lost to a chart that fails or never finishes: then only results.md and results.csv are written, without charts.
 */
public final class ReportOutput {
    /** How long the files, charts included, may take. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private ReportOutput() {
    }

    /**
     * What was written.
     *
     * @param files every file written
     * @param complete false if the charts failed or timed out and only the tables were written
     */
    public record Written(List<Path> files, boolean complete) {
    }

    /**
     * @param report the comparison
     * @param dir where to write
     * @param timeoutSeconds how long the whole set may take
     * @param err where to say that it failed
     * @return the files written
     * @throws IOException if even the tables cannot be written
     */
    public static Written write(Report report, Path dir, int timeoutSeconds, PrintStream err) throws IOException {
        FutureTask<List<Path>> task = new FutureTask<>(() -> ReportFiles.writeAll(report, dir));
        Thread t = new Thread(task, "report-writer");
        t.setDaemon(true);
        t.start();
        try {
            return new Written(task.get(timeoutSeconds, TimeUnit.SECONDS), true);
        } catch (TimeoutException e) {
            task.cancel(true);
            err.println("side-by-side: the report files (charts included) were not written within " + timeoutSeconds
                + " s; writing results.md and results.csv without charts");
        } catch (ExecutionException e) {
            err.println("side-by-side: writing the report files failed (" + e.getCause()
                + "); writing results.md and results.csv without charts");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the report", e);
        }
        Files.createDirectories(dir);
        return new Written(List.of(
            Files.writeString(dir.resolve("results.md"), Markdown.render(report), StandardCharsets.UTF_8),
            Files.writeString(dir.resolve("results.csv"), Csv.render(report), StandardCharsets.UTF_8)), false);
    }
}
