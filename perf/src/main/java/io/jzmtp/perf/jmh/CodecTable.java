package io.jzmtp.perf.jmh;

import io.jzmtp.core.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the frame codec benchmarks with JMH's GC profiler and prints a Markdown table: per benchmark and body
 * size, the time per frame and the bytes allocated per frame.
 *
 * <p>Usage: {@code java -cp perf/target/benchmarks.jar io.jzmtp.perf.jmh.CodecTable [--quick] [--out FILE]}.
 * {@code --quick}: 1 warm-up and 2 measurement iterations instead of the benchmarks' own 3 and 5. {@code --out}:
 * also write the table to FILE. Before the JMH runs, {@link AllocationCheck} counts each benchmark's steady-state
 * allocation exactly, in this JVM; the exit status is 1 if any allocated.
 */
public final class CodecTable {
    /** The GC profiler's allocation per operation; JMH before 1.36 prefixed secondary results with a middle dot. */
    private static final String[] ALLOC_KEYS = {"gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"};
    /** The benchmark methods, by simple name. */
    private static final String[] BENCHMARKS = {"encode", "decode", "decodeChunked", "decodeConnectionTraffic"};
    /** The body sizes of both benchmarks' {@code @Param}. */
    private static final int[] SIZES = {1, 64, 1024, 65536};

    private CodecTable() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args {@code --quick}, {@code --out FILE}
     * @throws RunnerException if JMH fails
     * @throws IOException if the table cannot be written to the --out file
     * @throws ProtocolException if a benchmark's input does not decode (a bug)
     */
    public static void main(String[] args) throws RunnerException, IOException, ProtocolException {
        boolean quick = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        usage("--out needs a file");
                    }
                    out = Path.of(args[++i]);
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
            .include(FrameEncoderBenchmark.class.getName() + "\\.")
            .include(FrameDecoderBenchmark.class.getName() + "\\.")
            .addProfiler(GCProfiler.class)
            .forks(1);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        // The exact allocation check first, in this JVM: it fails fast if a benchmark's set-up check fails.
        Map<String, AllocationCheck.Outcome> exact = exactAllocations(quick);
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = table(results, exact, quick);
        System.out.println();
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        if (exact.values().stream().anyMatch(o -> o.bytes() != 0)) {
            System.err.println("FAILED: a benchmark thread allocated in steady state (last column)");
            System.exit(1);
        }
    }

    private static Map<String, AllocationCheck.Outcome> exactAllocations(boolean quick) throws ProtocolException {
        long nanos = quick ? 200_000_000L : 1_000_000_000L;
        AllocationCheck check = new AllocationCheck(nanos, nanos);
        Map<String, AllocationCheck.Outcome> exact = new HashMap<>();
        for (String benchmark : BENCHMARKS) {
            for (int size : SIZES) {
                AllocationCheck.Outcome o = check.check(benchmark, size);
                System.out.printf(Locale.ROOT, "allocation check %s size %d: %d B in %d frames%n", benchmark, size,
                    o.bytes(), o.frames());
                exact.put(benchmark + "/" + size, o);
            }
        }
        return exact;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: CodecTable [--quick] [--out FILE]");
        System.exit(2);
    }

    static String table(Collection<RunResult> results, Map<String, AllocationCheck.Outcome> exact, boolean quick) {
        List<RunResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
            .thenComparingInt(r -> Integer.parseInt(r.getParams().getParam("size"))));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Frame codec, %s, JDK %s (%s), %d CPUs, %s run%n%n", LocalDate.now(),
            System.getProperty("java.version"), System.getProperty("java.vm.name"),
            Runtime.getRuntime().availableProcessors(), quick ? "quick" : "full"));
        sb.append("| benchmark | body (B) | ns/frame | ± error (99.9%) | JMH gc.alloc.rate.norm B/frame "
            + "| exact: benchmark thread's B/frame (bytes / frames) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (RunResult r : rows) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            Result<?> primary = r.getPrimaryResult();
            String size = r.getParams().getParam("size");
            AllocationCheck.Outcome o = exact.get(name.substring(name.indexOf('.') + 1) + "/" + size);
            String exactCell = o == null ? "n/a"
                : String.format(Locale.ROOT, "%.4f (%d / %d)", o.perFrame(), o.bytes(), o.frames());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, size,
                number(primary.getScore()), number(primary.getScoreError()), allocation(r), exactCell));
        }
        return sb.toString();
    }

    private static String allocation(RunResult run) {
        for (String key : ALLOC_KEYS) {
            // JMH declares the secondary results' map with a raw Result; read each through Result<?>.
            Result<?> alloc = run.getSecondaryResults().get(key);
            if (alloc != null) {
                return String.format(Locale.ROOT, "%.3f ± %.3f", alloc.getScore(),
                    Double.isNaN(alloc.getScoreError()) ? 0.0 : alloc.getScoreError());
            }
        }
        return "n/a";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 1000 ? "%.1f" : "%.0f", v);
    }
}
