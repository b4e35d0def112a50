package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a comparison's files into one directory: {@code results.md} (the Markdown table, then the charts as
 * images), {@code results.csv} (one row per run), {@code cells.csv} (one row per cell) and {@code charts/}.
 */
public final class ReportFiles {
    /** The charts' sub-directory. */
    public static final String CHARTS = "charts";

    private ReportFiles() {
    }

    /**
     * @param report the comparison
     * @param dir the directory (created if absent; files of the same names are replaced)
     * @return every file written: results.md, results.csv, cells.csv, then the charts
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> writeAll(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> charts = Charts.write(report, dir.resolve(CHARTS));
            List<Path> written = new ArrayList<>();
            written.add(Files.writeString(dir.resolve("results.md"), Markdown.render(report) + chartLinks(dir,
                charts), StandardCharsets.UTF_8));
            written.add(Files.writeString(dir.resolve("results.csv"), Csv.render(report), StandardCharsets.UTF_8));
            written.add(Files.writeString(dir.resolve("cells.csv"), Csv.renderCells(report), StandardCharsets.UTF_8));
            written.addAll(charts);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }

    private static String chartLinks(Path dir, List<Path> charts) {
        StringBuilder out = new StringBuilder("\n## Charts\n\n");
        if (charts.isEmpty()) {
            return out.append("None (no cells).\n").toString();
        }
        out.append("PNG shown; an SVG of the same name is beside each.\n\n");
        for (Path p : charts) {
            String name = p.getFileName().toString();
            if (name.endsWith(".png")) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.append("![").append(name, 0, name.length() - 4).append("](").append(rel).append(")\n\n");
            }
        }
        return out.toString();
    }
}
