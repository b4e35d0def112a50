package io.jzmtp.perf.bench;

/** Helpers for quoting what a process printed. */
public final class ProcessOutput {
    private ProcessOutput() {
    }

    /**
     * The end of a process's output, for a note: its last lines, at most so many characters, on one line
     * (lines joined with "; ").
     *
     * @param text the whole output
     * @param lines how many lines at most
     * @param chars how many characters at most (the tail is kept)
     * @return the tail, or "(no output)"
     */
    public static String tail(String text, int lines, int chars) {
        String[] all = text.strip().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            String line = all[i].strip();
            if (!line.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(line);
            }
        }
        if (sb.length() == 0) {
            return "(no output)";
        }
        return sb.length() <= chars ? sb.toString() : "..." + sb.substring(sb.length() - chars);
    }
}
