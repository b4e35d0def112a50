package io.jzmtp.perf.bench.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The throughput workload: a receiver thread binds PULL, a sender thread connects PUSH and sends warm-up plus timed
 * messages as fast as it can. The receiver takes the warm-up messages, starts the {@link Meter}, takes the timed ones
 * and stops it.
 *
 * <p>The warm-up starts with a backlog: the receiver takes nothing until the sender has sent every warm-up message
 * or has stalled against the high-water marks. The timed part then starts with every queue and buffer pool of both
 * libraries already grown to the largest backlog the run can build (the receiver falls behind now and then on a
 * busy host), so what it measures is the steady state, not a pool still growing. The C worker does the same.
 */
final class ThrDriver {
    /**
     * The sender counts as stalled once its count has not moved for this long. 20 ms was too short: at 16 KiB over
     * tcp the sender can wait that long for its pipe to drain to the low-water mark while the receiving side is
     * still filling, and a run then started timing with the receiving pool two thirds grown (counted: 630-1001 of
     * the 1001 messages it reaches) and grew it during the timed part (up to 178 KB in a run). At 200 ms every run
     * counted reached 1001.
     */
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private ThrDriver() {
    }

    /** Waits until {@code sent} reaches {@code target} or stops moving for {@link #STALL_NANOS}. */
    private static void awaitBacklog(AtomicLong sent, long target) {
        long last = -1;
        long since = System.nanoTime();
        while (true) {
            long now = sent.get();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= STALL_NANOS) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
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
        AtomicLong warmupSent = new AtomicLong();
        CompletableFuture<Void> receiver = Halves.start("worker-receiver", () -> {
            try {
                progress.set("receiver", "binding " + bindTo);
                bound.complete(peers.bindReceiver(bindTo));
                Meter meter = new Meter();
                progress.set("receiver", "warm-up: waiting for a backlog");
                awaitBacklog(warmupSent, warmup);
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
            progress.set("sender", "sending " + (warmup + count) + " messages");
            for (long i = 0; i < warmup; i++) {
                peers.send();
                warmupSent.lazySet(i + 1);
            }
            for (long i = 0; i < count; i++) {
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
