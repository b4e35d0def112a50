package io.jzmtp.perf.bench.worker;

import java.util.concurrent.CompletableFuture;

/**
 * The latency workload: a server thread binds REP and echoes every request; a client thread connects REQ, does the
 * warm-up round trips, starts the {@link Meter}, does the timed round trips (each timed from just before the send to
 * just after the reply, the next one leaving at once) and stops it.
 */
final class LatDriver {
    private LatDriver() {
    }

    /** What the timed part cost, and every timed round trip in ns (null if not kept). */
    record Outcome(Meter.Measured measured, long[] roundTrips) {
    }

    /**
     * Runs the workload.
     *
     * @param peers the library's halves (closed here)
     * @param args the run's arguments
     * @param progress where each half says what it is doing
     * @return the cost and, if the arguments name a samples file, every round trip
     * @throws Exception if a half fails
     */
    static Outcome run(LatPeers peers, WorkerArgs args, Progress progress) throws Exception {
        String bindTo = Endpoints.bindTo(args.transport());
        CompletableFuture<String> bound = new CompletableFuture<>();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        long warmup = args.warmup();
        long count = args.count();
        long[] samples = args.samples() == null ? null : new long[(int) count];
        CompletableFuture<Void> server = Halves.start("worker-server", () -> {
            try {
                progress.set("server", "binding " + bindTo);
                bound.complete(peers.bindServer(bindTo));
                long total = warmup + count;
                progress.set("server", "echoing " + total + " requests");
                for (long i = 0; i < total; i++) {
                    peers.echo();
                }
            } catch (Throwable e) {
                bound.completeExceptionally(e);
                throw e;
            }
            progress.set("server", "waiting for the client to finish");
            outcome.join();
            peers.closeServer();
            progress.set("server", "done");
        });
        CompletableFuture<Void> client = Halves.start("worker-client", () -> {
            try {
                progress.set("client", "waiting for the server to bind");
                String endpoint = bound.join();
                progress.set("client", "connecting to " + endpoint);
                peers.connectClient(endpoint);
                Meter meter = new Meter();
                progress.set("client", "warm-up: " + warmup + " round trips");
                for (long i = 0; i < warmup; i++) {
                    peers.roundTrip();
                }
                progress.set("client", "timed part: " + count + " round trips");
                meter.start();
                for (long i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    peers.roundTrip();
                    long rt = System.nanoTime() - t0;
                    if (samples != null) {
                        samples[(int) i] = rt;
                    }
                }
                meter.stop();
                progress.set("client", "closing");
                peers.closeClient();
                progress.set("client", "done");
                outcome.complete(new Outcome(meter.measured(), samples));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        });
        try {
            Halves.await(server, client);
            return outcome.join();
        } finally {
            peers.close();
            Halves.settle(server, client);
            Endpoints.cleanUp(bindTo);
        }
    }
}
