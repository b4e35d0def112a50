package io.jzmtp.spec.rfc;

import static io.jzmtp.spec.rfc.Rfc.QUIET;
import static io.jzmtp.spec.rfc.Rfc.assertNothing;
import static io.jzmtp.spec.rfc.Rfc.awaitEvent;
import static io.jzmtp.spec.rfc.Rfc.bytes;
import static io.jzmtp.spec.rfc.Rfc.fill;
import static io.jzmtp.spec.rfc.Rfc.recv;
import static io.jzmtp.spec.rfc.Rfc.tag;
import static io.jzmtp.spec.rfc.Rfc.tagged;
import static io.jzmtp.spec.rfc.Rfc.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.HostUnreachableException;
import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import io.jzmtp.RouterSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.rfc.Rfc.Background;
import io.jzmtp.spec.rfc.Rfc.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 28 (REQREP), the DEALER and ROUTER clauses, through the public API over inproc and tcp. */
@Timeout(60)
class Rfc28DealerRouterConformanceTest {
    private static final byte[] EMPTY = new byte[0];
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private static SocketOptions.Builder opts(String routingId) {
        return SocketOptions.builder().routingId(routingId);
    }

    /** Sends from a ROUTER with routerMandatory once it knows the peer (its handshake may still be under way). */
    private static void sendWhenKnown(RouterSocket router, Message m) {
        until(() -> {
            try {
                return router.trySend(m);
            } catch (HostUnreachableException notYet) {
                return false;
            }
        }, "the ROUTER can send to peer " + m.string(0));
    }

    private static List<Integer> drain(DealerSocket d) {
        List<Integer> got = new ArrayList<>();
        Message m;
        while ((m = d.tryReceive()) != null) {
            got.add(tag(m));
        }
        return got;
    }

    // ---------------------------------------------------------------- DEALER

    // RFC 28-DEALER-1 (REP and ROUTER peers, sending and receiving), 28-DEALER-2 (nothing filtered or modified, either
    // way), 28-DEALER-14 (incoming messages reach the application).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_DEALER_1_DEALER_2_DEALER_14_talksToRepAndRouterUnmodified(Transport t) {
        RepSocket rep = ctx.rep();
        RouterSocket router = ctx.router();
        DealerSocket dealer = ctx.dealer(opts("d").build());
        dealer.connect(rep.bind(t.bindable("dr-rep")));
        dealer.connect(router.bind(t.bindable("dr-router")));
        byte[] bin = {0, 1, (byte) 0xFF};
        dealer.send(Message.of(EMPTY, bytes("m0"), bin)); // round-robin: the first peer connected (the REP)
        dealer.send(Message.of(EMPTY, bytes("m1"), bin));
        assertEquals(Message.of(bytes("m0"), bin), recv(rep, "the REP's request"));
        assertEquals(Message.of(bytes("d"), EMPTY, bytes("m1"), bin), recv(router, "the ROUTER's message"));
        rep.send(Message.of(bytes("r"), EMPTY));
        assertEquals(Message.of(EMPTY, bytes("r"), EMPTY), recv(dealer, "the REP's reply, envelope included"));
        router.send(Message.of(bytes("d"), bytes("x"), EMPTY, bin));
        assertEquals(Message.of(bytes("x"), EMPTY, bin), recv(dealer, "the ROUTER's message, frames unchanged"));
    }

    // RFC 28-DEALER-9: outgoing messages go round-robin.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_DEALER_9_roundRobin(Transport t) {
        RouterSocket r1 = ctx.router();
        RouterSocket r2 = ctx.router();
        DealerSocket dealer = ctx.dealer();
        dealer.connect(r1.bind(t.bindable("dr-rr-1")));
        dealer.connect(r2.bind(t.bindable("dr-rr-2")));
        for (int i = 0; i < 6; i++) {
            dealer.send(tagged(i, 4));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * i, tag(recv(r1, "r1's share")), "the first peer gets every other message");
            assertEquals(2 * i + 1, tag(recv(r2, "r2's share")), "the second peer gets the others");
        }
    }

    // RFC 28-DEALER-3 (a double queue: the full outgoing queue does not stop incoming traffic), 28-DEALER-7 (queues
    // limited by the HWMs), 28-DEALER-10 (no available peer: blocks or fails), 28-DEALER-11 (the refused message is
    // not taken), 28-DEALER-12 (nothing is discarded: the blocked send completes once there is room).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_DEALER_3_DEALER_7_DEALER_10_DEALER_11_DEALER_12_backPressureLosesNothing(Transport t) {
        DealerSocket dealer = ctx.dealer(opts("d").sendHwm(2).receiveHwm(2).build());
        assertFalse(dealer.trySend(tagged(-1, 4)), "no peer: a non-blocking send is refused");
        assertFalse(dealer.send(tagged(-1, 4), Duration.ofMillis(50)), "no peer: a timed send times out");
        RouterSocket router = ctx.router(SocketOptions.builder().sendHwm(2).receiveHwm(2).build());
        dealer.connect(router.bind(t.bindable("dr-full")));
        dealer.send(tagged(-2, 4));
        assertEquals(-2, tag(recv(router, "the first message")));
        List<Integer> accepted = fill(dealer, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000);
        if (t == Transport.INPROC) {
            assertEquals(4, accepted.size(), "an inproc pipe holds the sender's HWM plus the receiver's");
        }
        router.send(Message.of(bytes("d"), bytes("reverse")));
        assertEquals("reverse", recv(dealer, "traffic the other way while the outgoing queue is full").string(0));
        int refused = accepted.size();
        Background<List<Integer>> reader = Background.start("router-reader", () -> {
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i <= refused; i++) {
                got.add(tag(recv(router, "message " + i)));
            }
            return got;
        });
        assertTrue(dealer.send(tagged(refused, 4), Rfc.WAIT), "the blocked send completes once the peer reads");
        List<Integer> expected = new ArrayList<>(accepted);
        expected.add(refused);
        assertEquals(expected, reader.join(), "every accepted message once, in order; the refused one not taken");
        assertNothing(router, "a duplicate of the refused message");
    }

    // RFC 28-DEALER-8: a peer whose queue is full is not available; the messages go to the others. Inproc only (the
    // full peer's share is exact there).
    @Test
    void rfc28_DEALER_8_aFullPeerIsSkipped() {
        DealerSocket dealer = ctx.dealer(SocketOptions.builder().sendHwm(1).build());
        DealerSocket slow = ctx.dealer(SocketOptions.builder().receiveHwm(1).build());
        DealerSocket fast = ctx.dealer();
        dealer.connect(slow.bind(Transport.INPROC.bindable("dr-slow")));
        dealer.connect(fast.bind(Transport.INPROC.bindable("dr-fast")));
        for (int i = 0; i < 12; i++) {
            assertTrue(dealer.send(tagged(i, 4), Rfc.WAIT));
        }
        assertEquals(List.of(0, 2), drain(slow), "the slow peer's pipe holds 1 + 1 messages; it gets no more");
        assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11), drain(fast), "the rest go to the available peer");
    }

    // RFC 28-DEALER-4: the double queue exists from connect() on, before the connection, and outlives a lost
    // connection. Tcp: for inproc see Rfc30PipelineConformanceTest.connectBeforeBindQueuesOverInproc.
    @Test
    void rfc28_DEALER_4_queueExistsBeforeTheConnectionAndSurvivesItsLoss() {
        String ep = Transport.TCP.concrete("dr-early");
        DealerSocket dealer = ctx.dealer(opts("d").build());
        Monitor events = dealer.monitor();
        dealer.connect(ep);
        assertTrue(dealer.trySend(Message.of("early")), "a connecting DEALER queues before the connection exists");
        RouterSocket router = ctx.router();
        router.bind(ep);
        assertEquals(Message.of("d", "early"), recv(router, "the message queued before the connection"));
        awaitEvent(events, Kind.HANDSHAKE_SUCCEEDED);
        router.unbind(ep);
        router.close();
        awaitEvent(events, Kind.DISCONNECTED);
        assertTrue(dealer.trySend(Message.of("while-down")), "the queue is kept while the connection is down");
        RouterSocket router2 = ctx.router();
        router2.bind(ep);
        assertEquals(Message.of("d", "while-down"), recv(router2, "the message queued while disconnected"));
    }

    // RFC 28-DEALER-5 and 28-DEALER-6 (libzmq leaves the matching check disabled in its suite). A bound DEALER's queue
    // to a peer that stops reading fills; the peer disconnects. Reading as for PUSH (Rfc30 test): none of the
    // messages queued to it is ever delivered, to the other peer or to a later one (which gets a new queue).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_DEALER_5_DEALER_6_theQueueOfADisconnectedPeerIsDiscarded(Transport t) {
        DealerSocket dealer = ctx.dealer(SocketOptions.builder().sendHwm(4).build());
        Monitor events = dealer.monitor();
        String ep = dealer.bind(t.bindable("dr-gone"));
        DealerSocket a = ctx.dealer(SocketOptions.builder().receiveHwm(4).build());
        a.connect(ep);
        until(() -> dealer.peerCount() == 1, "the DEALER has its first peer");
        Set<Integer> queuedToA = new HashSet<>(fill(dealer, 0, t == Transport.TCP ? 64 * 1024 : 4, 100_000));
        DealerSocket b = ctx.dealer();
        b.connect(ep);
        until(() -> dealer.peerCount() == 2, "the DEALER has its second peer");
        a.close();
        if (t == Transport.TCP) {
            awaitEvent(events, Kind.DISCONNECTED);
        }
        List<Integer> seen = new ArrayList<>();
        int next = 1000;
        for (DealerSocket peer : List.of(b, ctx.dealer())) {
            if (peer != b) {
                peer.connect(ep);
            }
            boolean gotNew = false;
            long deadline = System.nanoTime() + Rfc.WAIT.toNanos();
            while (!gotNew) {
                assertTrue(System.nanoTime() - deadline < 0, "a remaining peer got no new message; seen " + seen);
                dealer.trySend(tagged(next++, 4));
                Message m = peer.receive(Duration.ofMillis(10));
                if (m != null) {
                    seen.add(tag(m));
                    gotNew = tag(m) >= 1000;
                }
            }
        }
        seen.addAll(drain(b));
        for (int x : seen) {
            assertFalse(queuedToA.contains(x), "message " + x + " queued to the departed peer was delivered elsewhere");
        }
    }

    // RFC 28-DEALER-13: incoming messages are fair-queued. Inproc only: everything is queued before the DEALER reads.
    @Test
    void rfc28_DEALER_13_incomingIsFairQueued() {
        DealerSocket dealer = ctx.dealer(opts("d").build());
        RouterSocket r1 = ctx.router();
        RouterSocket r2 = ctx.router();
        dealer.connect(r1.bind(Transport.INPROC.bindable("dr-fq-1")));
        dealer.connect(r2.bind(Transport.INPROC.bindable("dr-fq-2")));
        for (int i = 0; i < 3; i++) {
            r1.send(Message.of("d", "a" + i));
            r2.send(Message.of("d", "b" + i));
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(recv(dealer, "message " + i).string(0));
        }
        for (int i = 1; i < 6; i++) {
            assertNotEquals(got.get(i - 1).charAt(0), got.get(i).charAt(0), "alternating sources: " + got);
        }
    }

    // ---------------------------------------------------------------- ROUTER

    // RFC 28-ROUTER-1 (REQ, DEALER and ROUTER peers; sends and receives), 28-ROUTER-7 (a peer's Identity names it),
    // 28-ROUTER-10 (incoming messages are prefixed with the identity), 28-ROUTER-11 (and delivered), 28-ROUTER-12
    // (the first outgoing frame is taken as the identity), 28-ROUTER-13 (and the rest queued to that peer).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_1_ROUTER_7_ROUTER_10_ROUTER_11_ROUTER_12_ROUTER_13_addressesEachPeerByIdentity(Transport t) {
        RouterSocket hub = ctx.router(opts("hub").build());
        String ep = hub.bind(t.bindable("dr-hub"));
        ReqSocket req = ctx.req(opts("req").build());
        DealerSocket dealer = ctx.dealer(opts("dealer").build());
        RouterSocket router = ctx.router(opts("router").routerMandatory(true).build());
        req.connect(ep);
        dealer.connect(ep);
        router.connect(ep);
        req.send("from-req");
        dealer.send(Message.of("from-dealer", "x"));
        sendWhenKnown(router, Message.of("hub", "from-router"));
        Set<Message> got = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            got.add(recv(hub, "message " + i));
        }
        assertEquals(Set.of(Message.of(bytes("req"), EMPTY, bytes("from-req")), Message.of("dealer", "from-dealer", "x"),
            Message.of("router", "from-router")), got);
        hub.send(Message.of(bytes("req"), EMPTY, bytes("to-req")));
        hub.send(Message.of("dealer", "to-dealer"));
        hub.send(Message.of("router", "to-router"));
        assertEquals("to-req", recv(req, "the REQ's reply").string(0));
        assertEquals(Message.of("to-dealer"), recv(dealer, "the DEALER's message"));
        assertEquals(Message.of("hub", "to-router"), recv(router, "the ROUTER's message, prefixed with the hub's id"));
    }

    // RFC 28-ROUTER-6: each peer's queue has a unique identity: peers without one get distinct generated ids, and a
    // second peer claiming an identity in use does not take it.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_6_identitiesAreUnique(Transport t) {
        RouterSocket router = ctx.router();
        String ep = router.bind(t.bindable("dr-ids"));
        DealerSocket a = ctx.dealer();
        DealerSocket b = ctx.dealer();
        a.connect(ep);
        b.connect(ep);
        a.send("from-a");
        b.send("from-b");
        Message m1 = recv(router, "the first message");
        Message m2 = recv(router, "the second message");
        assertTrue(m1.frame(0).length > 0 && m2.frame(0).length > 0, "generated ids are not empty");
        assertFalse(Arrays.equals(m1.frame(0), m2.frame(0)), "two peers without Identity get distinct ids");
        Message toA = m1.string(1).equals("from-a") ? m1 : m2;
        Message toB = toA == m1 ? m2 : m1;
        router.send(Message.of(toB.frame(0), bytes("for-b")));
        router.send(Message.of(toA.frame(0), bytes("for-a")));
        assertEquals("for-a", recv(a, "a's message").string(0));
        assertEquals("for-b", recv(b, "b's message").string(0));

        DealerSocket first = ctx.dealer(opts("dup").build());
        first.connect(ep);
        first.send("first");
        assertEquals(Message.of("dup", "first"), recv(router, "the first 'dup' peer"));
        DealerSocket second = ctx.dealer(opts("dup").build());
        second.connect(ep);
        second.trySend(Message.of("second"));
        first.send("first-again");
        assertEquals(Message.of("dup", "first-again"), recv(router, "the first 'dup' peer again"));
        assertNothing(router, "a message from the peer refused for claiming an identity in use");
        router.send(Message.of("dup", "to-dup"));
        assertEquals("to-dup", recv(first, "the message to 'dup'").string(0));
        assertNothing(second, "a message to the identity the second peer claimed");
    }

    // RFC 28-ROUTER-14: a message to an unknown identity is dropped silently, or (routerMandatory) an error.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_14_anUnknownIdentityIsDroppedOrAnError(Transport t) {
        RouterSocket quiet = ctx.router();
        quiet.bind(t.bindable("dr-unknown"));
        assertTrue(quiet.trySend(Message.of("nobody", "x")), "dropped silently: the send reports no failure");
        quiet.send(Message.of("nobody", "x"));
        RouterSocket strict = ctx.router(SocketOptions.builder().routerMandatory(true).build());
        strict.bind(t.bindable("dr-unknown-strict"));
        assertThrows(HostUnreachableException.class, () -> strict.send(Message.of("nobody", "x")));
    }

    // RFC 28-ROUTER-8 (queues limited by the HWMs), 28-ROUTER-14 (a full queue: dropped silently by default, an error
    // under routerMandatory), 28-ROUTER-15 (sending never blocks by default), 28-ROUTER-2 (the full outgoing queue
    // does not stop incoming traffic from that peer). Exact counts over inproc; over tcp the kernel buffers absorb
    // an amount that depends on the host.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_2_ROUTER_8_ROUTER_14_ROUTER_15_aFullPeer(Transport t) {
        int size = t == Transport.TCP ? 64 * 1024 : 4;
        RouterSocket router = ctx.router(SocketOptions.builder().sendHwm(2).build());
        DealerSocket peer = ctx.dealer(opts("p").receiveHwm(2).build());
        peer.connect(router.bind(t.bindable("dr-full-drop")));
        peer.send("hello");
        assertEquals(Message.of("p", "hello"), recv(router, "the peer's greeting"));
        int n = t == Transport.TCP ? 400 : 10;
        for (int i = 0; i < n; i++) {
            assertTrue(router.trySend(Message.of(bytes("p"), tagged(i, size).frame(0))), "never refused, never blocks");
        }
        List<Integer> got = new ArrayList<>();
        Message m;
        while ((m = peer.receive(t == Transport.TCP ? QUIET : Duration.ZERO)) != null) {
            got.add(tag(m));
        }
        if (t == Transport.INPROC) {
            assertEquals(List.of(0, 1, 2, 3), got, "2 + 2 messages queued, the rest dropped");
        }
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i - 1) < got.get(i), "what is delivered is in order: " + got);
        }

        RouterSocket strict = ctx.router(SocketOptions.builder().sendHwm(2).routerMandatory(true).build());
        DealerSocket peer2 = ctx.dealer(opts("q").receiveHwm(2).build());
        peer2.connect(strict.bind(t.bindable("dr-full-strict")));
        sendWhenKnown(strict, Message.of("q", "hello"));
        assertEquals("hello", recv(peer2, "the greeting").string(0));
        int accepted = 0;
        while (strict.trySend(Message.of(bytes("q"), tagged(accepted, size).frame(0)))) {
            accepted++;
            assertTrue(accepted < 100_000, "the queue never filled");
        }
        if (t == Transport.INPROC) {
            assertEquals(4, accepted, "routerMandatory: a full peer refuses the message instead of dropping it");
        }
        peer2.send("still-incoming");
        assertEquals(Message.of("q", "still-incoming"), recv(strict, "incoming traffic while the outgoing queue is full"));
    }

    // RFC 28-ROUTER-3: a connecting ROUTER's queue to its peer exists from connect() on and (tcp) outlives a lost
    // connection: a message to the peer's identity while it is down is queued and delivered after reconnection.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_3_aConnectingRoutersQueueSurvivesTheConnection(Transport t) {
        String ep = t.concrete("dr-connect");
        RouterSocket router = ctx.router(SocketOptions.builder().routerMandatory(true).build());
        Monitor events = router.monitor();
        router.connect(ep);
        DealerSocket dealer = ctx.dealer(opts("d").build());
        dealer.bind(ep);
        for (int i = 0; i < 20; i++) {
            dealer.send("early-" + i); // sent as soon as the handshake completes
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(Message.of("d", "early-" + i), recv(router, "message " + i + " from the bound peer"));
        }
        router.send(Message.of("d", "reply"));
        assertEquals("reply", recv(dealer, "the reply").string(0));
        if (t == Transport.INPROC) {
            return; // an inproc connection is not re-established after its binder goes away (libzmq neither)
        }
        awaitEvent(events, Kind.HANDSHAKE_SUCCEEDED);
        dealer.unbind(ep);
        dealer.close();
        awaitEvent(events, Kind.DISCONNECTED);
        assertTrue(router.trySend(Message.of("d", "while-down")), "the queue to 'd' is kept while it is down");
        DealerSocket dealer2 = ctx.dealer(opts("d").build());
        dealer2.bind(ep);
        assertEquals("while-down", recv(dealer2, "the message queued while disconnected").string(0));
    }

    // RFC 28-ROUTER-4 and 28-ROUTER-5 (libzmq leaves the matching check disabled in its suite): the queue of a peer
    // that connected is destroyed when it disconnects. Observable: its identity becomes unknown (routerMandatory
    // says so), and a new peer with the same identity gets a new queue, without the old messages.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_ROUTER_4_ROUTER_5_theQueueOfADisconnectedPeerIsDestroyed(Transport t) {
        RouterSocket router = ctx.router(SocketOptions.builder().sendHwm(4).routerMandatory(true).build());
        String ep = router.bind(t.bindable("dr-gone"));
        DealerSocket a = ctx.dealer(opts("a").receiveHwm(4).build());
        a.connect(ep);
        sendWhenKnown(router, Message.of("a", "hello"));
        assertEquals("hello", recv(a, "the greeting").string(0));
        int size = t == Transport.TCP ? 64 * 1024 : 4;
        int queued = 0;
        while (router.trySend(Message.of(bytes("a"), tagged(queued, size).frame(0)))) {
            queued++;
            assertTrue(queued < 100_000, "the queue never filled");
        }
        a.close();
        until(() -> {
            try {
                router.trySend(Message.of("a", "probe"));
                return false;
            } catch (HostUnreachableException gone) {
                return true;
            }
        }, "the departed peer's identity is unknown");
        DealerSocket again = ctx.dealer(opts("a").build());
        again.connect(ep);
        sendWhenKnown(router, Message.of("a", "fresh"));
        assertEquals("fresh", recv(again, "the first message to the new peer").string(0),
            "none of the " + queued + " messages queued to the departed peer");
        assertNothing(again, "a message queued to the departed peer");
    }

    // RFC 28-ROUTER-9: incoming messages are fair-queued. Inproc only: everything is queued before the ROUTER reads.
    @Test
    void rfc28_ROUTER_9_incomingIsFairQueued() {
        RouterSocket router = ctx.router();
        String ep = router.bind(Transport.INPROC.bindable("dr-fq"));
        DealerSocket a = ctx.dealer(opts("a").build());
        DealerSocket b = ctx.dealer(opts("b").build());
        a.connect(ep);
        b.connect(ep);
        for (int i = 0; i < 3; i++) {
            a.send("a" + i);
            b.send("b" + i);
        }
        List<String> from = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            from.add(recv(router, "message " + i).string(0));
        }
        for (int i = 1; i < 6; i++) {
            assertNotEquals(from.get(i - 1), from.get(i), "alternating sources: " + from);
        }
    }
}
