package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.FrameConsumer;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Measures bytes allocated per message on every jzmtp thread (sender, receiver, I/O threads) for PUSH/PULL, through
 * the garbage-free frame API and the convenience API: {@code AllocationRun <endpoint> <size> <count>}. The first
 * half of the messages warms up; the second half is measured with the JVM's per-thread allocation counters.
 */
public final class AllocationRun {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationRun() {
    }

    /**
     * @param args endpoint, message size, message count
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        String endpoint = args.length > 0 ? args[0] : "tcp://127.0.0.1:*";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        System.out.printf("garbage-free API, %s, %d B: %.3f B/message%n", endpoint, size, run(endpoint, size, count, true));
        System.out.printf("convenience API,  %s, %d B: %.3f B/message%n", endpoint, size, run(endpoint, size, count, false));
    }

    private static long ioAllocated() {
        long sum = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("jzmtp-io")) {
                sum += THREADS.getThreadAllocatedBytes(e.getKey().getId());
            }
        }
        return sum;
    }

    static double run(String endpoint, int size, int count, boolean frames) throws Exception {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull(SocketOptions.builder().receiveHwm(10_000).build());
             PushSocket push = ctx.push(SocketOptions.builder().sendHwm(10_000).build())) {
            push.connect(pull.bind(endpoint));
            int half = count / 2;
            long[] receiverBytes = new long[2];
            long[] ioBytes = new long[1];
            CompletableFuture<Void> receiver = CompletableFuture.runAsync(() -> {
                FrameConsumer sink = (b, o, l, more) -> { };
                for (int i = 0; i < count; i++) {
                    if (i == half) {
                        receiverBytes[0] = THREADS.getCurrentThreadAllocatedBytes();
                        ioBytes[0] = ioAllocated();
                    }
                    if (frames) {
                        pull.receive(sink, -1);
                    } else {
                        pull.receive();
                    }
                }
                receiverBytes[1] = THREADS.getCurrentThreadAllocatedBytes();
            });
            UnsafeBuffer body = new UnsafeBuffer(new byte[size]);
            byte[] bytes = new byte[size];
            long senderStart = 0;
            for (int i = 0; i < count; i++) {
                if (i == half) {
                    senderStart = THREADS.getCurrentThreadAllocatedBytes();
                }
                if (frames) {
                    push.send(body, 0, size, -1);
                } else {
                    push.send(Message.of(bytes));
                }
            }
            long senderBytes = THREADS.getCurrentThreadAllocatedBytes() - senderStart;
            receiver.get(5, TimeUnit.MINUTES);
            long io = ioAllocated() - ioBytes[0];
            long total = senderBytes + (receiverBytes[1] - receiverBytes[0]) + io;
            return (double) total / (count - half);
        }
    }
}
