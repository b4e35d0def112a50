package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.PushSocket;
import io.jzmtp.ZSocket;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Divide and conquer, step 1: the ventilator hands out tasks over PUSH; workers PULL them, round-robin.
 *
 * <p>PUSH only distributes among the workers connected at that moment: if it starts before they have all joined,
 * the first worker to connect gets the whole batch. So the ventilator waits until the expected number of workers
 * have completed their handshake (from its socket's monitor), tells the sink a batch is starting and how big it is,
 * and only then sends. Each task is its cost in milliseconds. Arguments: workers expected (default 3), tasks
 * (default 100), task endpoint (default {@code tcp://*:5557}), sink endpoint (default {@code tcp://localhost:5558}).
 */
public final class TaskVentilator {
    private TaskVentilator() {
    }

    /**
     * Waits for the workers, announces the batch to the sink, then sends the tasks.
     *
     * @param tasks a bound PUSH socket the workers connect to
     * @param sink a PUSH socket connected to the sink
     * @param workers how many workers to wait for
     * @param taskCount how many tasks to send
     * @param seed random seed for the task costs
     * @return the total cost of the tasks sent, in milliseconds
     */
    public static long run(PushSocket tasks, PushSocket sink, int workers, int taskCount, long seed) {
        awaitPeers(tasks, workers);
        sink.send("START " + taskCount);
        SplittableRandom random = new SplittableRandom(seed);
        long totalCost = 0;
        for (int i = 0; i < taskCount; i++) {
            int cost = random.nextInt(1, 10);
            totalCost += cost;
            tasks.send(Integer.toString(cost));
        }
        return totalCost;
    }

    /**
     * Blocks until {@code n} peers are attached. A bound socket attaches a peer only once its handshake is done; the
     * socket's monitor wakes us on each event, and the count is checked again (with a bounded wait, so an event that
     * happened before the monitor existed cannot leave us waiting).
     */
    static void awaitPeers(ZSocket socket, int n) {
        while (socket.peerCount() < n) {
            socket.monitor().poll(Duration.ofMillis(100));
        }
    }

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int taskCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (Context ctx = Context.create(); PushSocket tasks = ctx.push(); PushSocket sink = ctx.push()) {
            tasks.bind(args.length > 2 ? args[2] : "tcp://*:5557");
            sink.connect(args.length > 3 ? args[3] : "tcp://localhost:5558");
            System.out.println("waiting for " + workers + " workers");
            System.out.println("sent tasks costing " + run(tasks, sink, workers, taskCount, System.nanoTime()) + " ms");
        }
    }
}
