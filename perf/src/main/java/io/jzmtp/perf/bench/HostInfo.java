package io.jzmtp.perf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** What the {@link Environment} says about the machine and the JDK, read from /proc and the JVM. */
public final class HostInfo {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private HostInfo() {
    }

    /** @return the CPU model from /proc/cpuinfo's "model name", or the architecture if there is none */
    public static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                int colon = line.indexOf(':');
                if (colon >= 0) {
                    return line.substring(colon + 1).strip();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    /** @return total memory, e.g. "23.5 GiB", from /proc/meminfo (or the JVM's view of it) */
    public static String memory() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.split("\\s+");
                try {
                    return gib(Long.parseLong(f[1]) * 1024);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    break;
                }
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return gib(os.getTotalMemorySize());
        }
        return "unknown";
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** @return os.name, os.version and os.arch */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
            + System.getProperty("os.arch") + ")";
    }

    /** @return the 1-minute load average from /proc/loadavg (or the JVM's view of it; -1 if unknown) */
    public static double loadAverage() {
        List<String> l = lines(Path.of("/proc/loadavg"));
        if (!l.isEmpty()) {
            try {
                return Double.parseDouble(l.get(0).split("\\s+")[0]);
            } catch (NumberFormatException e) {
                // fall through to the JVM's figure
            }
        }
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** @return the path of the java executable running this JVM */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The name and version of the JVM the workers run on: this JVM's properties when it is the same java, else
     * asked of that java ({@code -XshowSettings:properties -version}).
     *
     * @param java the workers' java
     * @return e.g. "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1"
     */
    public static String jdk(String java) {
        String own = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        if (sameFile(java, currentJava())) {
            return own;
        }
        try {
            Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version")
                .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String name = property(out, "java.vm.name");
            String version = property(out, "java.runtime.version");
            return name == null || version == null ? java + " (version unknown)" : name + " " + version;
        } catch (IOException e) {
            return java + " (cannot run: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java + " (version unknown)";
        }
    }

    private static String property(String settings, String key) {
        for (String line : settings.split("\\R")) {
            String t = line.strip();
            if (t.startsWith(key + " = ")) {
                return t.substring(key.length() + 3).strip();
            }
        }
        return null;
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    /**
     * Reconstructs the command line as one would type it from the repository root.
     *
     * @param mainClass the runner's class
     * @param args its arguments as given
     * @return {@code java -cp perf/target/benchmarks.jar <main class> <args>}, arguments quoted for a POSIX shell
     *     where needed
     */
    public static String commandLine(Class<?> mainClass, String[] args) {
        StringBuilder sb = new StringBuilder("java -cp perf/target/benchmarks.jar ").append(mainClass.getName());
        for (String a : args) {
            sb.append(' ').append(SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
