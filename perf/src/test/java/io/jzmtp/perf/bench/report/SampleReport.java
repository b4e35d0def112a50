package io.jzmtp.perf.bench.report;

import java.nio.file.Path;

/** Writes the synthetic full report's files into a directory, to look at them: {@code SampleReport DIR}. */
public final class SampleReport {
    private SampleReport() {
    }

    /**
     * @param args the directory
     */
    public static void main(String[] args) {
        ReportFiles.writeAll(Fixtures.full(), Path.of(args[0])).forEach(System.out::println);
    }
}
