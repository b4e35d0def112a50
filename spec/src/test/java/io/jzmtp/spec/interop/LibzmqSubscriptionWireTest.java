package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.port;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jzmtp.Context;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XPubOptions;
import io.jzmtp.XPubSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subscriptions on the wire with libzmq (ZMTP 3.1 on both sides): SUBSCRIBE and CANCEL travel as commands (RFC 37)
 * each way, seen through a {@link WireTap}, and each XPUB hands them over as 0x01/0x00 frames.
 */
@DisplayName("libzmq: subscription wire form (3.1 commands)")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqSubscriptionWireTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();

    // RFC 37-SUB-1, 37-SUB-2, 37-SUB-3, 37-SUB-4, 29-SUB-13
    @Test
    void ourSubConnects_theirXpubBinds_sendsSubscribeAndCancelCommands_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String x = peer.socket("XPUB", Map.of(), false);
        String ep = peer.bind(x, "tcp://127.0.0.1:*");
        try (Context ctx = Context.create(); WireTap tap = new WireTap(port(ep));
             SubSocket sub = ctx.sub(SocketOptions.builder().linger(Duration.ZERO).build())) {
            sub.connect(tap.endpoint());
            SubscriptionWire.subscribeAndCancel(OurParty.wrap(sub), LibzmqParty.wrap(peer, "XPUB", x), tap, true);
            assertEquals(1, tap.downstream()[11], "libzmq's greeting minor version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // RFC 37-SUB-2, 37-SUB-4, 29-XPUB-15: our XPUB understands libzmq's commands
    @Test
    void theirSubConnects_ourXpubBinds_sendsSubscribeAndCancelCommands_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        try (Context ctx = Context.create();
             XPubSocket xpub = ctx.xpub(SocketOptions.builder().linger(Duration.ZERO).build(), XPubOptions.DEFAULTS)) {
            String ep = xpub.bind("tcp://127.0.0.1:*");
            try (WireTap tap = new WireTap(port(ep))) {
                String s = peer.socket("SUB", Map.of(), false);
                peer.connect(s, tap.endpoint());
                SubscriptionWire.subscribeAndCancel(LibzmqParty.wrap(peer, "SUB", s), OurParty.wrap(xpub), tap, true);
                assertEquals(1, tap.downstream()[11], "our greeting minor version");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * RFC 29: a subscription made right after connect() must reach the publisher once the handshake completes,
     * with the subscriber's thread not calling the socket meanwhile (as libzmq's SUB does).
     */
    @Test
    void ourSubSubscribesBeforeHandshake_theirXpubGetsItWithoutFurtherCalls_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String x = peer.socket("XPUB", Map.of(), false);
        String ep = peer.bind(x, "tcp://127.0.0.1:*");
        try (Context ctx = Context.create();
             SubSocket sub = ctx.sub(SocketOptions.builder().linger(Duration.ZERO).build())) {
            sub.connect(ep);
            sub.subscribe("early");
            Frames.expect(LibzmqParty.wrap(peer, "XPUB", x), Frames.subscription(true, "early"));
        }
    }
}
