package io.jzmtp.perf.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GitHub Markdown table whose columns are padded to one width, so that it also reads as a table in a terminal.
 * The first {@code leftColumns} columns are left-aligned (labels), the rest right-aligned (numbers).
 */
final class MdTable {
    private final List<String> header;
    private final int leftColumns;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param leftColumns how many leading columns hold labels
     * @param header the column titles
     */
    MdTable(int leftColumns, String... header) {
        this.leftColumns = leftColumns;
        this.header = List.of(header);
    }

    /**
     * @param cells one row; as many cells as the header has columns (null shows as "-")
     * @return this
     */
    MdTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.asList(cells.clone()));
        return this;
    }

    /** @return whether no row was added */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * @param out where to append the table, ending with a line break
     */
    void appendTo(StringBuilder out) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], escape(r.get(c)).length());
            }
        }
        line(out, header, width);
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            boolean right = c >= leftColumns;
            out.append(right ? "-".repeat(width[c] + 1) + ":" : ":" + "-".repeat(width[c] + 1)).append('|');
        }
        out.append('\n');
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            String v = escape(cells.get(c));
            String pad = " ".repeat(width[c] - v.length());
            out.append(' ').append(c >= leftColumns ? pad + v : v + pad).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell == null ? Fmt.NONE : cell.replace("|", "\\|").replace('\n', ' ');
    }
}
