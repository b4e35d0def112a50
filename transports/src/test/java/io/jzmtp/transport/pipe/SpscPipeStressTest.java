package io.jzmtp.transport.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.jzmtp.transport.io.AwaitResult;
import io.jzmtp.transport.io.MpscSocketMailbox;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A million hand-offs between two threads with random short delays on both sides. The consumer parks when the pipe
 * is empty and is woken only by {@code onReadActivated}; the producer parks at the HWM and is woken only by
 * {@code onWriteActivated}. A lost wake-up leaves one side parked for good, which the per-wait deadline (then the
 * hard timeout) turns into a failure. Every message must arrive once and in order, and every {@code null}/{@code
 * false} must be answered by exactly one event.
 */
class SpscPipeStressTest {
    private static final int MESSAGES = 1_000_000;
    private static final Object TOKEN = new Object();
    private static final NanoClock CLOCK = SystemNanoClock.INSTANCE;
    private static final long WAIT_LIMIT = TimeUnit.SECONDS.toNanos(20);

    /** Owner of one end: turns the pipe's event into a preallocated token in its mailbox (no allocation). */
    private static final class Owner implements PipeEvents {
        final MpscSocketMailbox<Object> mailbox = new MpscSocketMailbox<>(CLOCK);
        final AtomicLong events = new AtomicLong();

        @Override
        public void onReadActivated(SpscPipe<?> pipe) {
            events.incrementAndGet();
            mailbox.offer(TOKEN);
        }

        @Override
        public void onWriteActivated(SpscPipe<?> pipe) {
            events.incrementAndGet();
            mailbox.offer(TOKEN);
        }

        volatile boolean waiting;

        void awaitEvent(SpscPipe<?> pipe, Owner other) {
            long deadline = CLOCK.nanoTime() + WAIT_LIMIT;
            waiting = true;
            while (mailbox.poll() == null) {
                AwaitResult result = mailbox.await(deadline);
                if (result != AwaitResult.READY) {
                    throw new AssertionError("lost wake-up: " + result + " on " + Thread.currentThread().getName()
                            + "; " + pipe + "; events here " + events + ", there " + other.events
                            + ", other side waiting " + other.waiting);
                }
            }
            waiting = false;
        }
    }

    private static void randomDelay(SplittableRandom random) {
        int dice = random.nextInt(4096);
        if (dice == 0) {
            LockSupport.parkNanos(random.nextInt(20_000));
        } else if (dice < 256) {
            for (int i = random.nextInt(256); i > 0; i--) {
                Thread.onSpinWait();
            }
        }
    }

    @ParameterizedTest(name = "hwm={0} chunked={1}")
    @CsvSource({"16, false", "16, true", "1, false"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldHandOffAMillionMessagesInOrderWithoutLostWakeups(int hwm, boolean chunked) throws Exception {
        Owner readerOwner = new Owner();
        Owner writerOwner = new Owner();
        SpscPipe<Integer> pipe = new SpscPipe<>(hwm, readerOwner, writerOwner, chunked ? 0 : SpscPipe.MAX_RING_HWM);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        AtomicLong refused = new AtomicLong();

        Thread producer = new Thread(() -> {
            try {
                SplittableRandom random = new SplittableRandom(1);
                for (int i = 0; i < MESSAGES; i++) {
                    Integer message = i;
                    while (!pipe.offer(message)) {
                        refused.incrementAndGet();
                        writerOwner.awaitEvent(pipe, readerOwner);
                    }
                    randomDelay(random);
                }
                pipe.closeWriter(null);
            } catch (Throwable t) {
                producerFailure.set(t);
            }
        }, "stress-producer");
        producer.setDaemon(true);
        producer.start();

        SplittableRandom random = new SplittableRandom(2);
        int expected = 0;
        long nulls = 0;
        while (true) {
            Integer message = pipe.poll();
            if (message == null) {
                if (pipe.isDrained()) {
                    break;
                }
                nulls++;
                readerOwner.awaitEvent(pipe, writerOwner);
                continue;
            }
            if (message != expected) {
                throw new AssertionError("expected " + expected + " but got " + message);
            }
            expected++;
            randomDelay(random);
        }
        producer.join(TimeUnit.SECONDS.toMillis(60));

        if (producerFailure.get() != null) {
            throw new AssertionError("producer failed", producerFailure.get());
        }
        System.getLogger(SpscPipeStressTest.class.getName()).log(System.Logger.Level.INFO,
                "hwm={0} chunked={1}: {2} reader waits, {3} writer waits, {4} reader unparks, {5} writer unparks",
                hwm, chunked, nulls, refused.get(), readerOwner.mailbox.wakeupCount(),
                writerOwner.mailbox.wakeupCount());
        assertEquals(MESSAGES, expected);
        assertEquals(nulls, readerOwner.events.get(), "one read activation per arming null");
        assertEquals(refused.get(), writerOwner.events.get(), "one write activation per refused offer");
    }
}
