package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.HB_IVL;
import static io.jzmtp.spec.interop.Features.HB_TIMEOUT;
import static io.jzmtp.spec.interop.Features.HB_WINDOW;
import static io.jzmtp.spec.interop.Features.LONG;
import static io.jzmtp.spec.interop.Features.port;
import static io.jzmtp.spec.interop.Features.rebindOurs;
import static io.jzmtp.spec.interop.Frames.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.RouterSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XPubOptions;
import io.jzmtp.XPubSocket;
import io.jzmtp.ZSocket;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.harness.FaultProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/**
 * The features against JeroMQ 0.6 (ZMTP 3.0, in process, tcp): heartbeats both ways, reconnection after either side
 * restarts, incompatible socket types refused by both sides, PLAIN both ways (the test's thread answers JeroMQ's ZAP
 * request), 64 MiB frames both ways, and the legacy 0x01/0x00 subscription messages on the wire.
 */
@DisplayName("JeroMQ: heartbeats, reconnection, refusal, PLAIN, 64 MiB, subscription wire form")
@ExtendWith(InteropReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JeromqFeatureTest {
    private static final SocketOptions QUICK = SocketOptions.builder().linger(Duration.ZERO)
        .reconnectInterval(Duration.ofMillis(50)).build();
    private static final int BIG = 64 * Frames.MIB;
    /** A PING or PONG command's name on the wire: its length octet, then the name (RFC 37). */
    private static final byte[] PING = {4, 'P', 'I', 'N', 'G'};
    private static final byte[] PONG = {4, 'P', 'O', 'N', 'G'};

    private Context ctx;
    private ZContext jeromq;

    @BeforeEach
    void start() {
        ctx = Context.create();
        jeromq = new ZContext();
    }

    @AfterEach
    void stop() {
        jeromq.close();
        ctx.close(Duration.ZERO);
    }

    private ZMQ.Socket theirs(SocketType type) {
        ZMQ.Socket s = jeromq.createSocket(type);
        s.setLinger(0);
        s.setHandshakeIvl(JeromqParty.HANDSHAKE_RETRY_MILLIS);
        s.setReconnectIVL(50);
        return s;
    }

    private static String bind(ZMQ.Socket s, String endpoint) {
        assertTrue(s.bind(endpoint), "JeroMQ bind " + endpoint);
        return s.getLastEndpoint();
    }

    // ---- heartbeats: RFC 37-PING-4 (PONG echoes), 37-PING-11 (silent peer dropped) ----

    /**
     * RFC 37 (37-PING-4): our ROUTER answers each of JeroMQ's PINGs with a PONG, counted on the wire, and JeroMQ keeps
     * the connection through five of its heartbeat timeouts. That JeroMQ then drops a silent peer is not asked here:
     * its heartbeat timeout sometimes never fires (in 14 of 120 runs it went on pinging a blackholed peer, unanswered,
     * for 10 s; see the peer notes in INTEROP.md), so only our half is tested against it. Our dropping of a silent
     * peer is {@link #ourDealerPings_theirRouterPongs_silentPeerDropped_tcp}, and libzmq's in
     * {@link LibzmqHeartbeatTest}.
     */
    @Test
    void theirDealerPings_ourRouterPongs_tcp() throws IOException {
        RouterSocket router = ctx.router(QUICK);
        OurMonitor ours = new OurMonitor(router);
        String ep = router.bind("tcp://127.0.0.1:*");
        try (WireTap tap = new WireTap(port(ep))) {
            ZMQ.Socket dealer = theirs(SocketType.DEALER);
            dealer.setIdentity("hb".getBytes(StandardCharsets.US_ASCII));
            dealer.setHeartbeatIvl((int) HB_IVL.toMillis());
            dealer.setHeartbeatTimeout((int) HB_TIMEOUT.toMillis());
            JeromqMonitor their = new JeromqMonitor(jeromq, dealer);
            dealer.connect(tap.endpoint());
            // JeroMQ 0.6 reports no HANDSHAKE_SUCCEEDED for NULL; ours marks the handshake's end
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

            List<ZMonitor.Event> window = their.observe(HB_WINDOW);
            // JeroMQ 0.6 sometimes stalls a connecting greeting (see the report); such an attempt is dropped by the
            // handshake timeout and retried before the handshake succeeds. Only what follows the completed
            // handshake tells about heartbeats.
            int done = window.lastIndexOf(ZMonitor.Event.HANDSHAKE_PROTOCOL);
            List<ZMonitor.Event> afterHandshake = window.subList(done + 1, window.size());
            assertFalse(afterHandshake.contains(ZMonitor.Event.DISCONNECTED), "JeroMQ dropped the connection: " + window);
            int pings = WireTap.count(tap.upstream(), PING);
            assertTrue(pings >= 5, "JeroMQ sent " + pings + " PINGs in " + HB_WINDOW + " at one each " + HB_IVL);
            awaitCount(tap, PONG, pings);
            JeromqParty.wrap(dealer, "DEALER").send("still-up");
            expect(OurParty.wrap(router), "hb", "still-up");
        }
    }

    /** Waits until the target (our side) has sent at least {@code n} of the command. */
    private static void awaitCount(WireTap tap, byte[] command, int n) {
        long deadline = System.nanoTime() + LONG.toNanos();
        int seen;
        while ((seen = WireTap.count(tap.downstream(), command)) < n) {
            if (System.nanoTime() - deadline > 0) {
                fail("we sent " + seen + " PONGs for " + n + " PINGs within " + LONG);
            }
            LockSupport.parkNanos(5_000_000L); // polling the recording, bounded by the deadline
        }
    }

    @Test
    void ourDealerPings_theirRouterPongs_silentPeerDropped_tcp() throws IOException {
        ZMQ.Socket router = theirs(SocketType.ROUTER);
        String ep = bind(router, "tcp://127.0.0.1:*");
        try (FaultProxy proxy = new FaultProxy(port(ep))) {
            DealerSocket dealer = ctx.dealer(QUICK.toBuilder().routingId("hb").heartbeatInterval(HB_IVL)
                .heartbeatTimeout(HB_TIMEOUT).build());
            OurMonitor ours = new OurMonitor(dealer);
            dealer.connect("tcp://127.0.0.1:" + proxy.port());
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

            List<SocketEvent> window = ours.observe(HB_WINDOW);
            assertFalse(window.stream().anyMatch(e -> e.kind() == Kind.DISCONNECTED), "we dropped it: " + window);
            assertEquals(1, proxy.accepted(), "connections carried");
            OurParty.wrap(dealer).send("still-up");
            expect(JeromqParty.wrap(router, "ROUTER"), "hb", "still-up");

            proxy.mode(FaultProxy.Mode.BLACKHOLE);
            ours.await(Kind.DISCONNECTED, LONG);
        }
    }

    // ---- reconnection ----

    @Test
    void ourPushConnects_theirPullRestarts_tcp() {
        ZMQ.Socket pull1 = theirs(SocketType.PULL);
        String ep = bind(pull1, "tcp://127.0.0.1:*");
        PushSocket push = ctx.push(QUICK);
        OurMonitor ours = new OurMonitor(push);
        push.connect(ep);
        InteropSocket our = OurParty.wrap(push);
        our.send("before");
        expect(JeromqParty.wrap(pull1, "PULL"), "before");
        ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

        pull1.close();
        ours.await(Kind.DISCONNECTED, LONG);
        ZMQ.Socket pull2 = rebindTheirs(SocketType.PULL, ep);
        ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
        our.send("after");
        expect(JeromqParty.wrap(pull2, "PULL"), "after");
    }

    @Test
    void theirPushConnects_ourPullRestarts_tcp() {
        PullSocket pull1 = ctx.pull(QUICK);
        String ep = pull1.bind("tcp://127.0.0.1:*");
        ZMQ.Socket push = theirs(SocketType.PUSH);
        JeromqMonitor their = new JeromqMonitor(jeromq, push);
        push.connect(ep);
        InteropSocket theirPush = JeromqParty.wrap(push, "PUSH");
        theirPush.send("before");
        expect(OurParty.wrap(pull1), "before");

        pull1.close();
        their.await(LONG, ZMonitor.Event.DISCONNECTED);
        PullSocket pull2 = rebindOurs(() -> ctx.pull(QUICK), ep);
        // JeroMQ's connect-side pipe outlives the connection: "after" waits in it for the new one
        theirPush.send("after");
        expect(OurParty.wrap(pull2), "after");
    }

    /** RFC 29: our SUB sends its subscription again (as a 3.0 message) to the restarted JeroMQ XPUB. */
    @Test
    void ourSubConnects_theirXpubRestarts_resubscribes_tcp() {
        ZMQ.Socket x1 = theirs(SocketType.XPUB);
        String ep = bind(x1, "tcp://127.0.0.1:*");
        SubSocket sub = ctx.sub(QUICK);
        OurMonitor ours = new OurMonitor(sub);
        sub.connect(ep);
        sub.subscribe("T");
        assertEquals(Frames.show(Frames.subscription(true, "T")),
            Frames.show(Scenarios.awaitSubscription(JeromqParty.wrap(x1, "XPUB"), OurParty.wrap(sub))));

        x1.close();
        ours.await(Kind.DISCONNECTED, LONG);
        InteropSocket x2 = JeromqParty.wrap(rebindTheirs(SocketType.XPUB, ep), "XPUB");
        InteropSocket our = OurParty.wrap(sub);
        assertEquals(Frames.show(Frames.subscription(true, "T")), Frames.show(Scenarios.awaitSubscription(x2, our)));
        x2.send("T-after");
        expect(our, "T-after");
    }

    private ZMQ.Socket rebindTheirs(SocketType type, String endpoint) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (true) {
            ZMQ.Socket s = theirs(type);
            try {
                if (s.bind(endpoint)) {
                    return s;
                }
            } catch (org.zeromq.ZMQException e) {
                // still in use: retried below
            }
            s.close();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("could not bind JeroMQ again to " + endpoint + " within " + LONG);
            }
            LockSupport.parkNanos(10_000_000L); // polling for the old listener to go, bounded by the deadline
        }
    }

    // ---- incompatible socket types: RFC 23-STYPE-2, 23-STYPE-3 ----

    /**
     * As with libzmq (see {@link LibzmqRefusalTest}), a {@link WireTap} holds our READY until JeroMQ's has reached
     * us, since JeroMQ closes without READY or ERROR once it has seen ours. JeroMQ 0.6 reports the failure as a
     * DISCONNECTED after HANDSHAKE_PROTOCOL (no HANDSHAKE_FAILED_* event).
     */
    @Test
    void ourPushConnects_theirPushBinds_refusedBothSides_tcp() {
        ZMQ.Socket push = theirs(SocketType.PUSH);
        JeromqMonitor their = new JeromqMonitor(jeromq, push);
        String ep = bind(push, "tcp://127.0.0.1:*");
        PushSocket our = ctx.push(QUICK);
        OurMonitor ours = new OurMonitor(our);
        try (WireTap tap = new WireTap(port(ep), WireTap.Gate.CLIENT_WAITS)) {
            our.connect(tap.endpoint());
            check(ours, their);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theirReqConnects_ourPubBinds_refusedBothSides_tcp() {
        ZSocket our = ctx.pub(QUICK);
        OurMonitor ours = new OurMonitor(our);
        String ep = our.bind("tcp://127.0.0.1:*");
        try (WireTap tap = new WireTap(port(ep), WireTap.Gate.TARGET_WAITS)) {
            ZMQ.Socket req = theirs(SocketType.REQ);
            JeromqMonitor their = new JeromqMonitor(jeromq, req);
            req.connect(tap.endpoint());
            check(ours, their);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(OurMonitor ours, JeromqMonitor their) {
        SocketEvent e = ours.await(Kind.HANDSHAKE_FAILED, LONG);
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, e.error(), "our reason: " + e);
        their.await(LONG, ZMonitor.Event.HANDSHAKE_PROTOCOL);
        ZEvent t = their.await(LONG, ZMonitor.Event.DISCONNECTED, ZMonitor.Event.HANDSHAKE_SUCCEEDED,
            ZMonitor.Event.HANDSHAKE_FAILED_PROTOCOL, ZMonitor.Event.HANDSHAKE_FAILED_NO_DETAIL);
        assertTrue(t.getEvent() != ZMonitor.Event.HANDSHAKE_SUCCEEDED, "JeroMQ's event: " + t);
    }

    // ---- PLAIN: RFC 24-HELLO-1, 24-FLOW-3, 24-ERROR-1 ----

    @Test
    void ourPlainClientDealerConnects_theirPlainServerRouterBinds_zapAccepts_tcp() {
        ZMQ.Socket zap = jeromq.createSocket(SocketType.REP);
        zap.setLinger(0);
        assertTrue(zap.bind("inproc://zeromq.zap.01"));
        ZMQ.Socket router = theirs(SocketType.ROUTER);
        router.setPlainServer(true);
        router.setZapDomain("interop");
        String ep = bind(router, "tcp://127.0.0.1:*");
        DealerSocket dealer = ctx.dealer(QUICK.toBuilder().routingId("plain-client").plainClient("admin", "secret")
            .build());
        OurMonitor ours = new OurMonitor(dealer);
        dealer.connect(ep);
        // RFC 27: version, request id, domain, address, identity, mechanism, credentials
        zap.setReceiveTimeOut((int) LONG.toMillis());
        List<byte[]> req = JeromqParty.wrap(zap, "REP").receive(LONG);
        assertNotNull(req, "no ZAP request from JeroMQ");
        assertEquals("1.0 interop PLAIN admin secret", String.join(" ", text(req.get(0)), text(req.get(2)),
            text(req.get(5)), text(req.get(6)), text(req.get(7))), "JeroMQ's ZAP request");
        JeromqParty.wrap(zap, "REP").send(Frames.of("1.0", req.get(1), "200", "OK", "admin", ""));
        ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
        OurParty.wrap(dealer).send("hello");
        InteropSocket their = JeromqParty.wrap(router, "ROUTER");
        expect(their, "plain-client", "hello");
        their.send("plain-client", "welcome");
        expect(OurParty.wrap(dealer), "welcome");
    }

    @Test
    void theirPlainClientDealerConnects_ourPlainServerRouterBinds_accepts_tcp() {
        theirPlainClient("secret");
    }

    @Test
    void theirPlainClientDealerConnects_ourPlainServerRouterBinds_refuses_tcp() {
        theirPlainClient("wrong");
    }

    private void theirPlainClient(String password) {
        List<AuthRequest> asked = new CopyOnWriteArrayList<>();
        RouterSocket router = ctx.router(QUICK.toBuilder().plainServer((r, a) -> {
            asked.add(r);
            return text(r.credentials().get(1)).equals("secret") ? AuthResult.accept("admin")
                : AuthResult.refuse("wrong user or password");
        }).build());
        OurMonitor ours = new OurMonitor(router);
        String ep = router.bind("tcp://127.0.0.1:*");
        ZMQ.Socket dealer = theirs(SocketType.DEALER);
        dealer.setIdentity("plain-client".getBytes(StandardCharsets.US_ASCII));
        dealer.setPlainUsername("admin");
        dealer.setPlainPassword(password);
        JeromqMonitor their = new JeromqMonitor(jeromq, dealer);
        dealer.connect(ep);
        if (password.equals("secret")) {
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
            InteropSocket client = JeromqParty.wrap(dealer, "DEALER");
            client.send("hello");
            expect(OurParty.wrap(router), "plain-client", "hello");
            OurParty.wrap(router).send("plain-client", "welcome");
            expect(client, "welcome");
        } else {
            SocketEvent e = ours.await(Kind.HANDSHAKE_FAILED, LONG);
            assertEquals(ProtocolError.AUTHENTICATION_FAILED, e.error(), "our reason: " + e);
            ZEvent t = their.await(LONG, ZMonitor.Event.HANDSHAKE_FAILED_AUTH, ZMonitor.Event.HANDSHAKE_FAILED_PROTOCOL,
                ZMonitor.Event.HANDSHAKE_SUCCEEDED);
            assertEquals(ZMonitor.Event.HANDSHAKE_FAILED_AUTH + " 400", t.getEvent() + " " + t.getValue(),
                "JeroMQ's event");
        }
        assertEquals("PLAIN admin " + password, asked.get(0).mechanism() + " "
            + text(asked.get(0).credentials().get(0)) + " " + text(asked.get(0).credentials().get(1)));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---- 64 MiB: RFC 23-FRAME-7 (long frames) ----

    @Test
    void ourPushBinds_theirPull_64MiB_raisedMaxMsgSize_tcp() {
        PushSocket push = ctx.push(QUICK.toBuilder().linger(Duration.ofSeconds(5)).build());
        String ep = push.bind("tcp://127.0.0.1:*");
        ZMQ.Socket pull = theirs(SocketType.PULL);
        pull.setMaxMsgSize(BIG);
        pull.connect(ep);
        byte[] big = Frames.pattern(BIG);
        OurParty.wrap(push).send(Frames.of(big));
        List<byte[]> got = JeromqParty.wrap(pull, "PULL").receive(Duration.ofSeconds(40));
        assertNotNull(got, "JeroMQ received nothing");
        assertEquals(BIG + ":" + Frames.sha256(big), got.get(0).length + ":" + Frames.sha256(got.get(0)));
    }

    @Test
    void theirPushBinds_ourPull_64MiB_raisedMaxMessageSize_tcp() {
        ZMQ.Socket push = theirs(SocketType.PUSH);
        String ep = bind(push, "tcp://127.0.0.1:*");
        PullSocket pull = ctx.pull(QUICK.toBuilder().maxMessageSize(BIG).build());
        pull.connect(ep);
        byte[] big = Frames.pattern(BIG);
        JeromqParty.wrap(push, "PUSH").send(Frames.of(big));
        Message m = pull.receive(Duration.ofSeconds(40));
        assertNotNull(m, "our PULL received nothing");
        assertEquals(BIG + ":" + Frames.sha256(big), m.frame(0).length + ":" + Frames.sha256(m.frame(0)));
    }

    // ---- subscriptions on the wire: ZMTP 3.0 messages (RFC 23-SUB-2..5, 37-VER-2), never 3.1 commands ----
    // RFC 23-SUB-2, 23-SUB-3, 23-SUB-4, 23-SUB-5, 37-VER-2, 29-SUB-13, 29-XPUB-15

    @Test
    void ourSubConnects_theirXpubBinds_sendsLegacySubscribeAndCancelMessages_tcp() {
        ZMQ.Socket xpub = theirs(SocketType.XPUB);
        String ep = bind(xpub, "tcp://127.0.0.1:*");
        try (WireTap tap = new WireTap(port(ep))) {
            SubSocket sub = ctx.sub(QUICK);
            sub.connect(tap.endpoint());
            SubscriptionWire.subscribeAndCancel(OurParty.wrap(sub), JeromqParty.wrap(xpub, "XPUB"), tap, false);
            assertEquals(0, tap.downstream()[11], "JeroMQ's greeting minor version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theirSubConnects_ourXpubBinds_sendsLegacySubscribeAndCancelMessages_tcp() {
        XPubSocket xpub = ctx.xpub(QUICK, XPubOptions.DEFAULTS);
        String ep = xpub.bind("tcp://127.0.0.1:*");
        try (WireTap tap = new WireTap(port(ep))) {
            ZMQ.Socket sub = theirs(SocketType.SUB);
            sub.connect(tap.endpoint());
            SubscriptionWire.subscribeAndCancel(JeromqParty.wrap(sub, "SUB"), OurParty.wrap(xpub), tap, false);
            assertEquals(0, tap.upstream()[11], "JeroMQ's greeting minor version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** RFC 29: as {@link LibzmqSubscriptionWireTest}, with JeroMQ's XPUB (the subscription goes as a 3.0 message). */
    @Test
    void ourSubSubscribesBeforeHandshake_theirXpubGetsItWithoutFurtherCalls_tcp() {
        ZMQ.Socket xpub = theirs(SocketType.XPUB);
        String ep = bind(xpub, "tcp://127.0.0.1:*");
        SubSocket sub = ctx.sub(QUICK);
        sub.connect(ep);
        sub.subscribe("early");
        expect(JeromqParty.wrap(xpub, "XPUB"), Frames.subscription(true, "early"));
    }
}
