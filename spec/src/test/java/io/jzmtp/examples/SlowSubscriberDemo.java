package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.PubSocket;
import io.jzmtp.RepSocket;
import io.jzmtp.SocketOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the high-water mark does when a subscriber is slow: the publisher never waits for it, and the updates that
 * do not fit in its queue are dropped for that subscriber only.
 *
 * <p>A synchronised publisher ({@link SyncPublisher}) has two subscribers. The fast one has no receive HWM (0 means
 * unlimited), so its queue holds everything. The slow one has a small receive HWM and does not read at all until the
 * publisher has finished (think of a long pause). Over inproc a queue holds exactly the publisher's send HWM plus the
 * subscriber's receive HWM; over tcp the kernel's socket buffers would hold more on top, which is why this demo uses
 * inproc. Arguments: updates, publisher send HWM, slow subscriber receive HWM (defaults 10000, 100, 10).
 */
public final class SlowSubscriberDemo {
    /** How each subscriber fared, and what the publisher sent. */
    public record Result(int published, SyncSubscriber.Tally fast, SyncSubscriber.Tally slow) {
    }

    private SlowSubscriberDemo() {
    }

    /**
     * Runs the publisher on the calling thread and the two subscribers on their own threads.
     *
     * @param updates how many updates to publish
     * @param publisherHwm the PUB's send HWM
     * @param slowHwm the slow subscriber's receive HWM
     * @return the counts
     * @throws InterruptedException if interrupted while waiting for the subscribers
     */
    public static Result run(int updates, int publisherHwm, int slowHwm) throws InterruptedException {
        AtomicReference<SyncSubscriber.Tally> fast = new AtomicReference<>();
        AtomicReference<SyncSubscriber.Tally> slow = new AtomicReference<>();
        CountDownLatch publisherDone = new CountDownLatch(1);
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub(SocketOptions.builder().sendHwm(publisherHwm).build());
             RepSocket sync = ctx.rep()) {
            String pubEndpoint = pub.bind("inproc://updates");
            String syncEndpoint = sync.bind("inproc://sync");
            Thread fastThread = new Thread(() -> fast.set(SyncSubscriber.run(ctx, pubEndpoint, syncEndpoint,
                SocketOptions.builder().receiveHwm(0).build(), () -> { }, Duration.ofSeconds(10))), "fast");
            Thread slowThread = new Thread(() -> slow.set(SyncSubscriber.run(ctx, pubEndpoint, syncEndpoint,
                SocketOptions.builder().receiveHwm(slowHwm).build(), () -> awaitQuietly(publisherDone),
                Duration.ZERO)), "slow"); // after its pause it takes only what is already queued
            fastThread.start();
            slowThread.start();
            int published = SyncPublisher.run(pub, sync, 2, updates);
            publisherDone.countDown();
            fastThread.join();
            slowThread.join();
            return new Result(published, fast.get(), slow.get());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Result r = run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000,
            args.length > 1 ? Integer.parseInt(args[1]) : 100, args.length > 2 ? Integer.parseInt(args[2]) : 10);
        System.out.printf("published %d; fast subscriber got %d%s; slow subscriber got %d%s%n", r.published(),
            r.fast().updates(), r.fast().sawEnd() ? " and END" : "", r.slow().updates(),
            r.slow().sawEnd() ? " and END" : "");
    }
}
