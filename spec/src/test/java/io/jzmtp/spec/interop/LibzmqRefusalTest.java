package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jzmtp.Context;
import io.jzmtp.SocketOptions;
import io.jzmtp.ZSocket;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * An incompatible socket-type pair (zmtp-notes §1.7) is refused by both sides, each from the other's READY: our
 * monitor shows HANDSHAKE_FAILED with INCOMPATIBLE_SOCKET_TYPE (our own finding, not a reaction to libzmq's ERROR,
 * which would be ERROR_RECEIVED), and libzmq's monitor shows the connection lost during the handshake (libzmq 4.3.4
 * has no HANDSHAKE_FAILED_* event for this case).
 */
@DisplayName("libzmq: incompatible socket types refused")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqRefusalTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();

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

    // RFC 23-STYPE-2, 23-STYPE-3
    @Test
    void ourPushConnects_theirPushBinds_refusedBothSides_tcp() throws IOException {
        refused(SocketType.PUSH, false, "PUSH", "tcp");
    }

    // RFC 23-STYPE-2, 23-STYPE-3
    @Test
    void theirReqConnects_ourPubBinds_refusedBothSides_tcp() throws IOException {
        refused(SocketType.PUB, true, "REQ", "tcp");
    }

    // RFC 23-STYPE-2, 23-STYPE-3
    @Test
    void ourSubConnects_theirReqBinds_refusedBothSides_ipc() throws IOException {
        refused(SocketType.SUB, false, "REQ", "ipc");
    }

    /**
     * Over tcp, a {@link WireTap} holds our READY until libzmq's has reached us: libzmq checks a READY as soon as it
     * arrives and closes without sending its own READY (or an ERROR) if that READY is not out yet, which would leave
     * us nothing to refuse. Over ipc (no tap) only our connecting side is tested, which reconnects after such a
     * silent close until an attempt gets libzmq's READY.
     */
    private void refused(SocketType ourType, boolean oursBinds, String theirType, String transport)
        throws IOException {
        LibzmqPeer peer = LIBZMQ.peer();
        ZSocket our = ctx.socket(ourType, SocketOptions.builder().linger(Duration.ZERO).build());
        OurMonitor ours = new OurMonitor(our);
        String their = peer.socket(theirType, Map.of(), true);
        boolean tcp = transport.equals("tcp");
        String bindTo = tcp ? "tcp://127.0.0.1:*" : "ipc://" + dir.resolve("refuse.ipc");
        WireTap tap = null;
        try {
            if (oursBinds) {
                String ep = our.bind(bindTo);
                tap = new WireTap(Features.port(ep), WireTap.Gate.TARGET_WAITS);
                peer.connect(their, tap.endpoint());
            } else {
                String ep = peer.bind(their, bindTo);
                if (tcp) {
                    tap = new WireTap(Features.port(ep), WireTap.Gate.CLIENT_WAITS);
                    ep = tap.endpoint();
                }
                our.connect(ep);
            }
            check(peer, their, ours);
        } finally {
            if (tap != null) {
                tap.close();
            }
        }
    }

    private static void check(LibzmqPeer peer, String their, OurMonitor ours) {
        SocketEvent e = ours.await(Kind.HANDSHAKE_FAILED, LONG);
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, e.error(), "our reason: " + e);
        // libzmq 4.3.4 emits no HANDSHAKE_FAILED_* event for a bad Socket-Type (it closes without READY or ERROR;
        // libzmq-to-libzmq shows the same): its handshake failure is a DISCONNECTED never preceded by
        // HANDSHAKE_SUCCEEDED. If it closes before its READY reaches us, we see a lost connection and reconnect
        // (as libzmq would); the attempt that gets its READY ends in our INCOMPATIBLE_SOCKET_TYPE above.
        Map<String, Object> t = peer.awaitEvent(their, LONG, "DISCONNECTED", "HANDSHAKE_SUCCEEDED");
        assertEquals("DISCONNECTED", t.get("event"), "libzmq's events: " + t.get("seen"));
        List<String> later = Features.names(peer.events(their, Duration.ZERO));
        assertFalse(later.contains("HANDSHAKE_SUCCEEDED"), "libzmq's events: " + t.get("seen") + " then " + later);
    }
}
