package io.jzmtp.perf.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The one line the runner prints on stderr after each worker run. */
public final class ProgressLine {
    private ProgressLine() {
    }

    /**
     * @param index the run's number, from 1
     * @param total how many runs there are
     * @param o what the run gave
     * @return e.g. {@code [ 3/24] jeromq    thr tcp    blocking     64 B  2.41 M msg/s  154.2 MB/s  412 ns CPU/msg
     *     96.0 B/msg  (wall 2.1 s)}
     */
    public static String format(int index, int total, WorkerLauncher.Outcome o) {
        RunSpec s = o.spec();
        int width = String.valueOf(total).length();
        String head = String.format(Locale.ROOT, "[%" + width + "d/%d] %-9s %s %-6s %-8s %6d B  ", index, total,
            s.impl(), s.workload(), s.transport(), s.mode(), s.size());
        String tail = String.format(Locale.ROOT, "  (wall %.1f s)", o.wallSeconds());
        RunResult r = o.result();
        if (r == null) {
            return head + "FAILED: " + o.failure() + tail;
        }
        boolean lat = r.halfRoundTripNanos() != null;
        String alloc = r.allocBytes() < 0 ? "" : String.format(Locale.ROOT, lat ? "  %.1f B/rt" : "  %.1f B/msg",
            r.allocatedBytesPerMessage());
        if (lat) {
            Histogram h = r.halfRoundTripNanos();
            return head + String.format(Locale.ROOT,
                "half rt p50 %.1f us  p99 %.1f us  max %.1f us  %s rt/s  %.0f ns CPU/rt%s", h.getValueAtPercentile(50)
                    / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, rate(r.messagesPerSecond()),
                r.cpuNanosPerMessage(), alloc) + tail;
        }
        return head + String.format(Locale.ROOT, "%s msg/s  %.1f MB/s  %.0f ns CPU/msg%s",
            rate(r.messagesPerSecond()), r.megabytesPerSecond(), r.cpuNanosPerMessage(), alloc) + tail;
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
