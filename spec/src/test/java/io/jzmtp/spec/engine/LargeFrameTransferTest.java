package io.jzmtp.spec.engine;

import static io.jzmtp.spec.engine.EngineFixture.HOST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large frames over tcp take other paths than small ones: a sender's large body leaves from its message's native
 * storage in a gathering write, and a receiver reads the rest of a split large body straight into its message.
 * These tests send sizes on both sides of those paths' thresholds, multipart messages mixing small and large
 * frames, and a long run under back-pressure (partial writes), and check every byte.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LargeFrameTransferTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private static byte[] pattern(int size, int seed) {
        byte[] b = new byte[size];
        int x = seed * 0x9E3779B9 + size;
        for (int i = 0; i < size; i++) {
            x = x * 1103515245 + 12345;
            b[i] = (byte) (x >>> 24);
        }
        return b;
    }

    /** A direct buffer holding the bytes, as a garbage-free sender would hold them. */
    private static UnsafeBuffer direct(byte[] b) {
        UnsafeBuffer u = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(1, b.length)));
        u.putBytes(0, b);
        return u;
    }

    private record Pair(PushSocket push, PullSocket pull) {
    }

    private Pair pair(SocketOptions options) {
        PullSocket pull = ctx.pull(options);
        String endpoint = pull.bind("tcp://" + HOST + ":*");
        PushSocket push = ctx.push(options);
        push.connect(endpoint);
        return new Pair(push, pull);
    }

    @Test
    void sizesAroundEveryThresholdArriveIntactThroughBothSendApis() {
        Pair p = pair(SocketOptions.DEFAULTS);
        PushSocket push = p.push();
        int[] sizes = {0, 1, 8_191, 8_192, 8_193, 16_384, 65_527, 65_536, 65_545, 131_072, 200_003, 1_100_000};
        for (int i = 0; i < sizes.length; i++) {
            byte[] body = pattern(sizes[i], i);
            boolean frameApi = i % 2 == 0;
            if (frameApi) {
                assertTrue(push.send(direct(body), 0, body.length, -1));
            } else {
                assertTrue(push.send(Message.of(body)));
            }
            Message m = p.pull().receive(WAIT);
            assertNotNull(m, "message of " + sizes[i] + " bytes");
            assertEquals(1, m.size());
            assertArrayEquals(body, m.frame(0), "message of " + sizes[i] + " bytes");
        }
    }

    @Test
    void multipartMessagesMixingSmallAndLargeFramesArriveIntact() {
        Pair p = pair(SocketOptions.DEFAULTS);
        PushSocket push = p.push();
        int[] sizes = {5, 20_000, 30_000, 3, 9_000, 70_000, 0, 8_192};
        byte[][] frames = new byte[sizes.length][];
        for (int round = 0; round < 3; round++) {
            for (int f = 0; f < sizes.length; f++) {
                frames[f] = pattern(sizes[f], round * 100 + f);
                if (f < sizes.length - 1) {
                    push.sendMore(direct(frames[f]), 0, frames[f].length);
                } else {
                    assertTrue(push.send(direct(frames[f]), 0, frames[f].length, -1));
                }
            }
            Message m = p.pull().receive(WAIT);
            assertNotNull(m, "round " + round);
            assertEquals(sizes.length, m.size());
            for (int f = 0; f < sizes.length; f++) {
                assertArrayEquals(frames[f], m.frame(f), "round " + round + ", frame " + f);
            }
        }
    }

    @Test
    void aLongRunUnderBackPressureKeepsOrderAndContent() throws Exception {
        SocketOptions small = SocketOptions.builder().sendHwm(4).receiveHwm(4).build();
        Pair p = pair(small);
        PushSocket push = p.push();
        int count = 400;
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                byte[] body = pattern(24_000 + (i % 7) * 9_000, i);
                if (!push.send(direct(body), 0, body.length, -1)) {
                    throw new IllegalStateException("send " + i + " returned false");
                }
            }
        });
        for (int i = 0; i < count; i++) {
            Message m = p.pull().receive(WAIT);
            assertNotNull(m, "message " + i);
            assertArrayEquals(pattern(24_000 + (i % 7) * 9_000, i), m.frame(0), "message " + i);
        }
        sender.get(20, TimeUnit.SECONDS);
    }
}
