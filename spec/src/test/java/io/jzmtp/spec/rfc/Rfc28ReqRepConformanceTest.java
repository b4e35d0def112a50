package io.jzmtp.spec.rfc;

import static io.jzmtp.spec.rfc.Rfc.assertNothing;
import static io.jzmtp.spec.rfc.Rfc.awaitEvent;
import static io.jzmtp.spec.rfc.Rfc.bytes;
import static io.jzmtp.spec.rfc.Rfc.recv;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 28 (REQREP), the REQ and REP clauses, through the public API over inproc and tcp. */
@Timeout(60)
// RFC 23-SOCK-8: REQ, REP, DEALER and ROUTER follow RFC 28 (this class and Rfc28DealerRouterConformanceTest).
class Rfc28ReqRepConformanceTest {
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

    private static SocketOptions id(String routingId) {
        return SocketOptions.builder().routingId(routingId).build();
    }

    private static SocketOptions mandatory(String routingId) {
        return SocketOptions.builder().routingId(routingId).routerMandatory(true).build();
    }

    /** Sends from a ROUTER with routerMandatory once it knows the peer (its handshake may still be under way). */
    private static void sendWhenKnown(RouterSocket router, Message m) {
        until(() -> {
            try {
                return router.trySend(m);
            } catch (HostUnreachableException notYet) {
                return false;
            }
        }, "the ROUTER knows peer " + m.string(0));
    }

    // ---------------------------------------------------------------- REQ

    // RFC 28-REQ-1 (REP and ROUTER peers, any number), 28-REQ-5 (round-robin), 28-REQ-3 and 28-REQ-4 (an empty
    // delimiter before the data frames on the wire; the application sees the data frames only).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REQ_1_REQ_3_REQ_4_REQ_5_roundRobinOverRepAndRouterPeers(Transport t) {
        RepSocket rep = ctx.rep();
        RouterSocket router = ctx.router();
        ReqSocket req = ctx.req(id("client"));
        req.connect(rep.bind(t.bindable("rr-rep")));
        req.connect(router.bind(t.bindable("rr-router")));
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            req.send(Message.of("q" + i, "part2"));
            Message[] got = new Message[1];
            String who = null;
            long deadline = System.nanoTime() + Rfc.WAIT.toNanos();
            while (who == null) {
                assertTrue(System.nanoTime() - deadline < 0, "request " + i + " reached no peer");
                if ((got[0] = rep.receive(Duration.ofMillis(5))) != null) {
                    who = "REP";
                } else if ((got[0] = router.receive(Duration.ofMillis(5))) != null) {
                    who = "ROUTER";
                }
            }
            servedBy.add(who);
            if (who.equals("REP")) {
                assertEquals(Message.of("q" + i, "part2"), got[0], "the REP sees the data frames only");
                rep.send(Message.of("a" + i));
            } else {
                Message m = got[0];
                assertEquals(4, m.size(), "ROUTER sees [id, delimiter, data...]: " + m);
                assertArrayEquals(bytes("client"), m.frame(0));
                assertArrayEquals(EMPTY, m.frame(1), "the REQ put an empty delimiter before the data");
                assertEquals("q" + i, m.string(2));
                assertEquals("part2", m.string(3));
                router.send(Message.of(m.frame(0), EMPTY, bytes("a" + i)));
            }
            assertEquals(Message.of("a" + i), recv(req, "reply " + i), "the application sees the reply's data only");
        }
        for (int i = 1; i < 4; i++) {
            assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "requests alternate between peers: " + servedBy);
        }
    }

    // RFC 28-REQ-2: send and receive alternate, one message at a time.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REQ_2_lockStep(Transport t) {
        RepSocket rep = ctx.rep();
        ReqSocket req = ctx.req();
        req.connect(rep.bind(t.bindable("rr-lock")));
        assertThrows(IllegalStateException.class, () -> req.receive(Duration.ZERO), "receive before any request");
        req.send("one");
        assertThrows(IllegalStateException.class, () -> req.send("two"), "a second request before the reply");
        assertEquals("one", recv(rep, "the request").string(0));
        rep.send("reply");
        assertEquals("reply", recv(req, "the reply").string(0));
        assertThrows(IllegalStateException.class, () -> req.receive(Duration.ZERO), "a second receive");
        req.send("three");
        assertEquals("three", recv(rep, "the next request").string(0));
    }

    // RFC 28-REQ-3: a reply must have the delimiter; one without it (or without data) is not a reply.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REQ_3_aReplyWithoutDelimiterIsNotAccepted(Transport t) {
        RouterSocket router = ctx.router();
        ReqSocket req = ctx.req(id("client"));
        req.connect(router.bind(t.bindable("rr-malformed")));
        req.send("q");
        Message request = recv(router, "the request");
        router.send(Message.of(request.frame(0), bytes("no-delimiter")));
        router.send(Message.of(request.frame(0), EMPTY));
        router.send(Message.of(request.frame(0), EMPTY, bytes("good")));
        assertEquals(Message.of("good"), recv(req, "the well-formed reply"));
    }

    // RFC 28-REQ-6: with no connected peer a request blocks (or a non-blocking send fails); 28-REQ-7: it is kept and
    // sent once a peer connects.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REQ_6_REQ_7_noPeerBlocksAndTheRequestIsKept(Transport t) {
        ReqSocket req = ctx.req();
        String ep = req.bind(t.bindable("rr-nopeer"));
        assertFalse(req.trySend(Message.of("x")), "no peer: a non-blocking send is refused");
        assertFalse(req.send(Message.of("x"), Duration.ofMillis(50)), "no peer: a timed send times out");
        Background<String> client = Background.start("req-blocked", () -> {
            req.send("held");
            return recv(req, "the reply").string(0);
        });
        client.awaitParked();
        RepSocket rep = ctx.rep();
        rep.connect(ep);
        assertEquals("held", recv(rep, "the request whose send was blocked").string(0));
        rep.send("done");
        assertEquals("done", client.join());
    }

    // RFC 28-REQ-7: a request to a peer that is not connected yet is queued, not discarded. Tcp: for inproc see
    // Rfc30PipelineConformanceTest.connectBeforeBindQueuesOverInproc.
    @Test
    void rfc28_REQ_7_aRequestIsQueuedUntilThePeerIsUp() {
        String ep = Transport.TCP.concrete("rr-early");
        ReqSocket req = ctx.req();
        req.connect(ep);
        assertTrue(req.trySend(Message.of("early")), "a connecting REQ queues its request");
        RepSocket rep = ctx.rep();
        rep.bind(ep);
        assertEquals("early", recv(rep, "the queued request").string(0));
        rep.send("ok");
        assertEquals("ok", recv(req, "the reply").string(0));
    }

    // RFC 28-REQ-8 and 28-REQ-9 (libzmq leaves this check disabled in its suite): only the peer the request went to
    // may answer; a message from the other peer, sent while the REQ waits, is discarded silently and the right
    // reply is still delivered.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REQ_8_REQ_9_aReplyIsAcceptedOnlyFromThePeerAsked(Transport t) {
        RouterSocket r1 = ctx.router(mandatory("r1"));
        RouterSocket r2 = ctx.router(mandatory("r2"));
        ReqSocket req = ctx.req(id("client"));
        req.connect(r1.bind(t.bindable("rr-only-1")));
        req.connect(r2.bind(t.bindable("rr-only-2")));
        req.send("q1");
        RouterSocket asked = null;
        RouterSocket other = null;
        long deadline = System.nanoTime() + Rfc.WAIT.toNanos();
        while (asked == null) {
            assertTrue(System.nanoTime() - deadline < 0, "the request reached no peer");
            if (r1.receive(Duration.ofMillis(5)) != null) {
                asked = r1;
                other = r2;
            } else if (r2.receive(Duration.ofMillis(5)) != null) {
                asked = r2;
                other = r1;
            }
        }
        sendWhenKnown(other, Message.of(bytes("client"), EMPTY, bytes("wrong")));
        assertNothing(req, "a reply from the peer the request did not go to");
        asked.send(Message.of(bytes("client"), EMPTY, bytes("right")));
        assertEquals("right", recv(req, "the reply from the peer asked").string(0));
    }

    // RFC 28-REQ-8 and 28-REQ-9: a message the next peer sent while the REQ was asking another one is not taken for
    // that peer's reply to the next request. Inproc only: there the message is in the REQ's queue when the sends
    // return; over tcp a message still in flight when the request leaves cannot be told from a reply (that is what
    // reqCorrelate is for).
    @Test
    void rfc28_REQ_8_REQ_9_aMessageSentBeforeTheRequestIsNotTheReply() {
        RouterSocket r1 = ctx.router(mandatory("r1"));
        RouterSocket r2 = ctx.router(mandatory("r2"));
        ReqSocket req = ctx.req(id("client"));
        req.connect(r1.bind(Transport.INPROC.bindable("rr-stale-1")));
        req.connect(r2.bind(Transport.INPROC.bindable("rr-stale-2")));
        req.send("q1");
        Message m1 = r1.tryReceive();
        RouterSocket first = m1 != null ? r1 : r2;
        RouterSocket second = m1 != null ? r2 : r1;
        if (m1 == null) {
            assertEquals("q1", recv(r2, "the first request").string(2));
        }
        second.send(Message.of(bytes("client"), EMPTY, bytes("stale")));
        first.send(Message.of(bytes("client"), EMPTY, bytes("reply1")));
        assertEquals("reply1", recv(req, "the first reply").string(0));
        second.send(Message.of(bytes("client"), EMPTY, bytes("stale-2")));
        req.send("q2");
        assertEquals("q2", recv(second, "the second request (round-robin)").string(2));
        second.send(Message.of(bytes("client"), EMPTY, bytes("reply2")));
        assertEquals("reply2", recv(req, "the reply to the second request").string(0),
            "messages the peer sent before it was asked are not the reply");
    }

    // ---------------------------------------------------------------- REP

    // RFC 28-REP-1 (REQ and DEALER peers, any number), 28-REP-10 (each reply goes back to the peer that asked).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REP_1_REP_10_servesReqAndDealerPeersEachGetsItsOwnReply(Transport t) {
        RepSocket rep = ctx.rep();
        String ep = rep.bind(t.bindable("rr-serve"));
        ReqSocket req = ctx.req();
        DealerSocket dealer = ctx.dealer();
        req.connect(ep);
        dealer.connect(ep);
        req.send("from-req");
        dealer.send(Message.of(EMPTY, bytes("from-dealer")));
        for (int i = 0; i < 2; i++) {
            String body = recv(rep, "request " + i).string(0);
            rep.send("re:" + body);
        }
        assertEquals("re:from-req", recv(req, "the REQ's reply").string(0));
        assertEquals(Message.of(EMPTY, bytes("re:from-dealer")), recv(dealer, "the DEALER's reply"));
    }

    // RFC 28-REP-4 (wire format: envelope, delimiter, data), 28-REP-6 (the envelope up to and including the first
    // empty frame is removed and kept), 28-REP-7 (the data frames reach the application), 28-REP-2 (data frames
    // unmodified, an empty one included), 28-REP-9 (the envelope is put back in front of the reply).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REP_2_REP_4_REP_6_REP_7_REP_9_theEnvelopeIsStrippedAndRestored(Transport t) {
        RepSocket rep = ctx.rep();
        DealerSocket dealer = ctx.dealer();
        dealer.connect(rep.bind(t.bindable("rr-envelope")));
        byte[] bin = {0, 1, (byte) 0xFF};
        dealer.send(Message.of(bytes("hop1"), bytes("hop2"), EMPTY, bytes("body"), EMPTY, bin));
        assertEquals(Message.of(bytes("body"), EMPTY, bin), recv(rep, "the request"));
        rep.send(Message.of(bytes("x"), EMPTY, bin));
        assertEquals(Message.of(bytes("hop1"), bytes("hop2"), EMPTY, bytes("x"), EMPTY, bin),
            recv(dealer, "the reply under the saved envelope"));
        // An envelope of zero identity frames.
        dealer.send(Message.of(EMPTY, bytes("plain")));
        assertEquals(Message.of("plain"), recv(rep, "the second request"));
        rep.send("r2");
        assertEquals(Message.of(EMPTY, bytes("r2")), recv(dealer, "the second reply"));
        // A request with no delimiter is malformed: dropped, the next one served.
        dealer.send(Message.of(bytes("no-delimiter")));
        dealer.send(Message.of(EMPTY, bytes("after")));
        assertEquals(Message.of("after"), recv(rep, "the request after a malformed one"));
    }

    // RFC 28-REP-3 and 28-REP-8: receive and send alternate; the REP waits for exactly one reply.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REP_3_REP_8_lockStep(Transport t) {
        RepSocket rep = ctx.rep();
        ReqSocket req = ctx.req();
        req.connect(rep.bind(t.bindable("rr-replock")));
        assertThrows(IllegalStateException.class, () -> rep.send("too early"), "a reply before any request");
        req.send("q");
        assertEquals("q", recv(rep, "the request").string(0));
        assertThrows(IllegalStateException.class, () -> rep.receive(Duration.ZERO), "a second receive before replying");
        rep.send("r");
        assertThrows(IllegalStateException.class, () -> rep.send("again"), "a second reply");
        assertEquals("r", recv(req, "the reply").string(0));
    }

    // RFC 28-REP-5: requests are fair-queued. Inproc only: all requests are queued before the REP reads (over tcp
    // the arrival order would decide).
    @Test
    void rfc28_REP_5_requestsAreFairQueued() {
        RepSocket rep = ctx.rep();
        String ep = rep.bind(Transport.INPROC.bindable("rr-fair"));
        DealerSocket a = ctx.dealer();
        DealerSocket b = ctx.dealer();
        a.connect(ep);
        b.connect(ep);
        for (int i = 0; i < 3; i++) {
            a.send(Message.of(EMPTY, bytes("a" + i)));
            b.send(Message.of(EMPTY, bytes("b" + i)));
        }
        List<Character> from = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            from.add(recv(rep, "request " + i).string(0).charAt(0));
            rep.send("r");
        }
        for (int i = 1; i < 6; i++) {
            assertNotEquals(from.get(i - 1), from.get(i), "requests alternate between the peers: " + from);
        }
    }

    // RFC 28-REP-11: a reply to a peer that has gone is discarded silently; the REP serves the next request.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REP_11_aReplyToADepartedPeerIsDiscarded(Transport t) {
        RepSocket rep = ctx.rep();
        Monitor events = rep.monitor();
        String ep = rep.bind(t.bindable("rr-gone"));
        DealerSocket gone = ctx.dealer();
        gone.connect(ep);
        gone.send(Message.of(EMPTY, bytes("q-gone")));
        assertEquals("q-gone", recv(rep, "the request").string(0));
        gone.close();
        if (t == Transport.TCP) {
            awaitEvent(events, Kind.DISCONNECTED);
        }
        rep.send("lost"); // returns; nothing to report back
        DealerSocket next = ctx.dealer();
        next.connect(ep);
        next.send(Message.of(EMPTY, bytes("q-next")));
        assertEquals("q-next", recv(rep, "the next request").string(0));
        rep.send("found");
        assertEquals(Message.of(EMPTY, bytes("found")), recv(next, "the reply to the next peer"));
        assertNothing(next, "the reply meant for the departed peer");
    }

    // RFC 28-REP-12: sending a reply never blocks, even when the requester does not read its replies.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc28_REP_12_sendingNeverBlocks(Transport t) {
        RepSocket rep = ctx.rep(SocketOptions.builder().sendHwm(1).build());
        DealerSocket dealer = ctx.dealer(SocketOptions.builder().receiveHwm(1).build());
        dealer.connect(rep.bind(t.bindable("rr-noblock")));
        int n = t == Transport.TCP ? 200 : 20;
        byte[] big = new byte[t == Transport.TCP ? 64 * 1024 : 4];
        for (int i = 0; i < n; i++) {
            dealer.send(Message.of(EMPTY, bytes("q" + i)));
        }
        Map<Integer, Boolean> results = new HashMap<>();
        for (int i = 0; i < n; i++) {
            recv(rep, "request " + i);
            results.put(i, rep.trySend(Message.of(big)));
        }
        assertFalse(results.containsValue(false), "a REP reply is never refused for back-pressure: " + results);
    }
}
