package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.LoopbackLimits;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.report.Target.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The project's performance targets, judged from a report's medians. */
final class Targets {
    /** Allocation per message below this is the harness' per-run noise (counters read around the run), not jzmtp. */
    static final double ALLOC_NOISE_BYTES = 0.01;
    /**
     * Allocation of at most this many bytes in a whole run (median) counts as none too: it does not grow with the
     * count, so it is a one-off (a class the JIT loads, a counter read), not a per-message allocation. Runs of large
     * messages are short (15 thousand messages at 64 KiB), so the per-message noise bar alone would judge them on a
     * few hundred bytes.
     */
    static final long ALLOC_ONE_OFF_BYTES = 2048;
    /** The Message API's former bar (one small object per message), shown next to its line for information. */
    static final double MESSAGE_API_BYTES = 64;
    /** An array's header: what one byte[] costs besides its body (rounded up to 8 B). */
    static final int ARRAY_HEADER_BYTES = 16;
    /** Slack over one byte[] per message for the byte[] API's bar. */
    static final int ONE_OBJECT_SLACK_BYTES = 8;

    private static final String TCP = "tcp";
    private static final String INPROC = "inproc";
    private static final String BLOCKING = "blocking";
    private static final String SPIN = "spin";
    private static final int KIB = 1024;

    private Targets() {
    }

    /**
     * @param report the report
     * @return every target with its verdict, in a fixed order
     */
    static List<Target> evaluate(Report report) {
        Cells cells = new Cells(report);
        List<Target> out = new ArrayList<>();
        for (int size : new int[] {1, 64}) {
            out.add(faster(cells, TCP, size, Cells.LIBZMQ, 1.25));
            out.add(faster(cells, TCP, size, Cells.JEROMQ, 1.8));
        }
        // Large messages: libzmq's worker sends its payload by reference (zmq_msg_init_data), so jzmtp is judged
        // through the call that does the same, sendLent (jzmtp-zc); the copying frame API is shown.
        for (int size : new int[] {16 * KIB, 64 * KIB}) {
            out.add(faster(cells, Cells.JZMTP_ZC, TCP, size, Cells.LIBZMQ, 1.5));
            out.add(information(faster(cells, TCP, size, Cells.LIBZMQ, 1.5)));
        }
        out.add(sooner(cells, TCP, Cells.LIBZMQ));
        out.add(nearNioSpin(cells, report.limits()));
        out.add(faster(cells, INPROC, 1, Cells.JEROMQ, 1.5));
        // "zero copy": the byte[] and Message APIs hand frames over without copying (the frame API copies from the
        // caller's buffer by contract), and libzmq's worker sends its constant payload without copying either.
        // The byte[] API is judged (one object per message, none on inproc); the Message API is shown.
        out.add(faster(cells, Cells.JZMTP_BYTES, INPROC, 16 * KIB, Cells.LIBZMQ, 1.0));
        out.add(information(faster(cells, Cells.JZMTP_MSG, INPROC, 16 * KIB, Cells.LIBZMQ, 1.0)));
        out.add(information(faster(cells, Cells.JZMTP_ZC, INPROC, 16 * KIB, Cells.LIBZMQ, 1.0)));
        out.add(sooner(cells, INPROC, Cells.JEROMQ));
        out.add(allocation(cells, Cells.JZMTP, Integer.MAX_VALUE, ALLOC_NOISE_BYTES, false));
        out.add(oneObject(cells));
        out.add(information(allocation(cells, Cells.JZMTP_MSG, 64, MESSAGE_API_BYTES, true)));
        return out;
    }

    /**
     * @param size a message size
     * @return what the byte[] API may allocate per message of that size: one byte[] (header and body rounded up to
     *     8 B) and a little slack
     */
    static long oneObjectBar(int size) {
        return ARRAY_HEADER_BYTES + ((size + 7L) & ~7L) + ONE_OBJECT_SLACK_BYTES;
    }

    /**
     * The convenience API (jzmtp-bytes) allocates at most one object per message, the received byte[], at every
     * size: each thr cell is held to its own size's bar, and the cell furthest over (or least under) it is shown.
     */
    private static Target oneObject(Cells cells) {
        String impl = Cells.JZMTP_BYTES;
        String what = "convenience API (byte[]) allocation: " + impl + " thr alloc B/msg, worst cell";
        String need = "≤ 16 + roundUp8(size) + 8 B";
        Cell worst = null;
        double worstExcess = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (Cell c : cells.all()) {
            if (c.impl().equals(impl) && c.workload().equals(Cells.THR)) {
                any = true;
                double excess = alloc(c) - oneObjectBar(c.size());
                if (!Double.isNaN(excess) && excess > worstExcess) {
                    worst = c;
                    worstExcess = excess;
                }
            }
        }
        if (worst == null) {
            return new Target(what, need, any ? impl + " allocation not measured" : impl + " thr not measured",
                Verdict.NOT_MEASURED);
        }
        long bar = oneObjectBar(worst.size());
        String measured = Fmt.bytes(alloc(worst)) + " B/msg, bar " + bar + " B (" + worst.transport() + " "
            + worst.mode() + " " + Fmt.size(worst.size()) + ")";
        return new Target(what, need, measured, worstExcess <= 0 ? Verdict.MET : Verdict.MISSED);
    }

    /** A target shown for information only: not judged, not counted. */
    private static Target information(Target t) {
        return new Target(t.what() + " (information)", t.need(), t.measured(), Verdict.INFO);
    }

    private static Target faster(Cells cells, String transport, int size, String other, double bar) {
        return faster(cells, Cells.JZMTP, transport, size, other, bar);
    }

    private static Target faster(Cells cells, String ours, String transport, int size, String other, double bar) {
        String what = transport + " thr PUSH/PULL blocking, " + Fmt.size(size) + ": " + ours
            + (ours.equals(Cells.JZMTP) ? "" : " (zero copy)") + " / " + other + " msg/s";
        double r = Ratios.throughput(cells, ours, other, transport, BLOCKING, size);
        return judge(what, "≥ " + Fmt.ratio(bar), r, r >= bar,
            missing(cells, Cells.THR, transport, BLOCKING, size, ours, other));
    }

    private static Target sooner(Cells cells, String transport, String other) {
        String what = transport + " lat REQ/REP blocking, 1 B: jzmtp / " + other + " p50 half round trip";
        double r = Ratios.latency(cells, Cells.JZMTP, other, transport, BLOCKING, 1);
        return judge(what, "≤ 1.00x", r, r <= 1.0, missing(cells, Cells.LAT, transport, BLOCKING, 1, Cells.JZMTP,
            other));
    }

    private static Target nearNioSpin(Cells cells, LoopbackLimits limits) {
        String what = "tcp lat REQ/REP spin, 1 B: jzmtp p50 / NIO spinning ping-pong p50";
        Optional<Cell> jzmtp = cells.find(Cells.JZMTP, Cells.LAT, TCP, SPIN, 1);
        String why = jzmtp.isEmpty() ? "jzmtp not measured"
            : limits == null || limits.pingPongSpin() == null || limits.pingPongSpin().getTotalCount() == 0
            ? "NIO ping-pong not measured" : null;
        double r = why != null ? Double.NaN
            : Ratios.p50Micros(jzmtp) / (limits.pingPongSpin().getValueAtPercentile(50.0) / 1000.0);
        return judge(what, "≤ 2.00x", r, r <= 2.0, why);
    }

    private static Target allocation(Cells cells, String impl, int maxSize, double bar, boolean inclusive) {
        List<Cell> withAlloc = new ArrayList<>();
        boolean any = false;
        for (Cell c : cells.all()) {
            if (c.impl().equals(impl) && c.workload().equals(Cells.THR) && c.size() <= maxSize) {
                any = true;
                if (!Double.isNaN(alloc(c))) {
                    withAlloc.add(c);
                }
            }
        }
        // The worst cell: one that allocates beyond the one-off allowance first, then the most per message.
        Cell worst = withAlloc.stream()
            .max(Comparator.comparing((Cell c) -> inclusive || !isOneOff(c, bar)).thenComparingDouble(Targets::alloc))
            .orElse(null);
        String what = maxSize == Integer.MAX_VALUE ? impl + " (frame API) thr alloc B/msg, worst cell"
            : impl + " (Message API) thr alloc B/msg, worst cell of ≤ " + maxSize + " B";
        String need = inclusive ? "≤ " + Fmt.num(bar) + " B"
            : "0 B (< " + bar + ", or ≤ " + ALLOC_ONE_OFF_BYTES + " B a run)";
        if (worst == null) {
            return new Target(what, need, any ? impl + " allocation not measured" : impl + " thr not measured",
                Verdict.NOT_MEASURED);
        }
        double v = alloc(worst);
        String measured = Fmt.bytes(v) + " B/msg (" + worst.transport() + " " + worst.mode() + " "
            + Fmt.size(worst.size()) + (inclusive ? "" : ", " + Fmt.bytes(perRun(worst)) + " B a run") + ")";
        return new Target(what, need, measured, (inclusive ? v <= bar : isOneOff(worst, bar))
            ? Verdict.MET : Verdict.MISSED);
    }

    /** @return true if the cell's allocation counts as none: below the per-message bar, or a one-off per run */
    private static boolean isOneOff(Cell c, double bar) {
        return alloc(c) < bar || perRun(c) <= ALLOC_ONE_OFF_BYTES;
    }

    private static double perRun(Cell c) {
        return c.spread(r -> (double) r.allocBytes()).median();
    }

    private static double alloc(Cell c) {
        return c.allocatedBytesPerMessage().median();
    }

    private static Target judge(String what, String need, double ratio, boolean ok, String whyMissing) {
        if (whyMissing != null || Double.isNaN(ratio)) {
            return new Target(what, need, whyMissing == null ? "not measured" : whyMissing, Verdict.NOT_MEASURED);
        }
        return new Target(what, need, Fmt.ratio(ratio), ok ? Verdict.MET : Verdict.MISSED);
    }

    private static String missing(Cells cells, String workload, String transport, String mode, int size,
                                  String... impls) {
        List<String> absent = new ArrayList<>();
        for (String impl : impls) {
            if (cells.find(impl, workload, transport, mode, size).isEmpty()) {
                absent.add(impl);
            }
        }
        return absent.isEmpty() ? null : String.join(", ", absent) + " not measured";
    }
}
