package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.PullSocket;
import java.util.Map;
import java.util.TreeMap;

/**
 * Divide and conquer, step 3: the sink PULLs results from every worker (fair-queued) and totals them.
 *
 * <p>The ventilator's "START n" says how many results to expect. It travels on its own connection, so it may arrive
 * after the first results; the sink therefore accepts the two kinds of message in any order. Argument: endpoint
 * (default {@code tcp://*:5558}).
 */
public final class TaskSink {
    /** What the sink collected: the summed costs and how many tasks each worker did. */
    public record Batch(int tasks, long totalCost, Map<String, Integer> tasksPerWorker, long elapsedNanos) {
    }

    private TaskSink() {
    }

    /**
     * Collects one batch.
     *
     * @param results a bound PULL socket
     * @return the batch's totals
     */
    public static Batch collect(PullSocket results) {
        int expected = -1;
        int received = 0;
        long totalCost = 0;
        long start = 0;
        Map<String, Integer> perWorker = new TreeMap<>();
        while (expected < 0 || received < expected) {
            String[] fields = results.receiveString().split(" ");
            if (fields[0].equals("START")) {
                expected = Integer.parseInt(fields[1]);
                start = System.nanoTime();
            } else { // DONE worker cost
                perWorker.merge(fields[1], 1, Integer::sum);
                totalCost += Long.parseLong(fields[2]);
                received++;
            }
        }
        return new Batch(received, totalCost, perWorker, System.nanoTime() - start);
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create(); PullSocket results = ctx.pull()) {
            results.bind(args.length > 0 ? args[0] : "tcp://*:5558");
            Batch batch = collect(results);
            System.out.printf("%d tasks, total cost %d ms, done in %d ms by %s%n", batch.tasks(), batch.totalCost(),
                batch.elapsedNanos() / 1_000_000, batch.tasksPerWorker());
        }
    }
}
