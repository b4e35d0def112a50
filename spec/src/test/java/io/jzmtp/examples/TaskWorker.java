package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.core.ContextClosedException;

/**
 * Divide and conquer, step 2: a worker PULLs tasks from the ventilator, "does" them, and PUSHes results to the sink.
 *
 * <p>Workers can come and go: they connect to the two fixed points (ventilator and sink), which bind. A worker runs
 * until its context is closed. Each result names the worker and echoes the task's cost, so the sink can check that
 * every task was done once. Arguments: name, task endpoint, sink endpoint (defaults: "worker", tcp://localhost:5557
 * and tcp://localhost:5558).
 */
public final class TaskWorker {
    private TaskWorker() {
    }

    /**
     * Works until the context is closed.
     *
     * @param ctx the context (the sockets are created and used on the calling thread)
     * @param name this worker's name, put in each result
     * @param taskEndpoint the ventilator's endpoint
     * @param sinkEndpoint the sink's endpoint
     * @param simulateWork whether to sleep for each task's cost (false in tests: the cost is only a number then)
     * @return the number of tasks done
     */
    public static int run(Context ctx, String name, String taskEndpoint, String sinkEndpoint, boolean simulateWork) {
        int done = 0;
        try (PullSocket tasks = ctx.pull(); PushSocket results = ctx.push()) {
            tasks.connect(taskEndpoint);
            results.connect(sinkEndpoint);
            while (true) {
                String cost = tasks.receiveString();
                if (simulateWork) {
                    Thread.sleep(Integer.parseInt(cost));
                }
                results.send("DONE " + name + " " + cost);
                done++;
            }
        } catch (ContextClosedException | InterruptedException stop) {
            return done;
        }
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create()) {
            run(ctx, args.length > 0 ? args[0] : "worker", args.length > 1 ? args[1] : "tcp://localhost:5557",
                args.length > 2 ? args[2] : "tcp://localhost:5558", true);
        }
    }
}
