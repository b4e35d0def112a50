package io.jzmtp.spec.rfc;

import static io.jzmtp.spec.rfc.Rfc.assertNothing;
import static io.jzmtp.spec.rfc.Rfc.awaitEvent;
import static io.jzmtp.spec.rfc.Rfc.fill;
import static io.jzmtp.spec.rfc.Rfc.recv;
import static io.jzmtp.spec.rfc.Rfc.tag;
import static io.jzmtp.spec.rfc.Rfc.tagged;
import static io.jzmtp.spec.rfc.Rfc.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.Receiver;
import io.jzmtp.Sender;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.rfc.Rfc.Background;
import io.jzmtp.spec.rfc.Rfc.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 30 (PIPELINE), clause by clause, through the public API over inproc and tcp. */
@Timeout(60)
class Rfc30PipelineConformanceTest {
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

    // RFC 30-PUSH-2 (a PUSH only sends) and 30-PULL-2 (a PULL only receives): the types have no such operation.
    @Test
    void rfc30_PUSH_2_PULL_2_pushOnlySendsAndPullOnlyReceives() {
        assertFalse(Receiver.class.isAssignableFrom(PushSocket.class), "a PUSH has no receive operation");
        assertFalse(Sender.class.isAssignableFrom(PullSocket.class), "a PULL has no send operation");
    }

    // RFC 30-PULL-1 (any number of PUSH peers), 30-PUSH-3 and 30-PULL-3 (nothing filtered or modified), 30-PULL-10.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc30_PULL_1_PUSH_3_PULL_3_PULL_10_manyPushersDeliverUnmodified(Transport t) {
        PullSocket pull = ctx.pull();
        String ep = pull.bind(t.bindable("pp-many"));
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PushSocket push = ctx.push();
            push.connect(ep);
            Message m = Message.of(new byte[] {(byte) i, 0, (byte) 0xFF}, new byte[0], Rfc.bytes("p" + i));
            push.send(m);
            sent.add(m);
        }
        Set<Message> got = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            got.add(recv(pull, "message " + i));
        }
        assertEquals(new HashSet<>(sent), got);
    }

    // RFC 30-PUSH-1 (any number of PULL peers), 30-PUSH-4 (one queue per peer), 30-PUSH-10 (round-robin).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc30_PUSH_1_PUSH_4_PUSH_10_roundRobinOverPullers(Transport t) {
        PullSocket a = ctx.pull();
        PullSocket b = ctx.pull();
        PushSocket push = ctx.push();
        push.connect(a.bind(t.bindable("pp-rr-a")));
        push.connect(b.bind(t.bindable("pp-rr-b")));
        for (int i = 0; i < 8; i++) {
            push.send(tagged(i, 4));
        }
        List<Integer> atA = new ArrayList<>();
        List<Integer> atB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            atA.add(tag(recv(a, "a's share")));
            atB.add(tag(recv(b, "b's share")));
        }
        int pa = atA.get(0) % 2;
        assertNotEquals(pa, atB.get(0) % 2);
        for (int i = 0; i < 4; i++) {
            assertEquals(pa + 2 * i, atA.get(i), "a gets every other message: " + atA);
            assertEquals(1 - pa + 2 * i, atB.get(i), "b gets the others: " + atB);
        }
    }

    // RFC 30-PULL-4 (one incoming queue per peer: one full queue does not limit another), 30-PULL-6 (a queue is made
    // when a peer connects), 30-PULL-9 (fair-queued). Inproc only: counts and order are exact there.
    @Test
    void rfc30_PULL_4_PULL_6_PULL_9_perPeerQueuesFairQueued() {
        PullSocket pull = ctx.pull(hwm(2, 2));
        String ep = pull.bind(Transport.INPROC.bindable("pp-fq"));
        PushSocket a = ctx.push(hwm(2, 2));
        PushSocket b = ctx.push(hwm(2, 2));
        a.connect(ep);
        b.connect(ep);
        assertEquals(List.of(0, 1, 2, 3), fill(a, 0, 4, 1000), "a's queue holds 2 + 2");
        assertEquals(List.of(100, 101, 102, 103), fill(b, 100, 4, 1000), "b's queue is its own: 2 + 2 more");
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            got.add(tag(recv(pull, "message " + i)));
        }
        assertEquals(List.of(0, 100, 1, 101, 2, 102, 3, 103), got, "the peers are read in turn");
    }

    // RFC 30-PUSH-8 (queues limited by the HWMs: exactly send HWM + receive HWM over inproc), 30-PUSH-9 (a full peer
    // is unavailable, so the rest go to the other one), 30-PULL-8. Inproc only: over tcp the kernel buffers make the
    // full peer's share depend on the host.
    @Test
    void rfc30_PUSH_8_PUSH_9_PULL_8_aFullPeerIsSkipped() {
        PushSocket push = ctx.push(hwm(1, 1));
        PullSocket slow = ctx.pull(hwm(1, 1));
        PullSocket fast = ctx.pull();
        push.connect(slow.bind(Transport.INPROC.bindable("pp-slow")));
        push.connect(fast.bind(Transport.INPROC.bindable("pp-fast")));
        for (int i = 0; i < 20; i++) {
            assertTrue(push.send(tagged(i, 4), Rfc.WAIT));
        }
        List<Integer> atSlow = new ArrayList<>();
        Message m;
        while ((m = slow.tryReceive()) != null) {
            atSlow.add(tag(m));
        }
        assertEquals(List.of(0, 2), atSlow, "the slow peer's pipe holds 1 + 1 messages; it gets no more");
        List<Integer> atFast = new ArrayList<>();
        while ((m = fast.tryReceive()) != null) {
            atFast.add(tag(m));
        }
        List<Integer> expected = new ArrayList<>(List.of(1));
        for (int i = 3; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, atFast, "once the slow peer is full, every message goes to the available one");
    }

    // RFC 30-PUSH-11 (no available peer: blocks or fails), 30-PUSH-12 (the refused message is not taken), 30-PUSH-13
    // (nothing is discarded: the blocked send completes once there is room, every accepted message arrives once).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc30_PUSH_11_PUSH_12_PUSH_13_noAvailablePeerBlocksAndNothingIsLost(Transport t) {
        PushSocket push = ctx.push(hwm(2, 2));
        String ep = push.bind(t.bindable("pp-block"));
        assertFalse(push.trySend(tagged(-1, 4)), "no peer: a non-blocking send is refused");
        assertFalse(push.send(tagged(-1, 4), Duration.ofMillis(50)), "no peer: a timed send times out");
        PullSocket pull = ctx.pull(hwm(2, 2));
        pull.connect(ep);
        until(() -> push.peerCount() == 1, "the PUSH has its peer");
        List<Integer> accepted = fill(push, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000);
        if (t == Transport.INPROC) {
            assertEquals(4, accepted.size(), "an inproc pipe holds the sender's HWM plus the receiver's");
        }
        int refused = accepted.size();
        Background<List<Integer>> reader = Background.start("pull-reader", () -> {
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i <= refused; i++) {
                got.add(tag(recv(pull, "message " + i)));
            }
            return got;
        });
        assertTrue(push.send(tagged(refused, 4), Rfc.WAIT), "the blocked send completes once the peer reads");
        List<Integer> expected = new ArrayList<>(accepted);
        expected.add(refused);
        assertEquals(expected, reader.join(), "every accepted message once, in order; the refused one not taken");
        assertNothing(pull, "a duplicate of the refused message");
    }

    // RFC 30-PUSH-5 and 30-PULL-5: a connecting socket's queue exists from connect() on, before the connection, and
    // outlives a lost connection (messages queued meanwhile, or received before the loss, are kept). Tcp: for inproc
    // see connectBeforeBindQueuesOverInproc.
    @Test
    void rfc30_PUSH_5_PULL_5_queuesExistBeforeTheConnectionAndSurviveItsLoss() {
        Transport t = Transport.TCP;
        String ep = t.concrete("pp-early");
        PushSocket push = ctx.push();
        Monitor pushEvents = push.monitor();
        push.connect(ep);
        assertTrue(push.trySend(Message.of("early")), "a connecting PUSH queues before the connection exists");
        PullSocket pull = ctx.pull();
        pull.bind(ep);
        assertEquals("early", recv(pull, "the message queued before the connection").string(0));

        String ep2 = t.concrete("pp-early-pull");
        PullSocket puller = ctx.pull();
        Monitor pullEvents = puller.monitor();
        puller.connect(ep2);
        PushSocket pusher = ctx.push();
        pusher.bind(ep2);
        pusher.send("to-connecting-pull");
        assertEquals("to-connecting-pull", recv(puller, "a message to a connecting PULL").string(0));
        // PUSH side: the queue is kept while the connection is down.
        awaitEvent(pushEvents, Kind.HANDSHAKE_SUCCEEDED);
        pull.unbind(ep);
        pull.close();
        awaitEvent(pushEvents, Kind.DISCONNECTED);
        assertTrue(push.trySend(Message.of("while-down")), "the queue is kept while the connection is down");
        PullSocket pull2 = ctx.pull();
        pull2.bind(ep);
        assertEquals("while-down", recv(pull2, "the message queued while disconnected").string(0));
        // PULL side: what arrived before the pusher left stays readable (the connecting PULL keeps its queue).
        pusher.send("before-loss-1");
        pusher.send("before-loss-2");
        pusher.close(); // lingers until both are on the wire
        awaitEvent(pullEvents, Kind.DISCONNECTED);
        assertEquals("before-loss-1", recv(puller, "a message received before the loss").string(0));
        assertEquals("before-loss-2", recv(puller, "a message received before the loss").string(0));
    }

    // RFC 30-PUSH-5, 28-DEALER-4, 28-REQ-7 and 31-PAIR-4 over inproc: a socket that connects before the name is bound
    // has its queue from connect() on (libzmq makes the pipe at connect time too), so a message sent then is kept.
    @Test
    void connectBeforeBindQueuesOverInproc() {
        String ep = Transport.INPROC.bindable("pp-inproc-early");
        PushSocket push = ctx.push();
        push.connect(ep);
        assertTrue(push.trySend(Message.of("early")), "a connecting PUSH queues before the bind");
        io.jzmtp.DealerSocket dealer = ctx.dealer();
        dealer.connect(ep + "-d");
        assertTrue(dealer.trySend(Message.of("early")), "a connecting DEALER queues before the bind");
        io.jzmtp.PairSocket pair = ctx.pair();
        pair.connect(ep + "-p");
        assertTrue(pair.trySend(Message.of("early")), "a connecting PAIR queues before the bind");
        io.jzmtp.ReqSocket req = ctx.req();
        req.connect(ep + "-r");
        assertTrue(req.trySend(Message.of("early")), "a connecting REQ queues before the bind");
        PullSocket pull = ctx.pull();
        pull.bind(ep);
        assertEquals("early", recv(pull, "the PUSH's message queued before the bind").string(0));
        io.jzmtp.DealerSocket dealerPeer = ctx.dealer();
        dealerPeer.bind(ep + "-d");
        assertEquals("early", recv(dealerPeer, "the DEALER's message queued before the bind").string(0));
        io.jzmtp.PairSocket pairPeer = ctx.pair();
        pairPeer.bind(ep + "-p");
        assertEquals("early", recv(pairPeer, "the PAIR's message queued before the bind").string(0));
        io.jzmtp.RepSocket rep = ctx.rep();
        rep.bind(ep + "-r");
        assertEquals("early", recv(rep, "the REQ's request queued before the bind").string(0));
    }

    // RFC 30-PUSH-6 and 30-PUSH-7 (libzmq leaves the matching check disabled in its suite). A PUSH bound with two
    // PULL peers; one stops reading and its queue fills; then it disconnects.
    //
    // Reading: the messages "queued to" that peer are those the PUSH accepted while it was the only peer. What the
    // RFC demands and what is observable: none of them is ever redelivered, neither to the other PULL nor to a PULL
    // that connects later (it gets a new, empty queue), and the PUSH goes on delivering to the remaining peer. That
    // they are discarded rather than kept somewhere cannot be observed beyond "never delivered".
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc30_PUSH_6_PUSH_7_theQueueOfADisconnectedPullIsDiscardedNotRedelivered(Transport t) {
        PushSocket push = ctx.push(hwm(4, 4));
        Monitor events = push.monitor();
        String ep = push.bind(t.bindable("pp-gone"));
        PullSocket a = ctx.pull(hwm(4, 4));
        a.connect(ep);
        until(() -> push.peerCount() == 1, "the PUSH has its first peer");
        Set<Integer> queuedToA = new HashSet<>(fill(push, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000));
        if (t == Transport.INPROC) {
            assertEquals(8, queuedToA.size(), "an inproc pipe holds the sender's HWM plus the receiver's");
        }
        PullSocket b = ctx.pull();
        b.connect(ep);
        until(() -> push.peerCount() == 2, "the PUSH has its second peer");
        a.close();
        if (t == Transport.TCP) {
            awaitEvent(events, Kind.DISCONNECTED);
        }
        List<Integer> atB = new ArrayList<>();
        int next = 1000;
        long deadline = System.nanoTime() + Rfc.WAIT.toNanos();
        while (atB.isEmpty() || atB.get(atB.size() - 1) < 1000) {
            assertTrue(System.nanoTime() - deadline < 0, "the remaining peer got no new message; it got " + atB);
            push.trySend(tagged(next++, 4));
            Message m = b.receive(Duration.ofMillis(10));
            if (m != null) {
                atB.add(tag(m));
            }
        }
        PullSocket later = ctx.pull();
        later.connect(ep);
        List<Integer> atLater = new ArrayList<>();
        deadline = System.nanoTime() + Rfc.WAIT.toNanos();
        while (atLater.isEmpty()) {
            assertTrue(System.nanoTime() - deadline < 0, "the later peer got nothing");
            push.trySend(tagged(next++, 4));
            Message m = later.receive(Duration.ofMillis(10));
            if (m != null) {
                atLater.add(tag(m));
            }
        }
        Message m;
        while ((m = b.receive(Rfc.QUIET)) != null) {
            atB.add(tag(m));
        }
        while ((m = later.receive(Rfc.QUIET)) != null) {
            atLater.add(tag(m));
        }
        for (int x : atB) {
            assertFalse(queuedToA.contains(x), "message " + x + " queued to the departed peer reached the other one");
        }
        for (int x : atLater) {
            assertFalse(queuedToA.contains(x), "message " + x + " queued to the departed peer reached a later one");
        }
    }

    // RFC 30-PULL-7, local side (libzmq leaves the matching check disabled in its suite). Reading: when a PULL ends
    // its connection to a peer itself (disconnect), the queue it kept for that peer is destroyed with whatever
    // it still holds; messages that had arrived are never delivered, before or after a new connection. Inproc here;
    // the tcp case is the disabled test below.
    @Test
    void rfc30_PULL_7_disconnectDiscardsWhatThePeerSent_inproc() {
        disconnectDiscardsWhatThePeerSent(Transport.INPROC);
    }

    @Test
    void rfc30_PULL_7_disconnectDiscardsWhatThePeerSent_tcp() {
        disconnectDiscardsWhatThePeerSent(Transport.TCP);
    }

    private void disconnectDiscardsWhatThePeerSent(Transport t) {
        PullSocket pull = ctx.pull();
        Monitor events = pull.monitor();
        PushSocket push = ctx.push();
        String ep = push.bind(t.bindable("pp-local"));
        pull.connect(ep);
        push.send("first");
        assertEquals("first", recv(pull, "the first message").string(0));
        push.send("unread-1");
        push.send("unread-2");
        push.close(); // lingers until both are on the wire; the connecting PULL keeps them queued (30-PULL-5)
        if (t == Transport.TCP) {
            awaitEvent(events, Kind.DISCONNECTED);
        }
        pull.disconnect(ep);
        assertNull(pull.tryReceive(), "a message from a peer the PULL disconnected from");
        assertNothing(pull, "a message from a peer the PULL disconnected from");
    }
}
