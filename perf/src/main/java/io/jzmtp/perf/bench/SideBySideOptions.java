package io.jzmtp.perf.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@link SideBySide}'s command line, parsed with picocli's programmatic API (annotations would need an annotation
 * processor to claim them, or the build's {@code -Xlint:all -Werror} fails on "no processor claimed").
 *
 * <p>List options are comma-separated; an option not given takes its default, and {@code --quick} changes the
 * defaults of sizes (64,16384), modes (blocking) and repeats (1) and scales the counts down, while options given
 * explicitly still win. {@code --quick} leaves jzmtp-bytes and jzmtp-zc out of the default implementations
 * too. jzmtp-zc (the payload lent without a copy) runs thr workloads of 16 KiB and more only.
 *
 * @param impls {@code --impls}, null if not given
 * @param sizes {@code --sizes}, null if not given
 * @param transports {@code --transports}, null if not given
 * @param modes {@code --modes}, null if not given
 * @param latSizes {@code --lat-sizes}, null if not given
 * @param repeats {@code --repeats}, null if not given
 * @param out {@code --out}, null if not given
 * @param jvmFlags {@code --jvm-flags}
 * @param quick {@code --quick}
 * @param java {@code --java}, null if not given
 * @param skipLimits {@code --skip-limits}
 * @param timeoutSeconds {@code --timeout}
 * @param help {@code --help}
 */
public record SideBySideOptions(List<String> impls, List<Integer> sizes, List<String> transports, List<String> modes,
                                List<Integer> latSizes, Integer repeats, Path out, String jvmFlags, boolean quick,
                                String java, boolean skipLimits, int timeoutSeconds, boolean help) {

    /** The default flags of every JVM worker: a fixed heap (no resizing in the timed part), the collector named. */
    public static final String DEFAULT_JVM_FLAGS = "-Xms1g -Xmx1g -XX:+UseG1GC";
    /** The default deadline of each worker run, seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    /** @return the command's model, for parsing and for the usage text */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("side-by-side");
        spec.usageMessage().description(
            "Compares jzmtp, JeroMQ and libzmq on the same workloads, one worker process per run.");
        list(spec, "--impls", "IMPL", String.class, "Implementations (default: jzmtp,jzmtp-msg,jzmtp-bytes,jzmtp-zc,"
            + "jeromq,libzmq; --quick: jzmtp,jzmtp-msg,jeromq,libzmq). jzmtp-zc runs thr of 16 KiB and more only.");
        list(spec, "--sizes", "BYTES", Integer.class, "thr message sizes (default: 1,64,1024,16384,65536; "
            + "--quick: 64,16384).");
        list(spec, "--transports", "T", String.class, "tcp, inproc, ipc (default: tcp,inproc).");
        list(spec, "--modes", "MODE", String.class, "blocking, spin (default: blocking,spin; --quick: blocking).");
        list(spec, "--lat-sizes", "BYTES", Integer.class, "lat request sizes (default: 1).");
        spec.addOption(OptionSpec.builder("--repeats").paramLabel("N").type(Integer.class)
            .description("Runs of every cell (default: 3; --quick: 1).").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class)
            .description("Where to write results.md, results.csv, cells.csv and the charts "
                + "(default: perf/target/side-by-side).").build());
        spec.addOption(OptionSpec.builder("--jvm-flags").paramLabel("FLAGS").type(String.class)
            .description("Flags of every JVM worker, space-separated (default: " + DEFAULT_JVM_FLAGS + ").")
            .build());
        flag(spec, "--quick", "A short run: the defaults marked --quick above and smaller counts.");
        spec.addOption(OptionSpec.builder("--java").paramLabel("PATH").type(String.class)
            .description("java for the JVM workers (default: the one running this).").build());
        flag(spec, "--skip-limits", "Do not measure the loopback limits.");
        spec.addOption(OptionSpec.builder("--timeout").paramLabel("SECONDS").type(Integer.class)
            .description("Deadline of each worker run (default: " + DEFAULT_TIMEOUT_SECONDS + ").").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
        return spec;
    }

    private static void list(CommandSpec spec, String name, String label, Class<?> element, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(element)
            .splitRegex(",").description(description).build());
    }

    private static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build());
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments
     * @return the options
     * @throws CommandLine.ParameterException if an option is unknown or its value does not parse
     */
    public static SideBySideOptions parse(String... args) {
        ParseResult r = new CommandLine(spec()).parseArgs(args);
        return new SideBySideOptions(r.matchedOptionValue("--impls", null), r.matchedOptionValue("--sizes", null),
            r.matchedOptionValue("--transports", null), r.matchedOptionValue("--modes", null),
            r.matchedOptionValue("--lat-sizes", null), r.matchedOptionValue("--repeats", null),
            r.matchedOptionValue("--out", null), r.matchedOptionValue("--jvm-flags", DEFAULT_JVM_FLAGS),
            r.hasMatchedOption("--quick"), r.matchedOptionValue("--java", null),
            r.hasMatchedOption("--skip-limits"), r.matchedOptionValue("--timeout", DEFAULT_TIMEOUT_SECONDS),
            r.isUsageHelpRequested());
    }

    /** @return what to run, with the {@code --quick} defaults applied to the options not given */
    public Plan plan() {
        return new Plan(impls != null ? impls : quick ? Plan.QUICK_IMPLS : Plan.ALL_IMPLS,
            sizes != null ? sizes : quick ? List.of(64, 16384) : List.of(1, 64, 1024, 16384, 65536),
            transports != null ? transports : List.of("tcp", "inproc"),
            modes != null ? modes : quick ? List.of("blocking") : List.of("blocking", "spin"),
            latSizes != null ? latSizes : List.of(1),
            repeats != null ? repeats : quick ? 1 : 3, quick);
    }

    /** @return the JVM workers' flags, one per element */
    public List<String> jvmFlagList() {
        return Arrays.stream(jvmFlags.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the java for the JVM workers */
    public String javaCommand() {
        return java != null ? java : HostInfo.currentJava();
    }

    /**
     * @param perfDir perf's folder, if found
     * @return {@code --out}, else {@code target/side-by-side} in perf's folder, else {@code perf/target/side-by-side}
     */
    public Path outDir(Optional<Path> perfDir) {
        if (out != null) {
            return out;
        }
        return perfDir.map(d -> d.resolve("target").resolve("side-by-side"))
            .orElse(Path.of("perf", "target", "side-by-side"));
    }
}
