package io.jzmtp.perf.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link LocalThr} and {@link RemoteThr} in one JVM (two contexts, tcp loopback) several times and prints the
 * median: {@code ThroughputRun <endpoint> <message-size> <message-count> [runs]}.
 */
public final class ThroughputRun {
    private ThroughputRun() {
    }

    /**
     * @param args endpoint (e.g. tcp://127.0.0.1:*), message-size, message-count, runs (default 3)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        int size = Integer.parseInt(args[1]);
        long count = Long.parseLong(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            CompletableFuture<String> bound = new CompletableFuture<>();
            CompletableFuture<LocalThr.Result> local = CompletableFuture.supplyAsync(
                () -> LocalThr.run(endpoint, size, count, bound::complete));
            RemoteThr.run(bound.get(), size, count);
            LocalThr.Result res = local.get();
            res.print(System.out);
            rates.add(res.messagesPerSecond());
        }
        Collections.sort(rates);
        System.out.printf("jzmtp PUSH/PULL %s %d B x %d: runs %s, median %.0f msg/s%n", endpoint, size, count,
            rates.stream().map(d -> String.format("%.0f", d)).toList(), rates.get(rates.size() / 2));
    }
}
