package io.jzmtp.perf.bench.report;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A report's cells looked up by (impl, workload, transport, mode, size), and its dimensions in reading order. */
final class Cells {
    /** The frame API of jzmtp: the implementation the ratios and targets judge. */
    static final String JZMTP = "jzmtp";
    /** jzmtp's Message API. */
    static final String JZMTP_MSG = "jzmtp-msg";
    /** jzmtp's one-object convenience API: {@code send(byte[])}, {@code receiveBytes()}. */
    static final String JZMTP_BYTES = "jzmtp-bytes";
    /** jzmtp's frame API lending the payload without a copy ({@code sendLent}). */
    static final String JZMTP_ZC = "jzmtp-zc";
    /** JeroMQ. */
    static final String JEROMQ = "jeromq";
    /** libzmq through the C worker. */
    static final String LIBZMQ = "libzmq";
    /** Throughput workload (PUSH/PULL). */
    static final String THR = "thr";
    /** Latency workload (REQ/REP). */
    static final String LAT = "lat";

    private static final List<String> IMPL_ORDER = List.of(JZMTP, JZMTP_MSG, JZMTP_BYTES, JZMTP_ZC, JEROMQ, LIBZMQ);
    private static final List<String> TRANSPORT_ORDER = List.of("tcp", "ipc", "inproc");
    private static final List<String> MODE_ORDER = List.of("blocking", "spin");

    private final Map<String, Cell> byKey = new LinkedHashMap<>();
    private final List<Cell> all;

    /**
     * @param report the report to index (a later cell with the same key replaces an earlier one)
     */
    Cells(Report report) {
        this.all = report.cells() == null ? List.of() : List.copyOf(report.cells());
        for (Cell c : all) {
            byKey.put(key(c.impl(), c.workload(), c.transport(), c.mode(), c.size()), c);
        }
    }

    private static String key(String impl, String workload, String transport, String mode, int size) {
        return impl + '|' + workload + '|' + transport + '|' + mode + '|' + size;
    }

    /**
     * @param impl implementation
     * @param workload thr or lat
     * @param transport tcp, ipc, inproc
     * @param mode blocking or spin
     * @param size message size
     * @return the cell, if measured (with at least one run)
     */
    Optional<Cell> find(String impl, String workload, String transport, String mode, int size) {
        Cell c = byKey.get(key(impl, workload, transport, mode, size));
        return c == null || c.runs() == null || c.runs().isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** @return every cell with at least one run, in report order */
    List<Cell> all() {
        return all.stream().filter(c -> c.runs() != null && !c.runs().isEmpty()).toList();
    }

    /**
     * @param workload thr or lat
     * @return the (transport, mode) pairs that workload has cells for, tcp/ipc/inproc then blocking/spin first
     */
    List<Group> groups(String workload) {
        TreeSet<Group> groups = new TreeSet<>(Comparator
            .comparingInt((Group g) -> rank(TRANSPORT_ORDER, g.transport())).thenComparing(Group::transport)
            .thenComparingInt(g -> rank(MODE_ORDER, g.mode())).thenComparing(Group::mode));
        for (Cell c : all()) {
            if (c.workload().equals(workload)) {
                groups.add(new Group(c.transport(), c.mode()));
            }
        }
        return new ArrayList<>(groups);
    }

    /**
     * @param workload thr or lat
     * @param group transport and mode
     * @return the sizes measured there, ascending
     */
    List<Integer> sizes(String workload, Group group) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Cell c : all()) {
            if (c.workload().equals(workload) && group.has(c)) {
                sizes.add(c.size());
            }
        }
        return new ArrayList<>(sizes);
    }

    /**
     * @param workload thr or lat, or null for any
     * @return the implementations measured, in the order jzmtp, jzmtp-msg, jzmtp-bytes, jzmtp-zc, jeromq, libzmq, then
     *     others by name
     */
    List<String> impls(String workload) {
        TreeSet<String> impls = new TreeSet<>(Comparator.comparingInt((String i) -> rank(IMPL_ORDER, i))
            .thenComparing(Comparator.naturalOrder()));
        for (Cell c : all()) {
            if (workload == null || c.workload().equals(workload)) {
                impls.add(c.impl());
            }
        }
        return new ArrayList<>(impls);
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    /**
     * A transport and a mode: one table, one chart.
     *
     * @param transport tcp, ipc, inproc
     * @param mode blocking or spin
     */
    record Group(String transport, String mode) {
        /**
         * @param c a cell
         * @return whether it belongs to this group
         */
        boolean has(Cell c) {
            return c.transport().equals(transport) && c.mode().equals(mode);
        }

        /** @return e.g. "tcp, blocking" */
        String title() {
            return transport + ", " + mode;
        }
    }
}
