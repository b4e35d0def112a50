package io.jzmtp.perf.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The same PUSH/PULL throughput workload as {@link ThroughputRun}, with JeroMQ 0.6.0 on both sides, so that the two
 * can be compared in one run on one machine: {@code JeromqThroughputRun <message-size> <message-count> [runs]}.
 */
public final class JeromqThroughputRun {
    private JeromqThroughputRun() {
    }

    /**
     * @param args message-size, message-count, runs (default 3)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        long count = Long.parseLong(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            rates.add(once(size, count));
        }
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        System.out.printf("JeroMQ PUSH/PULL tcp %d B x %d: runs %s, median %.0f msg/s%n", size, count,
            rates.stream().map(d -> String.format("%.0f", d)).toList(), sorted.get(sorted.size() / 2));
    }

    private static double once(int size, long count) throws Exception {
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket pull = ctx.createSocket(SocketType.PULL);
            pull.setRcvHWM(0);
            int port = pull.bindToRandomPort("tcp://127.0.0.1");
            CompletableFuture<Double> local = CompletableFuture.supplyAsync(() -> {
                pull.recv();
                long start = System.nanoTime();
                for (long i = 1; i < count; i++) {
                    pull.recv();
                }
                return count * 1e9 / (System.nanoTime() - start);
            });
            try (ZContext sctx = new ZContext()) {
                ZMQ.Socket push = sctx.createSocket(SocketType.PUSH);
                push.setSndHWM(0);
                push.connect("tcp://127.0.0.1:" + port);
                byte[] body = new byte[size];
                for (long i = 0; i < count; i++) {
                    push.send(body);
                }
                return local.get(5, TimeUnit.MINUTES);
            }
        }
    }
}
