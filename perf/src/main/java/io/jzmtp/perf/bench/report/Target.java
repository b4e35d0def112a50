package io.jzmtp.perf.bench.report;

/**
 * One line of the targets checklist.
 *
 * @param what what is compared, e.g. "tcp thr PUSH/PULL blocking, 1 B: jzmtp / libzmq msg/s"
 * @param need the bar, e.g. "≥ 1.25x"
 * @param measured the measured figure as shown, e.g. "1.32x", or why it was not measured
 * @param verdict met, missed, not measured, or information (not judged)
 */
record Target(String what, String need, String measured, Verdict verdict) {

    /** Whether a target was met. */
    enum Verdict {
        /** Measured and at or past the bar. */
        MET("met"),
        /** Measured and short of the bar. */
        MISSED("missed"),
        /** A cell the comparison needs is absent. */
        NOT_MEASURED("not measured"),
        /** Shown for information, not judged (nor counted). */
        INFO("information");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** @return the word the checklist prints */
        String text() {
            return text;
        }
    }
}
