package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FrameSender#sendLent}: frames go out of the caller's direct buffer without a copy and every lent buffer
 * comes back through its release exactly once, whatever becomes of its message.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LentFrameTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Counts releases per buffer object; a second release of one is a failure. */
    private static final class Releases implements Consumer<ByteBuffer> {
        final Map<ByteBuffer, AtomicInteger> counts = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();

        @Override
        public void accept(ByteBuffer b) {
            counts.computeIfAbsent(b, k -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
        }

        void await(int expected) {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (total.get() < expected && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(expected, total.get(), "every lent buffer released");
            counts.values().forEach(c -> assertEquals(1, c.get(), "released once"));
        }
    }

    private static ByteBuffer direct(int n, int seed) {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) {
            b.put(i, (byte) (seed * 31 + i));
        }
        return b;
    }

    private static byte[] content(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    /** Receives one message through the frame API as arrays. */
    private static List<byte[]> receive(FrameReceiver r) {
        List<byte[]> frames = new ArrayList<>();
        int n = r.receive((buffer, offset, length, more) -> {
            byte[] f = new byte[length];
            buffer.getBytes(offset, f);
            frames.add(f);
        }, WAIT_NANOS);
        assertEquals(frames.size(), n);
        return frames;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc", "ipc"})
    void pushToPullCarriesLentFramesAndReleasesEach(String transport) {
        Releases releases = new Releases();
        int messages = 300;
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            String ep = transport.equals("ipc") ? "ipc://*" : TestEndpoints.endpoint(transport, "lent-push");
            push.connect(pull.bind(ep));
            List<ByteBuffer> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                // Sizes on both sides of the engine's in-place threshold (8 KiB), and a frame from mid-buffer.
                ByteBuffer b = direct(i % 3 == 0 ? 100 : 20_000 + i, i);
                b.position(i % 7).limit(b.capacity() - i % 5);
                sent.add(b);
                assertTrue(push.sendLent(b, releases, WAIT_NANOS));
            }
            for (int i = 0; i < messages; i++) {
                List<byte[]> got = receive(pull);
                assertEquals(1, got.size());
                assertArrayEquals(content(sent.get(i)), got.get(0), "message " + i);
            }
            releases.await(messages);
            for (ByteBuffer b : sent) {
                assertTrue(releases.counts.containsKey(b));
            }
            assertEquals(3, sent.get(3).position(), "released with the position as it was sent");
            assertEquals(sent.get(3).capacity() - 3, sent.get(3).limit(), "and the limit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void lentAndCopiedFramesMixInOneMessage(String transport) {
        Releases releases = new Releases();
        try (Context ctx = Context.create();
             PairSocket a = ctx.pair();
             PairSocket b = ctx.pair()) {
            b.connect(a.bind(TestEndpoints.endpoint(transport, "lent-mix")));
            ByteBuffer big = direct(50_000, 1);
            ByteBuffer small = direct(3, 2);
            byte[] copied = {4, 5, 6, 7};
            b.sendMoreLent(big, releases);
            b.sendMore(new UnsafeBuffer(copied), 0, copied.length);
            assertTrue(b.sendLent(small, releases, WAIT_NANOS));
            List<byte[]> got = receive(a);
            assertEquals(3, got.size());
            assertArrayEquals(content(big), got.get(0));
            assertArrayEquals(copied, got.get(1));
            assertArrayEquals(content(small), got.get(2));
            releases.await(2);
        }
    }

    @Test
    void aSendThatTimesOutReleasesAtOnce() {
        Releases releases = new Releases();
        try (Context ctx = Context.create();
             PushSocket push = ctx.push()) {
            ByteBuffer b = direct(10, 1);
            assertFalse(push.sendLent(b, releases, 0), "no peer: PUSH waits, and 0 does not wait");
            assertEquals(1, releases.total.get(), "released on the sending thread before the call returned");
        }
    }

    @Test
    void closingASocketReleasesAHalfBuiltMessage() {
        Releases releases = new Releases();
        try (Context ctx = Context.create()) {
            PushSocket push = ctx.push();
            push.sendMoreLent(direct(10, 1), releases);
            push.sendMoreLent(direct(20, 2), releases);
            push.close();
            assertEquals(2, releases.total.get());
        }
    }

    @Test
    void queuedMessagesAreReleasedWhenTheContextCloses() {
        Releases releases = new Releases();
        Context ctx = Context.create();
        PushSocket push = ctx.push(SocketOptions.builder().linger(Duration.ZERO).build());
        // Nobody listens there: the messages wait in the pipe of the connection being attempted.
        push.connect("tcp://127.0.0.1:1");
        int queued = 0;
        while (queued < 5 && push.sendLent(direct(64, queued), releases, TimeUnit.SECONDS.toNanos(1))) {
            queued++;
        }
        assertEquals(5, queued);
        ctx.close();
        releases.await(5);
    }

    @Test
    void aPublisherReleasesOnceWhateverTheNumberOfSubscribers() {
        Releases releases = new Releases();
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub();
             SubSocket s1 = ctx.sub();
             SubSocket s2 = ctx.sub()) {
            String ep = pub.bind("tcp://127.0.0.1:*");
            s1.connect(ep);
            s2.connect(ep);
            s1.subscribe("");
            s2.subscribe("");
            int sends = 0;
            boolean both = false;
            for (int i = 0; i < 2000 && !both; i++) {
                ByteBuffer probe = direct(16, i);
                pub.sendLent(probe, releases, 0);
                sends++;
                both = s1.receive(Duration.ofMillis(5)) != null & s2.receive(Duration.ofMillis(5)) != null;
            }
            assertTrue(both, "both subscribers joined");
            ByteBuffer body = direct(30_000, 9);
            pub.sendLent(body, releases, 0);
            sends++;
            byte[] want = content(body);
            assertTrue(drainUntil(s1, want) && drainUntil(s2, want), "each subscriber got the lent body");
            releases.await(sends);
        }
    }

    private static boolean drainUntil(SubSocket sub, byte[] want) {
        for (int i = 0; i < 2000; i++) {
            List<byte[]> got = receive(sub);
            if (got.size() == 1 && java.util.Arrays.equals(want, got.get(0))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aHeapBufferIsRefusedWithTheValueNamed() {
        try (Context ctx = Context.create();
             PushSocket push = ctx.push()) {
            ByteBuffer heap = ByteBuffer.allocate(8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> push.sendLent(heap, b -> { }, 0));
            assertTrue(e.getMessage().contains("expected a direct ByteBuffer"), e.getMessage());
            assertTrue(e.getMessage().contains("HeapByteBuffer"), e.getMessage());
            assertThrows(NullPointerException.class, () -> push.sendLent(ByteBuffer.allocateDirect(1), null, 0));
        }
    }
}
