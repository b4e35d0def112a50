package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.LONG;
import static io.jzmtp.spec.interop.Features.rebindOurs;
import static io.jzmtp.spec.interop.Features.rebindTheirs;
import static io.jzmtp.spec.interop.Frames.expect;
import static io.jzmtp.spec.interop.LibzmqPeer.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XPubOptions;
import io.jzmtp.XPubSocket;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnection after either side restarts: the connecting side (jzmtp or libzmq) reconnects to the new socket on the
 * same endpoint, messages flow again, and a subscriber sends its subscriptions again (RFC 29). Restarts are a socket
 * closed and a new one bound, and once a whole libzmq process killed (SIGKILL) and started again.
 */
@DisplayName("libzmq: reconnection after a restart")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqReconnectTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();
    private static final SocketOptions QUICK = SocketOptions.builder().linger(Duration.ZERO)
        .reconnectInterval(Duration.ofMillis(50)).build();

    @TempDir
    Path dir;
    private Context ctx;

    @BeforeEach
    void start() {
        ctx = Context.create();
    }

    @AfterEach
    void stop() {
        ctx.close(Duration.ZERO);
    }

    @Test
    void ourPushConnects_theirPullRestarts_tcp() {
        ourPushConnects_theirPullRestarts("tcp://127.0.0.1:*");
    }

    @Test
    void ourPushConnects_theirPullRestarts_ipc() {
        ourPushConnects_theirPullRestarts("ipc://" + dir.resolve("pull.ipc"));
    }

    private void ourPushConnects_theirPullRestarts(String bindTo) {
        LibzmqPeer peer = LIBZMQ.peer();
        String pull1 = peer.socket("PULL", Map.of(), false);
        String ep = peer.bind(pull1, bindTo);
        PushSocket push = ctx.push(QUICK);
        OurMonitor ours = new OurMonitor(push);
        push.connect(ep);
        InteropSocket our = OurParty.wrap(push);
        our.send("before");
        expect(LibzmqParty.wrap(peer, "PULL", pull1), "before");
        ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);

        peer.close(pull1);
        ours.await(Kind.DISCONNECTED, LONG);
        String pull2 = peer.socket("PULL", Map.of(), false);
        rebindTheirs(peer, pull2, ep);
        ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
        our.send("after");
        expect(LibzmqParty.wrap(peer, "PULL", pull2), "after");
    }

    @Test
    void theirPushConnects_ourPullRestarts_tcp() {
        theirPushConnects_ourPullRestarts("tcp://127.0.0.1:*");
    }

    @Test
    void theirPushConnects_ourPullRestarts_ipc() {
        theirPushConnects_ourPullRestarts("ipc://" + dir.resolve("pull.ipc"));
    }

    private void theirPushConnects_ourPullRestarts(String bindTo) {
        LibzmqPeer peer = LIBZMQ.peer();
        PullSocket pull1 = ctx.pull(QUICK);
        String ep = pull1.bind(bindTo);
        String push = peer.socket("PUSH", cmd("RECONNECT_IVL", 50), true);
        peer.connect(push, ep);
        InteropSocket their = LibzmqParty.wrap(peer, "PUSH", push);
        their.send("before");
        expect(OurParty.wrap(pull1), "before");

        pull1.close();
        peer.awaitEvent(push, LONG, "DISCONNECTED");
        PullSocket pull2 = rebindOurs(() -> ctx.pull(QUICK), ep);
        peer.awaitEvent(push, LONG, "HANDSHAKE_SUCCEEDED");
        their.send("after");
        expect(OurParty.wrap(pull2), "after");
    }

    /** RFC 29: our SUB sends its subscription again to the restarted libzmq XPUB, which shows it. */
    @Test
    void ourSubConnects_theirXpubRestarts_resubscribes_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String x1 = peer.socket("XPUB", Map.of(), false);
        String ep = peer.bind(x1, "tcp://127.0.0.1:*");
        SubSocket sub = ctx.sub(QUICK);
        OurMonitor ours = new OurMonitor(sub);
        sub.connect(ep);
        sub.subscribe("T");
        assertEquals(Frames.show(Frames.subscription(true, "T")),
            Frames.show(Scenarios.awaitSubscription(LibzmqParty.wrap(peer, "XPUB", x1), OurParty.wrap(sub))));

        peer.close(x1);
        ours.await(Kind.DISCONNECTED, LONG);
        String x2 = peer.socket("XPUB", Map.of(), false);
        rebindTheirs(peer, x2, ep);
        InteropSocket xpub2 = LibzmqParty.wrap(peer, "XPUB", x2);
        InteropSocket our = OurParty.wrap(sub);
        assertEquals(Frames.show(Frames.subscription(true, "T")), Frames.show(Scenarios.awaitSubscription(xpub2, our)));
        xpub2.send("T-after");
        expect(our, "T-after");
    }

    /** RFC 29: libzmq's SUB sends its subscription again to our restarted XPUB, which shows it. */
    @Test
    void theirSubConnects_ourXpubRestarts_resubscribes_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        XPubSocket x1 = ctx.xpub(QUICK, XPubOptions.DEFAULTS);
        String ep = x1.bind("tcp://127.0.0.1:*");
        String sub = peer.socket("SUB", cmd("RECONNECT_IVL", 50), true);
        peer.connect(sub, ep);
        InteropSocket their = LibzmqParty.wrap(peer, "SUB", sub);
        their.subscribe("T");
        expect(OurParty.wrap(x1), Frames.subscription(true, "T"));

        x1.close();
        peer.awaitEvent(sub, LONG, "DISCONNECTED");
        XPubSocket x2 = rebindOurs(() -> ctx.xpub(QUICK, XPubOptions.DEFAULTS), ep);
        InteropSocket xpub2 = OurParty.wrap(x2);
        assertEquals(Frames.show(Frames.subscription(true, "T")),
            Frames.show(Scenarios.awaitSubscription(xpub2, their)));
        xpub2.send("T-after");
        expect(their, "T-after");
    }

    /** The whole libzmq process is killed (no goodbye on the wire) and started again; our DEALER carries on. */
    @Test
    void ourDealerConnects_theirRouterProcessKilledAndRestarted_tcp() {
        DealerSocket dealer = ctx.dealer(QUICK.toBuilder().routingId("D1").build());
        OurMonitor ours = new OurMonitor(dealer);
        InteropSocket our = OurParty.wrap(dealer);
        String ep;
        try (LibzmqPeer first = LibzmqPeer.start()) {
            String r = first.socket("ROUTER", cmd("ROUTER_MANDATORY", 1), false);
            ep = first.bind(r, "tcp://127.0.0.1:*");
            dealer.connect(ep);
            our.send("one");
            InteropSocket router = LibzmqParty.wrap(first, "ROUTER", r);
            expect(router, "D1", "one");
            router.send("D1", "r1");
            expect(our, "r1");
            first.kill();
        }
        ours.await(Kind.DISCONNECTED, LONG);
        try (LibzmqPeer second = LibzmqPeer.start()) {
            String r = second.socket("ROUTER", cmd("ROUTER_MANDATORY", 1), false);
            rebindTheirs(second, r, ep);
            ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
            our.send("two");
            InteropSocket router = LibzmqParty.wrap(second, "ROUTER", r);
            expect(router, "D1", "two");
            router.send("D1", "r2");
            expect(our, "r2");
        }
    }
}
