package io.jzmtp.perf.bench.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What each half of a run is doing, for the watchdog's message when the deadline passes. Written a few times per
 * run (never per message), read once.
 */
final class Progress {
    private final Map<String, String> phases = new ConcurrentSkipListMap<>();

    /**
     * @param half which half, e.g. {@code receiver}
     * @param phase what it does now, e.g. {@code timed part}
     */
    void set(String half, String phase) {
        phases.put(half, phase);
    }

    /** @return what each half was last doing, e.g. {@code receiver: timed part; sender: sending} */
    String describe() {
        if (phases.isEmpty()) {
            return "starting";
        }
        StringBuilder sb = new StringBuilder();
        phases.forEach((half, phase) -> sb.append(sb.length() == 0 ? "" : "; ").append(half).append(": ").append(phase));
        return sb.toString();
    }
}
