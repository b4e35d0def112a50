package io.jzmtp.perf.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The ratio tables (jzmtp against libzmq and JeroMQ) and the targets checklist. */
final class MarkdownRatios {
    private MarkdownRatios() {
    }

    /**
     * @param out where to append
     * @param cells the report's cells
     */
    static void ratios(StringBuilder out, Cells cells) {
        out.append("## Ratios\n\n");
        out.append("### Throughput: jzmtp msg/s ÷ the other's (higher is better for jzmtp: above 1.00x it is"
            + " faster)\n\n");
        table(out, cells, Cells.THR);
        out.append("### Latency: jzmtp p50 ÷ the other's p50 (lower is better for jzmtp: below 1.00x it answers"
            + " sooner)\n\n");
        table(out, cells, Cells.LAT);
    }

    private static void table(StringBuilder out, Cells cells, String workload) {
        List<String> impls = cells.impls(workload);
        List<String[]> pairs = new ArrayList<>();
        for (String judged : List.of(Cells.JZMTP, Cells.JZMTP_MSG, Cells.JZMTP_BYTES, Cells.JZMTP_ZC)) {
            for (String other : List.of(Cells.LIBZMQ, Cells.JEROMQ)) {
                if (impls.contains(judged) && impls.contains(other)) {
                    pairs.add(new String[] {judged, other});
                }
            }
        }
        if (pairs.isEmpty()) {
            out.append("No comparable rows (jzmtp and libzmq or JeroMQ were not both measured).\n\n");
            return;
        }
        String[] header = new String[3 + pairs.size()];
        header[0] = "transport";
        header[1] = "mode";
        header[2] = "size";
        for (int i = 0; i < pairs.size(); i++) {
            header[3 + i] = pairs.get(i)[0] + " / " + pairs.get(i)[1];
        }
        MdTable t = new MdTable(3, header);
        for (Cells.Group g : cells.groups(workload)) {
            for (int size : cells.sizes(workload, g)) {
                String[] row = new String[header.length];
                row[0] = g.transport();
                row[1] = g.mode();
                row[2] = Fmt.size(size);
                boolean any = false;
                for (int i = 0; i < pairs.size(); i++) {
                    String judged = pairs.get(i)[0];
                    String other = pairs.get(i)[1];
                    double r = workload.equals(Cells.THR)
                        ? Ratios.throughput(cells, judged, other, g.transport(), g.mode(), size)
                        : Ratios.latency(cells, judged, other, g.transport(), g.mode(), size);
                    any |= !Double.isNaN(r);
                    row[3 + i] = Fmt.ratio(r);
                }
                if (any) {
                    t.row(row);
                }
            }
        }
        if (t.isEmpty()) {
            out.append("No comparable rows.\n\n");
            return;
        }
        t.appendTo(out);
        out.append('\n');
    }

    /**
     * @param out where to append
     * @param targets the evaluated targets
     */
    static void targets(StringBuilder out, List<Target> targets) {
        out.append("## Targets\n\n");
        out.append("Judged on the medians above with jzmtp's frame API, except where a line names another: tcp at 16"
            + " and 64 KiB is judged through sendLent (jzmtp-zc), which sends the payload by reference as libzmq's"
            + " worker does (zmq_msg_init_data), and inproc at 16 KiB through the byte[] API, which hands the array"
            + " over. Throughput bars are jzmtp ÷ other (higher is better); latency bars are jzmtp ÷ other (lower is better). Allocation below "
            + Targets.ALLOC_NOISE_BYTES + " B/msg, or of at most " + Targets.ALLOC_ONE_OFF_BYTES + " B in a whole"
            + " run (median), counts as 0: a one-off or the harness' own noise (the allocation counters are read"
            + " around the run), not a per-message allocation, which grows with the count (at 1 B to 1 KiB, runs of"
            + " millions of messages). The convenience API"
            + " (jzmtp-bytes: send(byte[]), receiveBytes()) may allocate one object per message, the received array:"
            + " at most 16 + roundUp8(size) + 8 B per message at every size (the array's header, its body rounded up"
            + " to 8 B, and 8 B of slack). The Message API (jzmtp-msg) line is for information only.\n\n");
        MdTable t = new MdTable(2, "target", "need", "measured", "verdict");
        int met = 0;
        int missed = 0;
        int info = 0;
        for (Target target : targets) {
            t.row(target.what(), target.need(), target.measured(), verdict(target.verdict()));
            met += target.verdict() == Target.Verdict.MET ? 1 : 0;
            missed += target.verdict() == Target.Verdict.MISSED ? 1 : 0;
            info += target.verdict() == Target.Verdict.INFO ? 1 : 0;
        }
        t.appendTo(out);
        out.append('\n').append(met).append(" met, ").append(missed).append(" missed, ")
            .append(targets.size() - met - missed - info).append(" not measured.\n");
    }

    private static String verdict(Target.Verdict v) {
        return v == Target.Verdict.MISSED ? "**" + v.text() + "**" : v.text();
    }
}
