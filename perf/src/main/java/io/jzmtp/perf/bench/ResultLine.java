package io.jzmtp.perf.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The one {@code RESULT k=v ...} line a worker prints on stdout, parsed.
 *
 * <p>Every worker (C or JVM) prints exactly one line starting with {@code RESULT } whose space-separated tokens are
 * {@code key=value} pairs; other lines of its output are free text and ignored here. The keys read are
 * {@code impl workload transport mode size count seconds cpu_seconds alloc_bytes version}; further keys are kept
 * (see {@link #values()}) but not required.
 *
 * @param values every key and value of the line, in order
 */
public record ResultLine(Map<String, String> values) {

    /** The prefix that marks the line. */
    public static final String PREFIX = "RESULT ";

    /** The keys every result line must carry. */
    public static final List<String> REQUIRED = List.of(
        "impl", "workload", "transport", "mode", "size", "count", "seconds", "cpu_seconds", "alloc_bytes", "version");

    /** A worker's output that holds no usable result line. */
    public static final class MalformedResultException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong with the output */
        public MalformedResultException(String message) {
            super(message);
        }
    }

    /**
     * Finds and parses the result line in a worker's whole stdout.
     *
     * @param stdout everything the worker printed on stdout
     * @return the parsed line
     * @throws MalformedResultException if there is no result line, more than one, or it is malformed
     */
    public static ResultLine find(String stdout) throws MalformedResultException {
        String found = null;
        for (String line : stdout.split("\\R")) {
            if (line.startsWith(PREFIX)) {
                if (found != null) {
                    throw new MalformedResultException("more than one RESULT line");
                }
                found = line;
            }
        }
        if (found == null) {
            throw new MalformedResultException("no RESULT line on stdout");
        }
        return parse(found);
    }

    /**
     * Parses one result line.
     *
     * @param line the line, starting with {@code RESULT }
     * @return its keys and values
     * @throws MalformedResultException if it does not start with the prefix, a token is not {@code key=value}, a key
     *     repeats, or a required key is missing
     */
    public static ResultLine parse(String line) throws MalformedResultException {
        if (!line.startsWith(PREFIX)) {
            throw new MalformedResultException("not a RESULT line: " + abbreviate(line));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new MalformedResultException("token is not key=value: " + abbreviate(token));
            }
            if (values.put(token.substring(0, eq), token.substring(eq + 1)) != null) {
                throw new MalformedResultException("key repeated: " + token.substring(0, eq));
            }
        }
        for (String key : REQUIRED) {
            if (!values.containsKey(key)) {
                throw new MalformedResultException("missing key: " + key);
            }
        }
        return new ResultLine(Collections.unmodifiableMap(values));
    }

    /**
     * @param key a key of the line
     * @return its value
     * @throws MalformedResultException if the key is absent
     */
    public String get(String key) throws MalformedResultException {
        String v = values.get(key);
        if (v == null) {
            throw new MalformedResultException("missing key: " + key);
        }
        return v;
    }

    /**
     * Turns the line into a run result.
     *
     * @param halfRoundTrips the latency histogram (lat) or null (thr)
     * @return the result
     * @throws MalformedResultException if a number does not parse or is out of range
     */
    public RunResult toRunResult(Histogram halfRoundTrips) throws MalformedResultException {
        long count = longValue("count");
        double seconds = doubleValue("seconds");
        double cpu = doubleValue("cpu_seconds");
        long size = longValue("size");
        if (count <= 0 || size < 0 || size > Integer.MAX_VALUE || !(seconds > 0) || Double.isInfinite(seconds)
            || !(cpu >= 0)) {
            throw new MalformedResultException("figures out of range: count=" + count + " size=" + size
                + " seconds=" + seconds + " cpu_seconds=" + cpu);
        }
        return new RunResult(get("impl"), get("workload"), get("transport"), get("mode"), (int) size, count,
            seconds, cpu, longValue("alloc_bytes"), get("version"), halfRoundTrips);
    }

    private long longValue(String key) throws MalformedResultException {
        String v = get(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new MalformedResultException("not an integer: " + key + "=" + abbreviate(v));
        }
    }

    private double doubleValue(String key) throws MalformedResultException {
        String v = get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new MalformedResultException("not a number: " + key + "=" + abbreviate(v));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
