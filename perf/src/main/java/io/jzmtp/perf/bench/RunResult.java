package io.jzmtp.perf.bench;

import org.HdrHistogram.Histogram;

/**
 * What one worker run measured (one process, one workload, one message size).
 *
 * @param impl the implementation: {@code jzmtp} (garbage-free frame API), {@code jzmtp-msg} (Message API),
 *     {@code jzmtp-bytes} (one-object byte[] API), {@code jzmtp-zc} (sendLent), {@code jeromq}, {@code libzmq}
 * @param workload {@code thr} (PUSH/PULL throughput) or {@code lat} (REQ/REP round trips)
 * @param transport {@code tcp}, {@code ipc} or {@code inproc}
 * @param mode {@code blocking} or {@code spin}
 * @param size message size in bytes
 * @param count timed messages (thr) or round trips (lat)
 * @param seconds wall time of the timed part
 * @param cpuSeconds CPU time of the whole worker process (all threads) during the timed part
 * @param allocBytes bytes allocated by all threads during the timed part; -1 where not measurable (libzmq)
 * @param version the implementation's version as it reports it
 * @param halfRoundTripNanos lat only: every round trip of the timed part, halved, in ns; null for thr
 */
public record RunResult(String impl, String workload, String transport, String mode, int size, long count,
                        double seconds, double cpuSeconds, long allocBytes, String version,
                        Histogram halfRoundTripNanos) {

    /** @return messages per second (thr) or round trips per second (lat) */
    public double messagesPerSecond() {
        return count / seconds;
    }

    /** @return payload megabytes (10^6 bytes) per second */
    public double megabytesPerSecond() {
        return messagesPerSecond() * size / 1e6;
    }

    /** @return process CPU nanoseconds per message (or per round trip) */
    public double cpuNanosPerMessage() {
        return cpuSeconds * 1e9 / count;
    }

    /** @return bytes allocated per message (or per round trip), NaN where not measurable */
    public double allocatedBytesPerMessage() {
        return allocBytes < 0 ? Double.NaN : (double) allocBytes / count;
    }
}
