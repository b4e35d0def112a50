package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.HB_IVL;
import static io.jzmtp.spec.interop.Features.HB_TIMEOUT;
import static io.jzmtp.spec.interop.Features.HB_WINDOW;
import static io.jzmtp.spec.interop.Features.LONG;
import static io.jzmtp.spec.interop.Features.names;
import static io.jzmtp.spec.interop.Features.port;
import static io.jzmtp.spec.interop.LibzmqPeer.bytes;
import static io.jzmtp.spec.interop.LibzmqPeer.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.RouterSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.harness.FaultProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Heartbeats (RFC 37 PING/PONG, libzmq option semantics) between jzmtp and libzmq, through a {@link FaultProxy}: the
 * pinging side keeps the connection for five heartbeat timeouts (so every PING was answered), then the proxy
 * swallows everything and the pinging side must drop the connection (so it really was pinging and timing out).
 */
@DisplayName("libzmq: heartbeats")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqHeartbeatTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();

    /** RFC 37-PING-4, 37-PING-11: libzmq's PINGs are answered by our PONGs; with them unanswered, libzmq drops the connection. */
    @Test
    void theirDealerPings_ourRouterPongs_tcp() throws IOException {
        LibzmqPeer peer = LIBZMQ.peer();
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router(SocketOptions.builder().linger(Duration.ZERO).build())) {
            OurMonitor ours = new OurMonitor(router);
            String ep = router.bind("tcp://127.0.0.1:*");
            try (FaultProxy proxy = new FaultProxy(port(ep))) {
                String d = peer.socket("DEALER", cmd("ROUTING_ID", "hb", "HEARTBEAT_IVL", HB_IVL.toMillis(),
                    "HEARTBEAT_TIMEOUT", HB_TIMEOUT.toMillis()), true);
                peer.connect(d, "tcp://127.0.0.1:" + proxy.port());
                peer.awaitEvent(d, LONG, "HANDSHAKE_SUCCEEDED");
                ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

                List<String> theirs = names(peer.events(d, HB_WINDOW));
                assertFalse(theirs.contains("DISCONNECTED"), "libzmq dropped the connection: " + theirs);
                assertNoLoss(ours.observe(Duration.ZERO));
                assertEquals(1, proxy.accepted(), "connections carried");
                InteropSocket dealer = LibzmqParty.wrap(peer, "DEALER", d);
                dealer.send("still-up");
                Frames.expect(OurParty.wrap(router), "hb", "still-up");

                proxy.mode(FaultProxy.Mode.BLACKHOLE);
                peer.awaitEvent(d, LONG, "DISCONNECTED");
            }
        }
    }

    /** RFC 37-PING-4, 37-PING-11: our PINGs are answered by libzmq's PONGs; with them unanswered, we drop the connection. */
    @Test
    void ourDealerPings_theirRouterPongs_silentPeerDropped_tcp() throws IOException {
        LibzmqPeer peer = LIBZMQ.peer();
        String r = peer.socket("ROUTER", cmd("ROUTER_MANDATORY", 1), false);
        String ep = peer.bind(r, "tcp://127.0.0.1:*");
        try (Context ctx = Context.create();
             FaultProxy proxy = new FaultProxy(port(ep));
             DealerSocket dealer = ctx.dealer(SocketOptions.builder().linger(Duration.ZERO).routingId("hb")
                 .heartbeatInterval(HB_IVL).heartbeatTimeout(HB_TIMEOUT).build())) {
            OurMonitor ours = new OurMonitor(dealer);
            dealer.connect("tcp://127.0.0.1:" + proxy.port());
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

            assertNoLoss(ours.observe(HB_WINDOW));
            assertEquals(1, proxy.accepted(), "connections carried");
            OurParty.wrap(dealer).send("still-up");
            Frames.expect(LibzmqParty.wrap(peer, "ROUTER", r), "hb", "still-up");

            proxy.mode(FaultProxy.Mode.BLACKHOLE);
            ours.await(Kind.DISCONNECTED, LONG);
        }
    }

    /** RFC 37-PING-3, 37-PING-12: libzmq honours our PINGs' TTL: when we fall silent it drops us (it has no heartbeat). */
    @Test
    void ourDealerAnnouncesTtl_theirRouterDropsUsWhenSilent_tcp() throws IOException {
        LibzmqPeer peer = LIBZMQ.peer();
        String r = peer.socket("ROUTER", cmd("ROUTER_MANDATORY", 1), true);
        String ep = peer.bind(r, "tcp://127.0.0.1:*");
        try (Context ctx = Context.create();
             FaultProxy proxy = new FaultProxy(port(ep));
             DealerSocket dealer = ctx.dealer(SocketOptions.builder().linger(Duration.ZERO).routingId("ttl")
                 .heartbeatInterval(HB_IVL).heartbeatTimeout(Duration.ofSeconds(60))
                 .heartbeatTtl(Duration.ofMillis(500)).build())) {
            OurMonitor ours = new OurMonitor(dealer);
            dealer.connect("tcp://127.0.0.1:" + proxy.port());
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
            peer.awaitEvent(r, LONG, "HANDSHAKE_SUCCEEDED");
            List<String> early = names(peer.events(r, HB_WINDOW));
            assertFalse(early.contains("DISCONNECTED"), "libzmq dropped us while we were pinging: " + early);

            proxy.mode(FaultProxy.Mode.BLACKHOLE);
            peer.awaitEvent(r, LONG, "DISCONNECTED");
        }
    }

    /** RFC 37-PING-3, 37-PING-12: we honour libzmq's PINGs' TTL: when it falls silent we drop it, with no heartbeat of ours. */
    @Test
    void theirDealerAnnouncesTtl_ourRouterDropsThemWhenSilent_tcp() throws IOException {
        LibzmqPeer peer = LIBZMQ.peer();
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router(SocketOptions.builder().linger(Duration.ZERO).build())) {
            OurMonitor ours = new OurMonitor(router);
            String ep = router.bind("tcp://127.0.0.1:*");
            try (FaultProxy proxy = new FaultProxy(port(ep))) {
                String d = peer.socket("DEALER", cmd("ROUTING_ID", bytes("ttl".getBytes(StandardCharsets.US_ASCII)),
                    "HEARTBEAT_IVL", HB_IVL.toMillis(), "HEARTBEAT_TIMEOUT", 60_000, "HEARTBEAT_TTL", 500), true);
                peer.connect(d, "tcp://127.0.0.1:" + proxy.port());
                ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
                assertNoLoss(ours.observe(HB_WINDOW));

                proxy.mode(FaultProxy.Mode.BLACKHOLE);
                ours.await(Kind.DISCONNECTED, LONG);
            }
        }
    }

    private static void assertNoLoss(List<SocketEvent> events) {
        assertFalse(events.stream().anyMatch(e -> e.kind() == Kind.DISCONNECTED
            || e.kind() == Kind.HANDSHAKE_FAILED), "our socket lost the connection: " + events);
    }
}
