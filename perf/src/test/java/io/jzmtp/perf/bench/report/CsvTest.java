package io.jzmtp.perf.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.perf.bench.Cell;
import io.jzmtp.perf.bench.Report;
import io.jzmtp.perf.bench.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsvTest {

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote inside an unquoted field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "CR without LF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "bare LF");
                field.append(c);
            }
        }
        assertEquals(0, field.length() + row.size(), "last record not ended by CRLF");
        return rows;
    }

    @Test
    void oneRowPerRunWithEveryFieldAndTheDerivedFigures() {
        Report report = Fixtures.full();
        List<List<String>> rows = parse(Csv.render(report));
        long runs = report.cells().stream().mapToLong(c -> c.runs().size()).sum();
        assertEquals(runs + 1, rows.size());
        List<String> header = rows.get(0);
        assertEquals(20, header.size());
        rows.forEach(r -> assertEquals(header.size(), r.size(), r.toString()));
        assertEquals(List.of("impl", "workload", "transport", "mode", "size", "count", "seconds", "cpu_seconds",
            "alloc_bytes", "version", "msgs_per_s", "mb_per_s", "cpu_ns_per_msg", "alloc_b_per_msg", "lat_p50_us",
            "lat_p90_us", "lat_p99_us", "lat_p99_9_us", "lat_p99_99_us", "lat_max_us"), header);

        List<String> first = rows.get(1);
        assertEquals(List.of("jzmtp", "thr", "tcp", "blocking", "1", "1000000"), first.subList(0, 6));
        assertEquals(4.62e6, Double.parseDouble(first.get(header.indexOf("msgs_per_s"))), 1.0);
        assertEquals(0.004, Double.parseDouble(first.get(header.indexOf("alloc_b_per_msg"))), 1e-9);
        assertEquals("", first.get(header.indexOf("lat_p50_us")));

        List<String> libzmqLat = rows.stream().filter(r -> r.get(0).equals("libzmq") && r.get(1).equals("lat"))
            .findFirst().orElseThrow();
        assertEquals("-1", libzmqLat.get(header.indexOf("alloc_bytes")));
        assertEquals("", libzmqLat.get(header.indexOf("alloc_b_per_msg")));
        assertTrue(Double.parseDouble(libzmqLat.get(header.indexOf("lat_p50_us"))) > 10);
        assertTrue(rows.stream().skip(1).noneMatch(r -> String.join(",", r).contains("E")), "no exponents");
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuoted() {
        RunResult r = new RunResult("jeromq", "thr", "tcp", "blocking", 64, 1000, 0.5, 0.7, 1234,
            "0.6.0, \"patched\"\nbuild", null);
        Report report = new Report(Fixtures.environment(), null,
            List.of(new Cell("jeromq", "thr", "tcp", "blocking", 64, List.of(r))), List.of());
        String csv = Csv.render(report);
        assertTrue(csv.contains(",\"0.6.0, \"\"patched\"\"\nbuild\","), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(2, rows.size());
        assertEquals("0.6.0, \"patched\"\nbuild", rows.get(1).get(9));
        assertEquals("2000", rows.get(1).get(10));
        assertEquals("1.234", rows.get(1).get(13));
    }

    @Test
    void cellsCsvHasOneRowPerCellWithMedians() {
        Report report = Fixtures.full();
        List<List<String>> rows = parse(Csv.renderCells(report));
        assertEquals(report.cells().size() + 1, rows.size());
        List<String> header = rows.get(0);
        rows.forEach(r -> assertEquals(header.size(), r.size()));
        List<String> jzmtp = rows.get(1);
        assertEquals("3", jzmtp.get(header.indexOf("runs")));
        assertEquals(4.62e6, Double.parseDouble(jzmtp.get(header.indexOf("msgs_per_s_median"))), 1.0);
        assertEquals(4.158e6, Double.parseDouble(jzmtp.get(header.indexOf("msgs_per_s_min"))), 1.0);
        assertEquals(5.082e6, Double.parseDouble(jzmtp.get(header.indexOf("msgs_per_s_max"))), 1.0);
        List<String> lat = rows.stream().filter(r -> r.get(0).equals("jzmtp") && r.get(1).equals("lat"))
            .findFirst().orElseThrow();
        assertEquals(18.0, Double.parseDouble(lat.get(header.indexOf("lat_p50_us_median"))), 0.1);
    }
}
