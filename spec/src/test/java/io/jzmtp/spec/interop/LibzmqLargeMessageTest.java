package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.LONG;
import static io.jzmtp.spec.interop.LibzmqPeer.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Large frames (RFC 23 long frames, 8-byte sizes) with libzmq: 64 MiB each way with the receiver's maximum message
 * size raised to exactly 64 MiB, and a frame one byte over a 1 MiB maximum dropping the connection on either side.
 * The peer builds and digests the 64 MiB frame itself, so it never crosses the JSON pipe.
 */
@DisplayName("libzmq: large messages and maximum size")
@ExtendWith(InteropReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibzmqLargeMessageTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();
    private static final int BIG = 64 * Frames.MIB;
    private static final Duration BIG_WAIT = Duration.ofSeconds(40);
    private static final SocketOptions OURS = SocketOptions.builder().linger(Duration.ofSeconds(5)).build();

    private Context ctx;

    @BeforeEach
    void start() {
        ctx = Context.create();
    }

    @AfterEach
    void stop() {
        ctx.close(Duration.ZERO);
    }

    // RFC 23-FRAME-7 (long frames)
    @Test
    void ourPushBinds_theirPull_64MiB_raisedMaxMsgSize_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        PushSocket push = ctx.push(OURS);
        String pull = peer.socket("PULL", cmd("MAXMSGSIZE", BIG), false);
        peer.connect(pull, push.bind("tcp://127.0.0.1:*"));
        byte[] big = Frames.pattern(BIG);
        String digest = BIG + ":" + Frames.sha256(big);
        OurParty.wrap(push).send(Frames.of(big));
        assertEquals(List.of(digest), peer.recvDigest(pull, BIG_WAIT), "what libzmq received");
    }

    // RFC 23-FRAME-7 (long frames), RFC 23-MESSAGE (multipart): frames lent with sendLent leave from the caller's
    // buffer in the engine's gathering write, between copied ones
    @Test
    void ourPushBinds_theirPull_lentFramesAmongCopiedOnes_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        PushSocket push = ctx.push(OURS);
        String pull = peer.socket("PULL", cmd("MAXMSGSIZE", -1), false);
        peer.connect(pull, push.bind("tcp://127.0.0.1:*"));
        byte[] big = Frames.pattern(BIG);
        byte[] mid = Frames.pattern(100_000);
        byte[] small = {1, 2, 3};
        ByteBuffer lentBig = ByteBuffer.allocateDirect(BIG).put(big).flip();
        ByteBuffer lentMid = ByteBuffer.allocateDirect(mid.length).put(mid).flip();
        AtomicInteger released = new AtomicInteger();
        push.sendMoreLent(lentMid, b -> released.incrementAndGet());
        push.sendMore(new UnsafeBuffer(small), 0, small.length);
        assertTrue(push.sendLent(lentBig, b -> released.incrementAndGet(), -1));
        assertEquals(List.of(mid.length + ":" + Frames.sha256(mid), small.length + ":" + Frames.sha256(small),
            BIG + ":" + Frames.sha256(big)), peer.recvDigest(pull, BIG_WAIT), "what libzmq received");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (released.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, released.get(), "both lent buffers came back once written");
    }

    // RFC 23-FRAME-7 (long frames)
    @Test
    void theirPushBinds_ourPull_64MiB_raisedMaxMessageSize_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String push = peer.socket("PUSH", Map.of(), false);
        String ep = peer.bind(push, "tcp://127.0.0.1:*");
        PullSocket pull = ctx.pull(OURS.toBuilder().maxMessageSize(BIG).build());
        pull.connect(ep);
        peer.send(push, List.of(Map.of("pattern", BIG)), InteropSocket.SEND_WAIT, Duration.ZERO);
        Message m = pull.receive(BIG_WAIT);
        assertNotNull(m, "our PULL received nothing within " + BIG_WAIT);
        assertEquals(1, m.size(), "frames");
        assertEquals(BIG + ":" + Frames.sha256(Frames.pattern(BIG)),
            m.frame(0).length + ":" + Frames.sha256(m.frame(0)));
    }

    /** A frame at libzmq's MAXMSGSIZE passes; one byte more and libzmq drops the connection. */
    @Test
    void ourPush_theirPullMax1MiB_dropsOversizedFrame_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String pull = peer.socket("PULL", cmd("MAXMSGSIZE", Frames.MIB), true);
        String ep = peer.bind(pull, "tcp://127.0.0.1:*");
        PushSocket push = ctx.push(OURS);
        push.connect(ep);
        InteropSocket our = OurParty.wrap(push);
        our.send(Frames.of(Frames.pattern(Frames.MIB)));
        assertEquals(List.of(Frames.MIB + ":" + Frames.sha256(Frames.pattern(Frames.MIB))),
            peer.recvDigest(pull, Frames.ARRIVAL), "the frame at the limit");
        our.send(Frames.of(Frames.pattern(Frames.MIB + 1)));
        peer.awaitEvent(pull, LONG, "DISCONNECTED");
        assertNull(peer.recv(pull, Duration.ZERO), "libzmq delivered the oversized frame");
    }

    /** A frame at our maxMessageSize passes; one byte more and we drop the connection with MESSAGE_TOO_LARGE. */
    @Test
    void theirPush_ourPullMax1MiB_dropsOversizedFrame_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        PullSocket pull = ctx.pull(OURS.toBuilder().maxMessageSize(Frames.MIB).build());
        OurMonitor ours = new OurMonitor(pull);
        String ep = pull.bind("tcp://127.0.0.1:*");
        String push = peer.socket("PUSH", Map.of(), false);
        peer.connect(push, ep);
        InteropSocket our = OurParty.wrap(pull);
        peer.send(push, List.of(Map.of("pattern", Frames.MIB)), InteropSocket.SEND_WAIT, Duration.ZERO);
        Frames.expect(our, (Object) Frames.pattern(Frames.MIB));
        peer.send(push, List.of(Map.of("pattern", Frames.MIB + 1)), InteropSocket.SEND_WAIT, Duration.ZERO);
        SocketEvent e = ours.await(Kind.DISCONNECTED, LONG);
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, e.error(), "our reason: " + e);
        assertNull(pull.tryReceive(), "we delivered the oversized frame");
    }
}
