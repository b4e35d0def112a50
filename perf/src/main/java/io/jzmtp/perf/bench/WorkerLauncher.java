package io.jzmtp.perf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Starts one worker process per run, waits for it (with a deadline), and turns its RESULT line (and, for latency,
 * its samples file) into a {@link RunResult}. JVM implementations run
 * {@code java <flags> -cp <class path> io.jzmtp.perf.bench.worker.Worker --impl=...}, libzmq runs the compiled C
 * worker with the same arguments.
 */
public final class WorkerLauncher {
    /** The JVM workers' main class. */
    public static final String WORKER_CLASS = "io.jzmtp.perf.bench.worker.Worker";
    /** The implementation the C worker measures. */
    public static final String LIBZMQ = "libzmq";
    /** The JeroMQ implementation's name. */
    public static final String JEROMQ = "jeromq";
    /** Seconds the runner waits beyond the worker's own deadline before killing it. */
    public static final int GRACE_SECONDS = 15;

    private final List<String> jvmPrefix;
    private final Path nativeBinary;
    private final int timeoutSeconds;
    private final int graceSeconds;

    /**
     * What one worker run gave.
     *
     * @param spec the run
     * @param result what it measured, or null if it failed
     * @param failure why it failed (with the end of its stderr), or null
     * @param wallSeconds how long the process took, start-up included
     */
    public record Outcome(RunSpec spec, RunResult result, String failure, double wallSeconds) {
    }

    /**
     * @param java the java executable for JVM workers
     * @param jvmFlags the flags for every JVM worker
     * @param classPath the class path holding the workers and their dependencies
     * @param nativeBinary the compiled C worker, or null if libzmq cannot be measured
     * @param timeoutSeconds each worker's whole-run deadline (passed as {@code --timeout})
     */
    public WorkerLauncher(String java, List<String> jvmFlags, String classPath, Path nativeBinary,
                          int timeoutSeconds) {
        this(java, jvmFlags, classPath, nativeBinary, timeoutSeconds, GRACE_SECONDS);
    }

    /** As the public constructor, with another grace period (tests). */
    WorkerLauncher(String java, List<String> jvmFlags, String classPath, Path nativeBinary, int timeoutSeconds,
                   int graceSeconds) {
        List<String> prefix = new ArrayList<>();
        prefix.add(java);
        prefix.addAll(jvmFlags);
        prefix.add("-cp");
        prefix.add(classPath);
        prefix.add(WORKER_CLASS);
        this.jvmPrefix = List.copyOf(prefix);
        this.nativeBinary = nativeBinary;
        this.timeoutSeconds = timeoutSeconds;
        this.graceSeconds = graceSeconds;
    }

    /**
     * The command line of one run.
     *
     * @param spec the run
     * @param samples the samples file (lat), or null
     * @return program and arguments
     */
    public List<String> command(RunSpec spec, Path samples) {
        List<String> cmd = new ArrayList<>();
        if (LIBZMQ.equals(spec.impl())) {
            if (nativeBinary == null) {
                throw new IllegalStateException("no C worker to run");
            }
            cmd.add(nativeBinary.toString());
        } else {
            cmd.addAll(jvmPrefix);
        }
        cmd.add("--impl=" + spec.impl());
        cmd.add("--workload=" + spec.workload());
        cmd.add("--transport=" + spec.transport());
        cmd.add("--mode=" + spec.mode());
        cmd.add("--size=" + spec.size());
        cmd.add("--count=" + spec.count());
        cmd.add("--warmup=" + spec.warmup());
        cmd.add("--timeout=" + timeoutSeconds);
        if (samples != null) {
            cmd.add("--samples=" + samples);
        }
        return cmd;
    }

    /**
     * Runs one worker to its end (or kills it at the deadline) and reads what it measured. Never throws for a
     * failed worker: the failure is in the outcome.
     *
     * @param spec the run
     * @return what it gave
     */
    public Outcome run(RunSpec spec) {
        long start = System.nanoTime();
        Path stdout = null;
        Path stderr = null;
        Path samples = null;
        try {
            stdout = Files.createTempFile("jzmtp-worker-", ".out");
            stderr = Files.createTempFile("jzmtp-worker-", ".err");
            if (spec.isLatency()) {
                samples = Files.createTempFile("jzmtp-lat-", ".samples");
            }
            Process p = new ProcessBuilder(command(spec, samples))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            p.getOutputStream().close();
            boolean ended = p.waitFor(timeoutSeconds + (long) graceSeconds, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (!ended) {
                return failed(spec, "killed after " + (timeoutSeconds + graceSeconds) + " s", err, wall);
            }
            if (p.exitValue() != 0) {
                return failed(spec, "exit " + p.exitValue(), err, wall);
            }
            try {
                RunResult r = read(spec, Files.readString(stdout, StandardCharsets.UTF_8), samples);
                return new Outcome(spec, r, null, wall);
            } catch (ResultLine.MalformedResultException | IOException e) {
                return failed(spec, e.getMessage(), err, wall);
            }
        } catch (IOException e) {
            return new Outcome(spec, null, "cannot run the worker: " + e, (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(spec, null, "interrupted", (System.nanoTime() - start) / 1e9);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
            deleteQuietly(samples);
        }
    }

    /**
     * Reads a finished worker's result and checks that it is the run that was asked for.
     *
     * @param spec the run asked for
     * @param stdout the worker's stdout
     * @param samples its samples file (lat) or null
     * @return the result
     * @throws ResultLine.MalformedResultException if the output holds no valid RESULT line or it does not match
     * @throws IOException if the samples file cannot be read or is not as long as the count
     */
    static RunResult read(RunSpec spec, String stdout, Path samples)
        throws ResultLine.MalformedResultException, IOException {
        ResultLine line = ResultLine.find(stdout);
        RunResult plain = line.toRunResult(null);
        if (!spec.sameCell(plain) || plain.count() != spec.count()) {
            throw new ResultLine.MalformedResultException("worker reported another run: "
                + String.join(" ", line.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        if (samples == null) {
            return plain;
        }
        Histogram h = Samples.loadHalfRoundTrips(samples, spec.count());
        return line.toRunResult(h);
    }

    private static Outcome failed(RunSpec spec, String why, String stderr, double wall) {
        return new Outcome(spec, null, why + "; stderr: " + ProcessOutput.tail(stderr, 5, 600), wall);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
