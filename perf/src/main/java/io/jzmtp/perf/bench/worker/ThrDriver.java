package io.jzmtp.perf.bench.worker;

import java.util.concurrent.CompletableFuture;

/**
 * The throughput workload: a receiver thread binds PULL, a sender thread connects PUSH and sends warm-up plus timed
 * messages as fast as it can. The receiver takes the warm-up messages, starts the {@link Meter}, takes the timed ones
 * and stops it.
 */
final class ThrDriver {
    private ThrDriver() {
    }

    /**
     * Runs the workload.
     *
     * @param peers the library's halves (closed here)
     * @param args the run's arguments
     * @param progress where each half says what it is doing
     * @return what the timed part cost
     * @throws Exception if a half fails
     */
    static Meter.Measured run(ThrPeers peers, WorkerArgs args, Progress progress) throws Exception {
        String bindTo = Endpoints.bindTo(args.transport());
        CompletableFuture<String> bound = new CompletableFuture<>();
        CompletableFuture<Meter.Measured> measured = new CompletableFuture<>();
        long warmup = args.warmup();
        long count = args.count();
        CompletableFuture<Void> receiver = Halves.start("worker-receiver", () -> {
            try {
                progress.set("receiver", "binding " + bindTo);
                bound.complete(peers.bindReceiver(bindTo));
                Meter meter = new Meter();
                progress.set("receiver", "warm-up: " + warmup + " messages");
                for (long i = 0; i < warmup; i++) {
                    peers.receive();
                }
                progress.set("receiver", "timed part: " + count + " messages");
                meter.start();
                for (long i = 0; i < count; i++) {
                    peers.receive();
                }
                meter.stop();
                progress.set("receiver", "closing");
                peers.closeReceiver();
                progress.set("receiver", "done");
                measured.complete(meter.measured());
            } catch (Throwable e) {
                bound.completeExceptionally(e);
                measured.completeExceptionally(e);
                throw e;
            }
        });
        CompletableFuture<Void> sender = Halves.start("worker-sender", () -> {
            progress.set("sender", "waiting for the receiver to bind");
            String endpoint = bound.join();
            progress.set("sender", "connecting to " + endpoint);
            peers.connectSender(endpoint);
            long total = warmup + count;
            progress.set("sender", "sending " + total + " messages");
            for (long i = 0; i < total; i++) {
                peers.send();
            }
            progress.set("sender", "waiting for the receiver to finish");
            measured.join();
            peers.closeSender();
            progress.set("sender", "done");
        });
        try {
            Halves.await(receiver, sender);
            return measured.join();
        } finally {
            peers.close();
            Halves.settle(receiver, sender);
            Endpoints.cleanUp(bindTo);
        }
    }
}
