package io.jzmtp.transport.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader closes while the writer is still writing (a disconnected peer): every message written must be consumed
 * or discarded exactly once, by whichever end closes last, and the writer must learn of the close.
 */
class SpscPipeCloseRaceTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldConsumeOrDiscardEveryMessageExactlyOnceWhenTheReaderClosesMidStream() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 100; round++) {
            int hwm = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(64);
            boolean chunked = random.nextBoolean();
            int readBeforeClose = random.nextInt(2_000);
            CountingEvents events = new CountingEvents();
            SpscPipe<Integer> pipe = new SpscPipe<>(hwm, events, events, chunked ? 0 : SpscPipe.MAX_RING_HWM);
            BitSet seen = new BitSet();
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            BitSet discardedByWriter = new BitSet();

            Thread writer = new Thread(() -> {
                try {
                    int next = 0;
                    while (next < 20_000) {
                        if (pipe.offer(next)) {
                            next++;
                        } else if (pipe.isClosed()) {
                            break;
                        } else {
                            Thread.yield(); // a polling writer: episodes end by its own successful offers
                        }
                    }
                    written.set(next);
                    pipe.closeWriter(m -> discardedByWriter.set(m));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "close-race-writer");
            writer.start();

            int consumed = 0;
            while (consumed < readBeforeClose) {
                Integer m = pipe.poll();
                if (m == null) {
                    if (pipe.isDrained()) {
                        break;
                    }
                    Thread.yield();
                    continue;
                }
                assertTrue(!seen.get(m), "consumed twice: " + m);
                seen.set(m);
                consumed++;
            }
            BitSet discardedByReader = new BitSet();
            pipe.closeReader(m -> discardedByReader.set(m));
            writer.join(TimeUnit.SECONDS.toMillis(30));
            if (failure.get() != null) {
                throw new AssertionError("writer failed", failure.get());
            }

            String where = "round " + round + " hwm " + hwm + " chunked " + chunked;
            assertTrue(!seen.intersects(discardedByReader) && !seen.intersects(discardedByWriter)
                    && !discardedByReader.intersects(discardedByWriter), "a message handled twice, " + where);
            BitSet all = (BitSet) seen.clone();
            all.or(discardedByReader);
            all.or(discardedByWriter);
            assertEquals(written.get(), all.cardinality(), "lost messages, " + where);
            assertEquals(written.get(), all.nextClearBit(0), "gap in messages, " + where);
            assertEquals(0, pipe.size(), where);
        }
    }
}
