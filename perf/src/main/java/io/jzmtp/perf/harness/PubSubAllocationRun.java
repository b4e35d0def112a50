package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.FrameConsumer;
import io.jzmtp.PubSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Bytes allocated per message on every jzmtp thread for PUB/SUB through the garbage-free frame API:
 * {@code PubSubAllocationRun <endpoint> <size> <count>}. A PUB drops what its subscriber cannot take, so the
 * figure is the allocation of sender, receiver and I/O threads over the measured half divided by the messages the
 * subscriber received in it (the larger, conservative figure). The first half warms up.
 */
public final class PubSubAllocationRun {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private PubSubAllocationRun() {
    }

    /**
     * @param args endpoint, message size, message count
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        String endpoint = args.length > 0 ? args[0] : "tcp://127.0.0.1:*";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub(SocketOptions.builder().sendHwm(10_000).build());
             SubSocket sub = ctx.sub(SocketOptions.builder().receiveHwm(10_000).build())) {
            sub.connect(pub.bind(endpoint));
            sub.subscribe("");
            AtomicLong received = new AtomicLong();
            AtomicLong lastArrival = new AtomicLong(System.nanoTime());
            long[] receiverBytes = new long[1];
            CompletableFuture<Void> receiver = CompletableFuture.runAsync(() -> {
                FrameConsumer sink = (b, o, l, more) -> { };
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                    if (sub.receive(sink, TimeUnit.MILLISECONDS.toNanos(50)) > 0) {
                        received.incrementAndGet();
                        lastArrival.set(System.nanoTime());
                    }
                    receiverBytes[0] = THREADS.getCurrentThreadAllocatedBytes();
                }
            });
            UnsafeBuffer body = new UnsafeBuffer(new byte[size]);
            while (received.get() == 0) { // the subscription reaches the PUB asynchronously: send until one arrives
                pub.send(body, 0, size, 0);
                LockSupport.parkNanos(1_000_000L);
            }
            phase(pub, body, size, count / 2, lastArrival);
            long r0 = received.get();
            long s0 = THREADS.getCurrentThreadAllocatedBytes();
            long rb0 = receiverBytes[0];
            long io0 = ioAllocated();
            phase(pub, body, size, count / 2, lastArrival);
            long delivered = received.get() - r0;
            long total = THREADS.getCurrentThreadAllocatedBytes() - s0 + receiverBytes[0] - rb0 + ioAllocated() - io0;
            receiver.cancel(true);
            System.out.printf("PUB/SUB garbage-free API, %s, %d B: %d of %d delivered, %.4f B/message%n", endpoint,
                size, delivered, count / 2, (double) total / Math.max(1, delivered));
        }
    }

    /** Sends n messages, then waits until the subscriber has been quiet for a while (what it will get, it got). */
    private static void phase(PubSocket pub, UnsafeBuffer body, int size, int n, AtomicLong lastArrival) {
        for (int i = 0; i < n; i++) {
            pub.send(body, 0, size, 0);
        }
        while (System.nanoTime() - lastArrival.get() < QUIET_NANOS) {
            LockSupport.parkNanos(10_000_000L); // polling the receiver's progress; bounded by its quiet period
        }
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
}
