package io.jzmtp.perf.bench;

/**
 * One worker run to do: which implementation, which workload, and how many messages.
 *
 * @param impl {@code jzmtp}, {@code jzmtp-msg}, {@code jzmtp-bytes}, {@code jzmtp-zc}, {@code jeromq} or {@code libzmq}
 * @param workload {@code thr} or {@code lat}
 * @param transport {@code tcp}, {@code ipc} or {@code inproc}
 * @param mode {@code blocking} or {@code spin}
 * @param size message size in bytes
 * @param count timed messages or round trips
 * @param warmup untimed messages or round trips before them
 */
public record RunSpec(String impl, String workload, String transport, String mode, int size, long count,
                      long warmup) {

    /** @return true for a latency run (the worker writes a samples file) */
    public boolean isLatency() {
        return "lat".equals(workload);
    }

    /**
     * @param r a result
     * @return true if the result is of this run's cell (same implementation, workload, transport, mode and size)
     */
    public boolean sameCell(RunResult r) {
        return impl.equals(r.impl()) && workload.equals(r.workload()) && transport.equals(r.transport())
            && mode.equals(r.mode()) && size == r.size();
    }

    /** @return a short description for progress lines and notes, e.g. {@code jzmtp thr tcp blocking 64 B} */
    public String describe() {
        return impl + " " + workload + " " + transport + " " + mode + " " + size + " B";
    }
}
