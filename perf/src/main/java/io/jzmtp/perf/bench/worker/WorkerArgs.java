package io.jzmtp.perf.bench.worker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker protocol's arguments, parsed and checked: {@code --name=value} in any order.
 *
 * @param impl {@code jzmtp}, {@code jzmtp-msg}, {@code jzmtp-bytes}, {@code jzmtp-zc} or {@code jeromq}
 * @param workload {@code thr} or {@code lat}
 * @param transport {@code tcp}, {@code ipc} or {@code inproc}
 * @param size message size in bytes (thr) or request/reply size (lat)
 * @param count timed messages or round trips
 * @param warmup untimed messages or round trips before them
 * @param mode {@code blocking} or {@code spin}
 * @param samples lat only: where to write every timed round trip's duration; null for none
 * @param timeoutSeconds the whole run's deadline
 */
public record WorkerArgs(String impl, String workload, String transport, int size, long count, long warmup,
                         String mode, Path samples, double timeoutSeconds) {

    /** The implementations this (JVM) worker runs. */
    public static final List<String> IMPLS = List.of("jzmtp", "jzmtp-msg", "jzmtp-bytes", "jzmtp-zc", "jeromq");
    /** The workloads. */
    public static final List<String> WORKLOADS = List.of("thr", "lat");
    /** The transports. */
    public static final List<String> TRANSPORTS = List.of("tcp", "ipc", "inproc");
    /** The receive modes. */
    public static final List<String> MODES = List.of("blocking", "spin");
    /** The largest message size accepted: 256 MiB. */
    public static final int MAX_SIZE = 256 << 20;
    /** The largest lat count with a samples file: the samples are kept in one array until the timed part ends. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;
    /** The default deadline, in seconds. */
    public static final double DEFAULT_TIMEOUT = 120;

    private static final List<String> NAMES =
        List.of("impl", "workload", "transport", "size", "count", "warmup", "mode", "samples", "timeout");

    /** The usage line. */
    public static final String USAGE = "usage: Worker --impl=jzmtp|jzmtp-msg|jzmtp-bytes|jzmtp-zc|jeromq --workload=thr|lat"
        + " --transport=tcp|ipc|inproc --size=BYTES --count=N [--warmup=N (count/10, at least 1)]"
        + " [--mode=blocking|spin (blocking)] [--samples=FILE (lat only)] [--timeout=SECONDS (120)]";

    /** An argument that is missing, unknown or has a bad value; the message names it and what was expected. */
    public static final class BadArgumentException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong and what was expected */
        public BadArgumentException(String message) {
            super(message);
        }
    }

    /** @return true for the spin mode */
    public boolean spin() {
        return "spin".equals(mode);
    }

    /**
     * Parses the arguments.
     *
     * @param args {@code --name=value} each
     * @return the checked arguments
     * @throws BadArgumentException naming the bad argument and what was expected
     */
    public static WorkerArgs parse(String... args) throws BadArgumentException {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new BadArgumentException("argument '" + arg + "': expected --name=value");
            }
            String name = arg.substring(2, eq);
            if (!NAMES.contains(name)) {
                throw new BadArgumentException("unknown option --" + name + ": expected one of --"
                    + String.join(", --", NAMES));
            }
            if (given.put(name, arg.substring(eq + 1)) != null) {
                throw new BadArgumentException("--" + name + " given twice");
            }
        }
        String impl = choice(given, "impl", IMPLS);
        String workload = choice(given, "workload", WORKLOADS);
        if (impl.equals("jzmtp-zc") && !workload.equals("thr")) {
            throw new BadArgumentException("--impl=jzmtp-zc with --workload=" + workload
                + ": jzmtp-zc (a lent payload) measures thr only");
        }
        String transport = choice(given, "transport", TRANSPORTS);
        int size = (int) number(given, "size", 1, MAX_SIZE);
        long count = number(given, "count", 1, Long.MAX_VALUE);
        long warmup = given.containsKey("warmup")
            ? number(given, "warmup", 0, Long.MAX_VALUE) : Math.max(1, count / 10);
        if (warmup > Long.MAX_VALUE - count) {
            throw new BadArgumentException("--count=" + count + " plus --warmup=" + warmup + ": the sum overflows");
        }
        String mode = given.containsKey("mode") ? choice(given, "mode", MODES) : "blocking";
        Path samples = samples(given, workload, count);
        double timeout = timeout(given);
        return new WorkerArgs(impl, workload, transport, size, count, warmup, mode, samples, timeout);
    }

    private static String choice(Map<String, String> given, String name, List<String> allowed)
        throws BadArgumentException {
        String v = required(given, name);
        if (!allowed.contains(v)) {
            String hint = name.equals("impl") && v.equals("libzmq") ? " (libzmq is the C worker's)" : "";
            throw new BadArgumentException("--" + name + "=" + v + ": expected one of " + String.join(", ", allowed)
                + hint);
        }
        return v;
    }

    private static long number(Map<String, String> given, String name, long min, long max)
        throws BadArgumentException {
        String v = required(given, name);
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadArgumentException("--" + name + "=" + v + ": expected a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
        }
        if (n < min || n > max) {
            throw new BadArgumentException("--" + name + "=" + v + ": expected a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
        }
        return n;
    }

    private static Path samples(Map<String, String> given, String workload, long count)
        throws BadArgumentException {
        String v = given.get("samples");
        if (v == null) {
            return null;
        }
        if (!workload.equals("lat")) {
            throw new BadArgumentException("--samples=" + v + ": only for --workload=lat, not " + workload);
        }
        if (v.isEmpty()) {
            throw new BadArgumentException("--samples=: expected a file name");
        }
        if (count > MAX_SAMPLES) {
            throw new BadArgumentException("--count=" + count + " with --samples: expected at most " + MAX_SAMPLES);
        }
        return Path.of(v);
    }

    private static double timeout(Map<String, String> given) throws BadArgumentException {
        String v = given.get("timeout");
        if (v == null) {
            return DEFAULT_TIMEOUT;
        }
        double t;
        try {
            t = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            t = Double.NaN;
        }
        if (!(t > 0) || t > 1e7) {
            throw new BadArgumentException("--timeout=" + v + ": expected a number of seconds above 0"
                + " (at most 10000000)");
        }
        return t;
    }

    private static String required(Map<String, String> given, String name) throws BadArgumentException {
        String v = given.get(name);
        if (v == null) {
            throw new BadArgumentException("missing --" + name + "=...");
        }
        return v;
    }
}
