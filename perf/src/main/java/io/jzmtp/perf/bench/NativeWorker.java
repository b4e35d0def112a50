package io.jzmtp.perf.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the perf module's folder and compiles the libzmq worker ({@code perf/native/zmq_worker.c}) with gcc, when
 * gcc and libzmq's header are there, into {@code perf/target/native/zmq_worker}; it is compiled again only when the
 * source is newer than the binary.
 */
public final class NativeWorker {
    /** The C source, relative to the perf folder. */
    public static final String SOURCE = "native/zmq_worker.c";
    /** libzmq's header, which Debian's libzmq3-dev installs. */
    public static final Path HEADER = Path.of("/usr/include/zmq.h");
    /** What to tell the reader when the tools are missing. */
    public static final String INSTALL_HINT = "apt-get install libzmq3-dev";

    private NativeWorker() {
    }

    /**
     * Either the worker binary, ready to run, or why there is none.
     *
     * @param binary the compiled worker, or null
     * @param reason why there is none (null if there is one)
     * @param compiled true if it was compiled just now (false if the binary was up to date)
     */
    public record Outcome(Path binary, String reason, boolean compiled) {
        /** @return true if the binary can be run */
        public boolean ready() {
            return binary != null;
        }
    }

    /**
     * Finds perf's folder: the working directory if it is perf (holds {@value #SOURCE} and a pom), its {@code perf}
     * subfolder if it is the repository root, else the folder two levels above a {@code benchmarks.jar} on the class
     * path ({@code perf/target/benchmarks.jar}).
     *
     * @param workingDirectory where the runner was started
     * @param classPath the runner's class path ({@code java.class.path})
     * @return the perf folder, absolute, if found
     */
    public static Optional<Path> locatePerfDir(Path workingDirectory, String classPath) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        if (isPerfDir(cwd.resolve("perf"))) {
            return Optional.of(cwd.resolve("perf"));
        }
        if (isPerfDir(cwd)) {
            return Optional.of(cwd);
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.getFileName() != null && p.getFileName().toString().equals("benchmarks.jar")
                && p.getParent() != null && p.getParent().getParent() != null
                && isPerfDir(p.getParent().getParent())) {
                return Optional.of(p.getParent().getParent());
            }
        }
        return Optional.empty();
    }

    private static boolean isPerfDir(Path dir) {
        return Files.isRegularFile(dir.resolve(SOURCE)) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /**
     * Makes sure the worker binary exists and is not older than its source, compiling it if needed.
     *
     * @param perfDir perf's folder, or null if it was not found
     * @param binary where the binary goes
     * @return the binary or why there is none
     */
    public static Outcome prepare(Path perfDir, Path binary) {
        if (perfDir == null) {
            return new Outcome(null, "cannot find perf/" + SOURCE + " (run from the repository root or perf/)",
                false);
        }
        Path source = perfDir.resolve(SOURCE);
        Optional<Path> gcc = onPath("gcc");
        if (gcc.isEmpty() || !Files.isRegularFile(HEADER)) {
            String missing = gcc.isEmpty() && !Files.isRegularFile(HEADER) ? "gcc/zmq.h missing"
                : gcc.isEmpty() ? "gcc missing" : "zmq.h missing";
            return new Outcome(null, missing + "; " + INSTALL_HINT, false);
        }
        try {
            if (Files.isExecutable(binary)
                && !Files.getLastModifiedTime(source).toInstant()
                    .isAfter(Files.getLastModifiedTime(binary).toInstant())) {
                return new Outcome(binary, null, false);
            }
            Files.createDirectories(binary.toAbsolutePath().getParent());
            List<String> cmd = List.of(gcc.get().toString(), "-O2", "-Wall", "-o", binary.toString(),
                source.toString(), "-lzmq", "-lpthread");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(null, "gcc did not finish within 120 s", false);
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                return new Outcome(null, "gcc failed (exit " + p.exitValue() + "): "
                    + ProcessOutput.tail(text, 6, 800), false);
            }
            return new Outcome(binary, null, true);
        } catch (IOException e) {
            return new Outcome(null, "cannot compile " + source + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while compiling", false);
        }
    }

    /**
     * @param program a program's name
     * @return its path, if an executable of that name is in one of PATH's folders
     */
    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
