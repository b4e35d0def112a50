package io.jzmtp.perf.bench;

import java.util.List;

/**
 * A whole side-by-side comparison: what the runner hands to the writers of Markdown, CSV and charts.
 *
 * @param environment machine, JDK, flags, versions, command
 * @param limits the loopback limits (null if not measured)
 * @param cells every workload's runs
 * @param notes anything the reader must know (an implementation not measured and why, a failed run)
 */
public record Report(Environment environment, LoopbackLimits limits, List<Cell> cells, List<String> notes) {
}
