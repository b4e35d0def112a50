package io.jzmtp.perf.bench;

import io.jzmtp.perf.bench.report.Markdown;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs the same workloads with jzmtp (frame API, Message API, byte[] API), JeroMQ and libzmq, each run in a fresh
 * worker process, and prints and writes one comparison (Markdown, CSV, charts).
 *
 * <p>Workloads: a {@code thr} run (PUSH/PULL throughput) for every size × transport × mode and a {@code lat} run
 * (REQ/REP round trips) for every lat-size × transport × mode, each with every implementation, {@code --repeats}
 * times, implementations interleaved (see {@link Plan#runs()}). Counts are chosen by {@link Counts}: a thr run
 * lasts about 1 s for the fastest implementation (a per-message cost plus a payload bandwidth, clamped to
 * 2 thousand .. 10 million messages), a lat run 20 to 100 thousand round trips (50 thousand of 1 byte); {@code
 * --quick} aims at a tenth of that (2 to 10 thousand round trips).
 *
 * <p>JVM workers all run with the same {@code --jvm-flags} (default
 * {@value SideBySideOptions#DEFAULT_JVM_FLAGS}: a fixed heap so that no worker resizes its heap in the timed part,
 * and the collector named rather than left to ergonomics) on the class path of this JVM. The libzmq worker is
 * compiled from {@code perf/native/zmq_worker.c} into {@code perf/target/native/zmq_worker} when gcc and
 * {@code /usr/include/zmq.h} are present (again only when the source is newer); otherwise libzmq is left out, with
 * a note. Before the workers, unless {@code --skip-limits}, {@link LoopbackProbe} measures this host's tcp loopback
 * limits in this JVM.
 *
 * <p>Output: one progress line per worker run on stderr, the Markdown table on stdout, then the paths of the files
 * written to {@code --out}. Exit status 0 if every run succeeded, 2 if some failed (the report is written with
 * notes) or the charts could not be written (see {@link ReportOutput}), 1 if nothing could be measured.
 */
public final class SideBySide {
    private final SideBySideOptions options;
    private final String[] args;

    /**
     * @param options the parsed options
     * @param args the command-line arguments as given, for the report's command line
     */
    public SideBySide(SideBySideOptions options, String... args) {
        this.options = options;
        this.args = args.clone();
    }

    /**
     * Runs the comparison and exits with its status.
     *
     * @param args see {@link SideBySideOptions#spec()}, or {@code --help}
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        SideBySideOptions options;
        try {
            options = SideBySideOptions.parse(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("side-by-side: " + e.getMessage());
            e.getCommandLine().usage(System.err);
            System.exit(1);
            return;
        }
        if (options.help()) {
            new CommandLine(SideBySideOptions.spec()).usage(System.out);
            return;
        }
        System.exit(new SideBySide(options, args).call());
    }

    /**
     * Runs the comparison: compiles the C worker, measures the loopback limits, runs every worker, prints and
     * writes the report.
     *
     * @return the exit status: 0 if every run succeeded, 2 if some failed or the charts could not be written, 1 if
     *     nothing could be measured
     * @throws IOException if the report cannot be written
     */
    public int call() throws IOException {
        PrintStream err = System.err;
        long started = System.nanoTime();
        String timestamp = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double load = HostInfo.loadAverage();
        Plan plan;
        try {
            plan = options.plan();
        } catch (IllegalArgumentException e) {
            err.println("side-by-side: " + e.getMessage());
            return 1;
        }
        String classPath = absoluteClassPath();
        Optional<Path> perfDir = NativeWorker.locatePerfDir(Path.of(""), classPath);
        Path outDir = options.outDir(perfDir);
        List<String> notes = new ArrayList<>();
        if (plan.modes().contains("spin") && Plan.oversubscribedBySpinning()) {
            notes.add("spin mode on " + Runtime.getRuntime().availableProcessors() + " cores: the tcp/ipc latency runs "
                + "spin two application threads (and jzmtp's busy-spinning I/O thread) on fewer cores than spinning "
                + "threads. jzmtp's spinning waits and libzmq's non-blocking receives give the core away between "
                + "polls; JeroMQ's recv(DONTWAIT) loop does not, so its round trips wait for each other's scheduler "
                + "time slices and its counts are cut to " + Counts.LAT_QUICK_MIN + " round trips. Spin latencies "
                + "are best read from a host with at least " + Plan.SPIN_CORES + " cores.");
        }
        List<String> measurable = new ArrayList<>(plan.impls());
        String libzmqMissing = null;
        Path binary = null;
        if (measurable.contains(WorkerLauncher.LIBZMQ)) {
            if (perfDir.isEmpty()) {
                err.println("side-by-side: cannot find perf/" + NativeWorker.SOURCE
                    + " from the working directory " + Path.of("").toAbsolutePath() + " (run from the repository root"
                    + " or perf/)");
            }
            NativeWorker.Outcome n = NativeWorker.prepare(perfDir.orElse(null),
                perfDir.map(d -> d.resolve("target").resolve("native").resolve("zmq_worker")).orElse(null));
            if (n.ready()) {
                binary = n.binary();
                err.println((n.compiled() ? "compiled " : "up to date: ") + binary);
            } else {
                libzmqMissing = n.reason();
                notes.add("libzmq not measured: " + libzmqMissing);
                err.println("libzmq not measured: " + libzmqMissing);
                measurable.remove(WorkerLauncher.LIBZMQ);
            }
        }
        if (measurable.stream().anyMatch(i -> !WorkerLauncher.LIBZMQ.equals(i)) && !workerClassPresent()) {
            String msg = "JVM implementations not measured: " + WorkerLauncher.WORKER_CLASS
                + " is not on the class path";
            notes.add(msg);
            err.println(msg);
            measurable.removeIf(i -> !WorkerLauncher.LIBZMQ.equals(i));
        }
        if (measurable.isEmpty()) {
            err.println("side-by-side: no implementation can be measured");
            return 1;
        }
        plan = plan.withImpls(measurable);
        LoopbackLimits limits = null;
        if (!options.skipLimits()) {
            err.println("measuring the loopback limits (plain NIO over 127.0.0.1) ...");
            try {
                limits = LoopbackProbe.measure(options.quick() ? LoopbackProbe.Settings.quick()
                    : LoopbackProbe.Settings.full());
                err.println(LoopbackProbe.describe(limits));
            } catch (IOException e) {
                notes.add("loopback limits not measured: " + e.getMessage());
                err.println("loopback limits not measured: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        List<String> flags = options.jvmFlagList();
        WorkerLauncher launcher = new WorkerLauncher(options.javaCommand(), flags, classPath, binary,
            options.timeoutSeconds());
        List<RunSpec> runs = plan.runs();
        int perRepeat = runs.size() / plan.repeats();
        List<WorkerLauncher.Outcome> outcomes = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < runs.size(); i++) {
            WorkerLauncher.Outcome o = launcher.run(runs.get(i));
            outcomes.add(o);
            err.println(ProgressLine.format(i + 1, runs.size(), o));
            if (o.result() == null) {
                failed++;
                notes.add(o.spec().describe() + " (repeat " + (i / perRepeat + 1) + ") failed: " + o.failure());
            }
        }
        Environment env = new Environment(timestamp, HostInfo.cpuModel(), Runtime.getRuntime().availableProcessors(),
            HostInfo.memory(), HostInfo.os(), HostInfo.jdk(options.javaCommand()), String.join(" ", flags),
            version(outcomes, plan, WorkerLauncher.LIBZMQ, libzmqMissing), version(outcomes, plan, "jeromq", null),
            load, HostInfo.commandLine(SideBySide.class, args));
        Report report = new Report(env, limits, cells(plan, outcomes), List.copyOf(notes));
        System.out.println(Markdown.render(report));
        ReportOutput.Written written = ReportOutput.write(report, outDir, ReportOutput.DEFAULT_TIMEOUT_SECONDS, err);
        for (Path p : written.files()) {
            System.out.println(p);
        }
        err.printf("side-by-side: %d runs (%d failed) in %.1f s%n", runs.size(), failed,
            (System.nanoTime() - started) / 1e9);
        return failed == 0 && written.complete() ? 0 : 2;
    }

    /**
     * Groups the successful runs into cells, in the plan's order (workload by workload, implementations in their
     * order); a cell without any successful run is left out (its failures are in the notes).
     *
     * @param plan what was run
     * @param outcomes what the runs gave
     * @return the cells
     */
    static List<Cell> cells(Plan plan, List<WorkerLauncher.Outcome> outcomes) {
        List<Cell> cells = new ArrayList<>();
        for (RunSpec w : plan.workloads()) {
            for (String impl : plan.impls()) {
                RunSpec spec = new RunSpec(impl, w.workload(), w.transport(), w.mode(), w.size(), w.count(),
                    w.warmup());
                List<RunResult> runs = outcomes.stream().map(WorkerLauncher.Outcome::result)
                    .filter(r -> r != null && spec.sameCell(r)).toList();
                if (!runs.isEmpty()) {
                    cells.add(new Cell(impl, spec.workload(), spec.transport(), spec.mode(), spec.size(), runs));
                }
            }
        }
        return cells;
    }

    /**
     * @param outcomes the runs
     * @param plan what was run (after removing what cannot be measured)
     * @param impl an implementation
     * @param missing why it was not measured, or null
     * @return the version its first successful run reported, or why there is none
     */
    static String version(List<WorkerLauncher.Outcome> outcomes, Plan plan, String impl, String missing) {
        if (missing != null) {
            return "not measured: " + missing;
        }
        Optional<String> v = outcomes.stream().map(WorkerLauncher.Outcome::result)
            .filter(r -> r != null && impl.equals(r.impl())).map(RunResult::version).findFirst();
        if (v.isPresent()) {
            return v.get();
        }
        return plan.impls().contains(impl) ? "unknown (no successful run)" : "not run";
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean workerClassPresent() {
        try {
            Class.forName(WorkerLauncher.WORKER_CLASS, false, SideBySide.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
