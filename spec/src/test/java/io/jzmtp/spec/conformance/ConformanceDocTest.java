package io.jzmtp.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code spec/CONFORMANCE.md} true: each clause's status is "tested: ..." exactly when some test in the
 * repository cites its ID (as {@code 23-FRAME-5} in a name, display name or comment, or as {@code rfc23_FRAME_5}
 * in a method name), and the status summary counts what the table says.
 *
 * <p>Regenerate the file with {@code mvn -B -pl spec test -Dtest=ConformanceDocTest -Dconformance.write=true}.
 */
class ConformanceDocTest {
    private static final Pattern ROW =
        Pattern.compile("^\\| ((?:23|37|24|28|29|30|31)-[A-Z]+-\\d+) \\|(.*)\\| ([^|]*) \\|$");
    private static final Pattern CITATION = Pattern.compile("\\b(23|37|24|28|29|30|31)-([A-Z]+)-(\\d+)\\b");
    private static final Pattern METHOD_CITATION = Pattern.compile("\\brfc(23|37|24|28|29|30|31)_([A-Z]+)_(\\d+)");
    private static final String SUMMARY_HEADING = "Status breakdown";

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        return Files.exists(p.resolve("spec/CONFORMANCE.md")) ? p : p.getParent();
    }

    @Test
    void documentIsCurrent() throws IOException {
        Path doc = root().resolve("spec/CONFORMANCE.md");
        String current = Files.readString(doc, StandardCharsets.UTF_8);
        String generated = generate(current, citations(root()));
        if (Boolean.getBoolean("conformance.write")) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(doc, StandardCharsets.UTF_8),
            "spec/CONFORMANCE.md is stale: regenerate it with "
                + "mvn -B -pl spec test -Dtest=ConformanceDocTest -Dconformance.write=true");
    }

    @Test
    void everyCitedClauseExists() throws IOException {
        String doc = Files.readString(root().resolve("spec/CONFORMANCE.md"), StandardCharsets.UTF_8);
        Set<String> ids = new TreeSet<>();
        for (String line : doc.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        Set<String> unknown = new TreeSet<>(citations(root()).keySet());
        unknown.removeAll(ids);
        assertTrue(unknown.isEmpty(), "tests cite clauses that CONFORMANCE.md does not list: " + unknown);
    }

    /** Maps each cited clause ID to the simple names of the test classes citing it. */
    static Map<String, Set<String>> citations(Path root) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, 12)) {
            files = s.filter(p -> p.toString().endsWith(".java"))
                .filter(p -> p.toString().contains("/src/test/java/"))
                .filter(p -> !p.getFileName().toString().equals("ConformanceDocTest.java"))
                .toList();
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String cls = f.getFileName().toString().replace(".java", "");
            for (Pattern p : List.of(CITATION, METHOD_CITATION)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    out.computeIfAbsent(m.group(1) + "-" + m.group(2) + "-" + m.group(3), k -> new TreeSet<>()).add(cls);
                }
            }
        }
        return out;
    }

    static String generate(String doc, Map<String, Set<String>> cited) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\n", -1)));
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String rfc : List.of("23", "37", "24", "28", "29", "30", "31")) {
            counts.put(rfc, new LinkedHashMap<>());
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String id = m.group(1);
            String status = m.group(3).trim();
            Set<String> by = cited.get(id);
            if (by != null) {
                status = "tested: " + String.join(", ", by);
            } else if (status.startsWith("tested")) {
                status = "not yet (codec)";
            }
            lines.set(i, "| " + id + " |" + m.group(2) + "| " + status + " |");
            String bucket = status.startsWith("tested") ? "tested" : status.startsWith("n/a") ? "n/a" : status;
            counts.get(id.substring(0, 2)).merge(bucket, 1, Integer::sum);
        }
        return replaceSummary(String.join("\n", lines), counts);
    }

    private static String replaceSummary(String doc, Map<String, Map<String, Integer>> counts) {
        int start = doc.indexOf(SUMMARY_HEADING);
        if (start < 0) {
            return doc;
        }
        int tableStart = doc.indexOf("\n|", start);
        int tableEnd = doc.indexOf("\n\n", tableStart + 1);
        Set<String> buckets = new TreeSet<>();
        counts.values().forEach(m -> buckets.addAll(m.keySet()));
        StringBuilder t = new StringBuilder("\n| RFC | ").append(String.join(" | ", buckets)).append(" |\n|---|");
        buckets.forEach(b -> t.append("---|"));
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            t.append("\n| ").append(e.getKey()).append(" |");
            for (String b : buckets) {
                t.append(' ').append(e.getValue().getOrDefault(b, 0)).append(" |");
            }
        }
        String head = doc.substring(0, start) + SUMMARY_HEADING + " (generated by ConformanceDocTest from the table above):\n";
        return head + t + (tableEnd < 0 ? "\n" : doc.substring(tableEnd));
    }
}
