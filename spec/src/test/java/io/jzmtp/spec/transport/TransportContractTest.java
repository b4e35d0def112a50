package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PairSocket;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transport contract: every test runs identically over tcp, ipc and inproc, through the public API only.
 */
@Timeout(60)
class TransportContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private static Message seq(int i, int payload) {
        byte[] b = new byte[Math.max(4, payload)];
        ByteBuffer.wrap(b).putInt(i);
        return Message.of(b);
    }

    private static int seqOf(Message m) {
        return ByteBuffer.wrap(m.frame(0)).getInt();
    }

    private static Message receive(PullSocket pull, String what) {
        Message m = pull.receive(WAIT);
        assertNotNull(m, what + " did not arrive within " + WAIT);
        return m;
    }

    // RFC 23-SOCK-1: every socket type can bind and connect; 23-SOCK-2: connecting does not need the peer up.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    @Timeout(30)
    void bindThenConnect(TransportKind t) {
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        String ep = pull.bind(t.bindable(dir, "btc"));
        push.connect(ep);
        push.send("hello");
        assertEquals("hello", receive(pull, "the message").string(0));
    }

    // RFC 23-SOCK-2: connect before the peer binds; the connection is made when it does.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    @Timeout(30)
    void connectThenBind(TransportKind t) {
        String ep = t.concrete(dir, "ctb");
        PushSocket push = ctx.push(SocketOptions.builder().reconnectInterval(Duration.ofMillis(20)).build());
        push.connect(ep);
        PullSocket pull = ctx.pull();
        assertEquals(ep, pull.bind(ep));
        push.send("early");
        assertEquals("early", receive(pull, "the message sent after connect-before-bind").string(0));
    }

    // RFC 23-SOCK-6: every message arrives once and in order (none twice, none lost).
    // RFC 23-SOCK-7: messages between two directly connected peers are delivered in order.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void pushPullKeepsTheOrderOfTenThousandMessages(TransportKind t) {
        int n = 10_000;
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        push.connect(pull.bind(t.bindable(dir, "order")));
        Background<Void> sender = Background.start("sender", () -> {
            for (int i = 0; i < n; i++) {
                push.send(seq(i, 16));
            }
            return null;
        });
        for (int i = 0; i < n; i++) {
            Message m = receive(pull, "message " + i);
            assertEquals(i, seqOf(m), "message order");
        }
        sender.join(WAIT);
        assertEquals(null, pull.tryReceive(), "nothing beyond what was sent");
    }

    /** Frames of a message: sizes cycle through empty, tiny, 255 (largest short frame), 256 (long frame) and more. */
    private static Message multipart(int frames, int variant) {
        int[] sizes = {0, 1, 255, 256, 0, 1000, 7, 0, 300, 65};
        byte[][] f = new byte[frames][];
        for (int i = 0; i < frames; i++) {
            int size = variant == 0 ? 0 : sizes[(i + variant) % sizes.length];
            f[i] = new byte[size];
            Arrays.fill(f[i], (byte) (31 * frames + 7 * i + variant));
        }
        return Message.of(f);
    }

    // RFC 23-SOCK-5: the sender queues all frames of a message until the last one; the peer gets all or none.
    // RFC 23-MSG-1 and 23-SOCK-4: a message is delivered with all its frames (empty ones included) or not at all.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void multipartMessagesArriveWholeWithEmptyFrames(TransportKind t) {
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        push.connect(pull.bind(t.bindable(dir, "multi")));
        List<Message> sent = new ArrayList<>();
        for (int frames = 1; frames <= 10; frames++) {
            for (int variant = 0; variant < 3; variant++) {
                Message m = multipart(frames, variant);
                sent.add(m);
                push.send(m);
            }
        }
        for (Message expected : sent) {
            Message got = receive(pull, "multipart message " + expected);
            assertEquals(expected.size(), got.size(), "frame count");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.frame(i), got.frame(i), "frame " + i + " of " + expected);
            }
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    // The default options (no maximum message size) let 1 MiB and 8 MiB messages through.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void largeMessagesPassTheDefaultLimits(TransportKind t) {
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        push.connect(pull.bind(t.bindable(dir, "large")));
        byte[] mib = random(1 << 20, 1);
        byte[] eight = random(8 << 20, 8);
        push.send(Message.of(mib, new byte[0], eight));
        push.send(Message.of(eight));
        Message a = receive(pull, "1 MiB + 8 MiB message");
        assertEquals(3, a.size());
        assertArrayEquals(mib, a.frame(0));
        assertEquals(0, a.frame(1).length);
        assertArrayEquals(eight, a.frame(2));
        assertArrayEquals(eight, receive(pull, "8 MiB message").frame(0));
    }

    // A frame of exactly the raised maximum message size is accepted (the limit is inclusive).
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void eightMibMessageWithMaxMessageSizeRaisedToExactlyThat(TransportKind t) {
        int size = 8 << 20;
        PullSocket pull = ctx.pull(SocketOptions.builder().maxMessageSize(size).build());
        PushSocket push = ctx.push();
        push.connect(pull.bind(t.bindable(dir, "max")));
        byte[] body = random(size, 3);
        push.send(Message.of(body));
        push.send("after");
        assertArrayEquals(body, receive(pull, "8 MiB message").frame(0));
        assertEquals("after", receive(pull, "the message after it").string(0));
    }

    // RFC 23-SOCK-11: PAIR talks both ways over one connection.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void pairTalksBothWays(TransportKind t) {
        PairSocket a = ctx.pair();
        PairSocket b = ctx.pair();
        b.connect(a.bind(t.bindable(dir, "pair")));
        for (int i = 0; i < 200; i++) {
            b.send("ping " + i);
            Message ping = a.receive(WAIT);
            assertNotNull(ping, "ping " + i);
            assertEquals("ping " + i, ping.string(0));
            a.send(Message.of("pong", String.valueOf(i)));
            Message pong = b.receive(WAIT);
            assertNotNull(pong, "pong " + i);
            assertEquals(Message.of("pong", String.valueOf(i)), pong);
        }
    }

    // RFC 23-SOCK-10 (RFC 30 fair queuing), 23-SOCK-7 (per-peer order), 23-MSG-1 (whole messages from each peer).
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void pullFairQueuesThreePushersKeepingEachOrderAndEachMessageWhole(TransportKind t) {
        int n = 2_000;
        PullSocket pull = ctx.pull();
        String ep = pull.bind(t.bindable(dir, "fq"));
        List<Background<Void>> senders = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            PushSocket push = ctx.push();
            push.connect(ep);
            String tag = "p" + p;
            senders.add(Background.start("pusher-" + p, () -> {
                for (int i = 0; i < n; i++) {
                    // 1 to 4 frames, each naming the sender and sequence, so that a mixed-up message shows.
                    String[] frames = new String[1 + i % 4];
                    Arrays.fill(frames, tag + ":" + i);
                    push.send(Message.of(frames));
                }
                return null;
            }));
        }
        int[] next = new int[3];
        for (int k = 0; k < 3 * n; k++) {
            Message m = receive(pull, "message " + k + " of " + 3 * n);
            String first = m.string(0);
            int p = first.charAt(1) - '0';
            int i = Integer.parseInt(first.substring(3));
            assertEquals(next[p], i, "order of pusher " + p);
            assertEquals(1 + i % 4, m.size(), "frame count of " + first);
            for (int f = 1; f < m.size(); f++) {
                assertEquals(first, m.string(f), "frame " + f + " belongs to the same message");
            }
            next[p]++;
        }
        for (Background<Void> s : senders) {
            s.join(WAIT);
        }
        assertArrayEquals(new int[] {n, n, n}, next, "all messages of every pusher");
    }

    // RFC 23-SOCK-10 (RFC 30 round-robin): with every peer connected and below its HWM, each gets its turn.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void pushRoundRobinsOverConnectedPulls(TransportKind t) {
        int perPull = 100;
        PushSocket push = ctx.push();
        String ep = push.bind(t.bindable(dir, "rr"));
        PullSocket[] pulls = new PullSocket[3];
        for (int i = 0; i < pulls.length; i++) {
            pulls[i] = ctx.pull();
            pulls[i].connect(ep);
        }
        // The binding side attaches a peer once its handshake succeeded: wait until all three are visible.
        Await.until(WAIT, () -> push.peerCount() == 3, "the PUSH has 3 peers");
        for (int i = 0; i < 3 * perPull; i++) {
            assertTrue(push.trySend(seq(i, 8)), "message " + i + " fits below the HWM");
        }
        int[] counts = new int[3];
        int[] residue = {-1, -1, -1};
        Await.until(WAIT, () -> {
            for (int i = 0; i < pulls.length; i++) {
                Message m;
                while ((m = pulls[i].tryReceive()) != null) {
                    // Strict rotation: each pull gets every third message (in the order the peers attached).
                    int r = seqOf(m) % 3;
                    if (residue[i] < 0) {
                        residue[i] = r;
                    }
                    assertEquals(residue[i], r, "message " + seqOf(m) + " went to pull " + i + " out of turn");
                    counts[i]++;
                }
            }
            return counts[0] + counts[1] + counts[2] == 3 * perPull;
        }, "all messages arrive");
        for (int c : counts) {
            assertTrue(Math.abs(c - perPull) <= 1, "round-robin share " + Arrays.toString(counts));
        }
    }

    // HWM back-pressure: sending stops at the HWM (trySend false, a timed send false) and resumes after reading.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void highWaterMarkStopsTheSenderAndReadingResumesIt(TransportKind t) {
        SocketOptions hwm10 = SocketOptions.builder().sendHwm(10).receiveHwm(10).build();
        PullSocket pull = ctx.pull(hwm10);
        PushSocket push = ctx.push(hwm10);
        push.connect(pull.bind(t.bindable(dir, "hwm")));
        int seq = 0;
        push.send(seq(seq++, 256));
        assertEquals(0, seqOf(receive(pull, "the first message (connection is up)")));
        // Fill: the receiver does not read. Over tcp and ipc the kernel buffers take a share, so count nothing.
        int cap = 1_000_000;
        int sent = 0;
        while (sent < cap && (push.trySend(seq(seq, 256)) || push.send(seq(seq, 256), Duration.ofMillis(100)))) {
            seq++;
            sent++;
        }
        assertTrue(sent < cap, "sending never stopped after " + cap + " messages: no back-pressure");
        assertFalse(push.trySend(seq(seq, 256)), "trySend at the HWM");
        assertFalse(push.send(seq(seq, 256), Duration.ofMillis(100)), "send(100 ms) at the HWM");
        if (t == TransportKind.INPROC) {
            // inproc: one pipe whose HWM is the sender's send HWM plus the receiver's receive HWM (libzmq's rule).
            assertEquals(20, sent, "inproc messages queued before back-pressure");
        }
        // Read until the sender has room again; it must resume before the receiver has read everything.
        int read = 0;
        int expect = 1;
        while (!push.trySend(seq(seq, 256))) {
            assertTrue(read < sent, "sending did not resume after all " + sent + " queued messages were read");
            assertEquals(expect++, seqOf(receive(pull, "queued message " + read)));
            read++;
        }
        seq++;
        if (t == TransportKind.INPROC) {
            assertTrue(read < sent, "inproc resumes at the low-water mark, before the pipe is empty (read " + read + ")");
        }
        // Nothing was lost or reordered under back-pressure.
        for (int i = read; i < sent + 1; i++) {
            assertEquals(expect++, seqOf(receive(pull, "message " + expect)));
        }
        assertEquals(seq, expect);
    }

    // Unbind closes the listener: CLOSED is reported, new connects cannot reach it, and the address is free again.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void unbindClosesTheListener(TransportKind t) {
        SocketOptions fast = SocketOptions.builder().reconnectInterval(Duration.ofMillis(20)).build();
        PullSocket pull = ctx.pull();
        Events pullEvents = new Events(pull);
        String ep = pull.bind(t.bindable(dir, "unbind"));
        PushSocket push = ctx.push(fast);
        Events pushEvents = new Events(push);
        push.connect(ep);
        push.send("before");
        assertEquals("before", receive(pull, "the message before unbind").string(0));

        pull.unbind(ep);
        SocketEvent closed = pullEvents.await(Kind.CLOSED);
        assertEquals(ep, closed.endpoint());
        if (t.isStream()) {
            // The connections accepted through the endpoint close with it.
            pushEvents.await(Kind.DISCONNECTED);
        }

        PushSocket late = ctx.push(fast);
        Events lateEvents = new Events(late);
        late.connect(ep);
        if (t.isStream()) {
            SocketEvent first = lateEvents.await(WAIT, Kind.CONNECTED, Kind.HANDSHAKE_SUCCEEDED, Kind.CONNECT_RETRIED);
            assertEquals(Kind.CONNECT_RETRIED, first.kind(), "a connect to an unbound endpoint is refused");
        }

        // The address is free: another socket binds it, and the pending connect reaches that one.
        PullSocket again = ctx.pull();
        assertEquals(ep, again.bind(ep));
        late.send("after");
        assertEquals("after", receive(again, "the message to the re-bound endpoint").string(0));
        assertEquals(null, pull.tryReceive(), "the unbound socket receives nothing");
    }

    // Disconnect stops the connection: both sides lose the peer and the connector does not come back.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void disconnectStopsTheConnection(TransportKind t) {
        PullSocket pull = ctx.pull();
        Events pullEvents = new Events(pull);
        String ep = pull.bind(t.bindable(dir, "disc"));
        PushSocket push = ctx.push(SocketOptions.builder().reconnectInterval(Duration.ofMillis(20)).build());
        push.connect(ep);
        push.send("before");
        assertEquals("before", receive(pull, "the message before disconnect").string(0));

        push.disconnect(ep);
        Await.until(WAIT, () -> {
            pull.tryReceive();
            return pull.peerCount() == 0;
        }, "the PULL has lost its peer");
        Message probe = Message.of("probe".getBytes(StandardCharsets.UTF_8));
        Await.until(WAIT, () -> !push.trySend(probe) && push.peerCount() == 0, "the PUSH has no peer left");
        if (t.isStream()) {
            pullEvents.await(Kind.DISCONNECTED);
            List<SocketEvent> later = pullEvents.observe(Duration.ofMillis(500));
            assertTrue(later.stream().noneMatch(e -> e.kind() == Kind.ACCEPTED),
                "no reconnection after disconnect (reconnect interval 20 ms): " + later);
        }
    }
}
