package io.jzmtp.spec.rfc;

import static io.jzmtp.spec.rfc.Rfc.QUIET;
import static io.jzmtp.spec.rfc.Rfc.assertNothing;
import static io.jzmtp.spec.rfc.Rfc.awaitEvent;
import static io.jzmtp.spec.rfc.Rfc.fill;
import static io.jzmtp.spec.rfc.Rfc.recv;
import static io.jzmtp.spec.rfc.Rfc.tag;
import static io.jzmtp.spec.rfc.Rfc.tagged;
import static io.jzmtp.spec.rfc.Rfc.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.PairSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.rfc.Rfc.Background;
import io.jzmtp.spec.rfc.Rfc.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 31 (EXPAIR), clause by clause, through the public API over inproc and tcp. */
@Timeout(60)
class Rfc31PairConformanceTest {
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private static SocketOptions hwm(int send, int receive) {
        return SocketOptions.builder().sendHwm(send).receiveHwm(receive).build();
    }

    // RFC 31-PAIR-2 (nothing filtered or altered, either way), 31-PAIR-12 (messages come from the one peer),
    // 31-PAIR-13 (and reach the application).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc31_PAIR_2_PAIR_12_PAIR_13_messagesPassBothWaysUnmodified(Transport t) {
        PairSocket a = ctx.pair();
        PairSocket b = ctx.pair();
        b.connect(a.bind(t.bindable("pair-both")));
        Message out = Message.of(new byte[] {0, (byte) 0xFF, 1}, new byte[0], Rfc.bytes("text"), new byte[300]);
        b.send(out);
        assertEquals(out, recv(a, "b's message"));
        Message back = Message.of(new byte[0], new byte[] {0});
        a.send(back);
        assertEquals(back, recv(b, "a's message"));
    }

    // RFC 31-PAIR-1: at most one peer. The second PAIR's message never reaches the bound PAIR, which keeps talking
    // to the first.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc31_PAIR_1_aSecondPeerIsRefused(Transport t) {
        PairSocket a = ctx.pair();
        PairSocket first = ctx.pair();
        PairSocket second = ctx.pair();
        String ep = a.bind(t.bindable("pair-excl"));
        first.connect(ep);
        first.send("first-1");
        assertEquals("first-1", recv(a, "the first peer's message").string(0));
        second.connect(ep);
        second.trySend(Message.of("second")); // queued on second's side, or refused: never delivered to a
        first.send("first-2");
        assertEquals("first-2", recv(a, "the first peer's second message").string(0));
        assertNothing(a, "a message from a second PAIR peer");
        a.send("to-first");
        assertEquals("to-first", recv(first, "a's reply to its one peer").string(0));
        assertEquals(1, a.peerCount());
    }

    // RFC 31-PAIR-4: the queue exists from connect() on, before the connection, and outlives a lost connection. Tcp:
    // for inproc see Rfc30PipelineConformanceTest.connectBeforeBindQueuesOverInproc.
    @Test
    void rfc31_PAIR_4_queueExistsBeforeTheConnectionAndSurvivesItsLoss() {
        String ep = Transport.TCP.concrete("pair-early");
        PairSocket b = ctx.pair();
        Monitor events = b.monitor();
        b.connect(ep);
        assertTrue(b.trySend(Message.of("early")), "a connecting PAIR queues before the connection exists");
        PairSocket a = ctx.pair();
        a.bind(ep);
        assertEquals("early", recv(a, "the message queued before the connection").string(0));
        awaitEvent(events, Kind.HANDSHAKE_SUCCEEDED);
        a.unbind(ep);
        a.close();
        awaitEvent(events, Kind.DISCONNECTED);
        assertTrue(b.trySend(Message.of("while-down")), "the queue is kept while the connection is down");
        PairSocket a2 = ctx.pair();
        a2.bind(ep);
        assertEquals("while-down", recv(a2, "the message queued while disconnected").string(0));
    }

    // RFC 31-PAIR-3 (double queue: the full outgoing queue does not stop incoming traffic), 31-PAIR-7 (limited by
    // the HWMs), 31-PAIR-8 (the peer is unavailable while its queue is full), 31-PAIR-9 (sending then blocks or
    // fails), 31-PAIR-10 (the refused message is not taken), 31-PAIR-11 (nothing is discarded: the blocked send
    // completes once there is room, and every accepted message arrives once, in order).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc31_PAIR_3_PAIR_7_PAIR_8_PAIR_9_PAIR_10_PAIR_11_aFullPeerBlocksAndNothingIsLost(Transport t) {
        PairSocket a = ctx.pair(hwm(2, 2));
        PairSocket b = ctx.pair(hwm(2, 2));
        b.connect(a.bind(t.bindable("pair-full")));
        b.send(Message.of("hello"));
        assertEquals("hello", recv(a, "the first message").string(0));
        List<Integer> accepted = fill(b, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000);
        if (t == Transport.INPROC) {
            assertEquals(4, accepted.size(), "an inproc pipe holds the sender's HWM plus the receiver's");
        }
        int refused = accepted.size();
        a.send("reverse");
        assertEquals("reverse", recv(b, "traffic the other way while b's outgoing queue is full").string(0));
        Background<List<Integer>> reader = Background.start("pair-reader", () -> {
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i <= refused; i++) {
                got.add(tag(recv(a, "message " + i)));
            }
            return got;
        });
        assertTrue(b.send(tagged(refused, 4), Rfc.WAIT), "the blocked send completes once the peer reads");
        List<Integer> got = reader.join();
        List<Integer> expected = new ArrayList<>(accepted);
        expected.add(refused);
        assertEquals(expected, got, "every accepted message, once each, in order; the refused one was not taken");
        assertNothing(a, "a duplicate of the message refused by trySend");
    }

    // RFC 31-PAIR-9: with no peer a send blocks (or a non-blocking one fails); 31-PAIR-11: the blocked message is
    // kept and delivered once a peer arrives.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc31_PAIR_9_PAIR_11_noPeerMeansSendingBlocksOrFails(Transport t) {
        PairSocket a = ctx.pair();
        String ep = a.bind(t.bindable("pair-none"));
        assertFalse(a.trySend(Message.of("x")), "no peer: a non-blocking send is refused");
        assertFalse(a.send(Message.of("x"), Duration.ofMillis(50)), "no peer: a timed send times out");
        Background<Boolean> sender = Background.start("pair-blocked-sender", () -> a.send(Message.of("held"), Rfc.WAIT));
        sender.awaitParked();
        PairSocket b = ctx.pair();
        b.connect(ep);
        assertEquals("held", recv(b, "the message whose send was blocked").string(0));
        assertTrue(sender.join(), "the blocked send completed once the peer arrived");
        assertNothing(b, "a refused message");
    }

    // RFC 31-PAIR-5 (a queue is made when a peer connects) and 31-PAIR-6 (destroyed with its messages when it
    // disconnects): the next peer gets a fresh queue and never sees what was queued to the departed one.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc31_PAIR_5_PAIR_6_theQueueOfADisconnectedPeerIsDestroyed(Transport t) {
        PairSocket a = ctx.pair(hwm(2, 2));
        Monitor events = a.monitor();
        String ep = a.bind(t.bindable("pair-gone"));
        PairSocket b = ctx.pair(hwm(2, 2));
        b.connect(ep);
        b.send("hello");
        assertEquals("hello", recv(a, "the first peer's message").string(0));
        List<Integer> queued = fill(a, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000);
        assertFalse(queued.isEmpty());
        b.close();
        if (t == Transport.TCP) {
            awaitEvent(events, Kind.DISCONNECTED);
        }
        until(() -> {
            a.tryReceive(); // lets a find the departed peer's pipes closed
            return a.peerCount() == 0;
        }, "the bound PAIR has dropped its departed peer");
        PairSocket c = ctx.pair();
        c.connect(ep);
        c.send("from-c");
        assertEquals("from-c", recv(a, "the new peer's message").string(0));
        a.send("fresh");
        assertEquals("fresh", recv(c, "the first message to the new peer").string(0),
            "the new peer's queue is new: none of the " + queued.size() + " messages queued to the old one");
        Message extra = c.receive(QUIET);
        assertTrue(extra == null, "nothing queued to the departed peer reaches the new one: " + extra);
    }
}
