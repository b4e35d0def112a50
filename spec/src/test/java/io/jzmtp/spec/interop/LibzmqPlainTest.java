package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.LONG;
import static io.jzmtp.spec.interop.Frames.expect;
import static io.jzmtp.spec.interop.LibzmqPeer.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.SocketOptions;
import io.jzmtp.ZSocket;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * PLAIN (RFC 24) between jzmtp and libzmq, both ways: our PLAIN client against libzmq's PLAIN server, whose ZAP
 * handler (RFC 27; in the peer process) accepts one user; libzmq's PLAIN client against our PLAIN server, whose
 * authenticator accepts one user. Accepted: messages flow and the authenticator saw the right credentials. Refused:
 * each side's monitor shows the failure.
 */
@DisplayName("libzmq: PLAIN with ZAP")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqPlainTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();
    private static final String USER = "admin";
    private static final String PASSWORD = "secret";

    /** ERROR "400" as RFC 23 lays it out: flags, size 10, name length 5, "ERROR", reason length 3, "400". */
    private static final byte[] ERROR_400 = {4, 10, 5, 'E', 'R', 'R', 'O', 'R', 3, '4', '0', '0'};
    /** ERROR "400" as libzmq 4.3.4 writes it: size 9, and 0x5E where the length octet 5 and 'E' should be. */
    private static final byte[] LIBZMQ_434_ERROR_400 = {4, 9, 0x5E, 'R', 'R', 'O', 'R', 3, '4', '0', '0'};
    private static final java.util.concurrent.atomic.AtomicInteger IPC_NAMES =
        new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    static Path ipcDir;
    private Context ctx;
    private final List<AuthRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        ctx = Context.create();
        LIBZMQ.peer().zap(Map.of(USER, PASSWORD));
    }

    @AfterEach
    void stop() {
        ctx.close(Duration.ZERO);
    }

    // RFC 24-HELLO-1, 24-FLOW-3, RFC 27 (ZAP): our client, libzmq's server with a ZAP handler
    @Test
    void ourPlainClientDealerConnects_theirPlainServerRouterBinds_zapAccepts_tcp() {
        ourClient(SocketType.DEALER, "ROUTER", false, PASSWORD, "tcp");
    }

    // RFC 24-FLOW-3, 24-ERROR-1, RFC 27 (ZAP status 400)
    @Test
    void ourPlainClientDealerConnects_theirPlainServerRouterBinds_zapRefuses_tcp() {
        ourClient(SocketType.DEALER, "ROUTER", false, "wrong", "tcp");
    }

    // RFC 24: the PLAIN roles are independent of who binds
    @Test
    void ourPlainClientReqBinds_theirPlainServerRepConnects_zapAccepts_tcp() {
        ourClient(SocketType.REQ, "REP", true, PASSWORD, "tcp");
    }

    @Test
    void ourPlainClientPushConnects_theirPlainServerPullBinds_zapAccepts_ipc() {
        ourClient(SocketType.PUSH, "PULL", false, PASSWORD, "ipc");
    }

    // RFC 24-HELLO-1, 24-FLOW-3: libzmq's client, our server and authenticator
    @Test
    void theirPlainClientDealerConnects_ourPlainServerRouterBinds_accepts_tcp() {
        theirClient("DEALER", SocketType.ROUTER, true, PASSWORD, "tcp");
    }

    // RFC 24-FLOW-3, 24-ERROR-1: refusal with status 400 in ERROR
    @Test
    void theirPlainClientDealerConnects_ourPlainServerRouterBinds_refuses_tcp() {
        theirClient("DEALER", SocketType.ROUTER, true, "wrong", "tcp");
    }

    // RFC 24: the PLAIN roles are independent of who binds
    @Test
    void theirPlainClientReqBinds_ourPlainServerRepConnects_accepts_tcp() {
        theirClient("REQ", SocketType.REP, false, PASSWORD, "tcp");
    }

    @Test
    void theirPlainClientPushConnects_ourPlainServerPullBinds_accepts_ipc() {
        theirClient("PUSH", SocketType.PULL, true, PASSWORD, "ipc");
    }

    private void ourClient(SocketType ourType, String theirType, boolean oursBinds, String password,
                           String transport) {
        LibzmqPeer peer = LIBZMQ.peer();
        int before = peer.zapLog().size();
        ZSocket our = ctx.socket(ourType, SocketOptions.builder().linger(Duration.ZERO).routingId("plain-client")
            .plainClient(USER, password).build());
        OurMonitor ours = new OurMonitor(our);
        Map<String, Object> opts = new LinkedHashMap<>(cmd("PLAIN_SERVER", 1, "ZAP_DOMAIN", "interop"));
        if (theirType.equals("ROUTER")) {
            opts.put("ROUTER_MANDATORY", 1);
        }
        String their = peer.socket(theirType, opts, true);
        boolean accept = password.equals(PASSWORD);
        try (WireTap tap = connect(peer, our, their, oursBinds, !oursBinds, transport)) {
            if (accept) {
                ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
                peer.awaitEvent(their, LONG, "HANDSHAKE_SUCCEEDED");
                exchange(OurParty.wrap(our), LibzmqParty.wrap(peer, theirType, their));
            } else {
                Map<String, Object> t = peer.awaitEvent(their, LONG, "HANDSHAKE_FAILED_AUTH", "HANDSHAKE_SUCCEEDED");
                assertEquals("HANDSHAKE_FAILED_AUTH 400", t.get("event") + " " + t.get("value"), "libzmq: " + t);
                SocketEvent e = ours.await(Kind.HANDSHAKE_FAILED, LONG);
                // RFC 23-ERROR-1: libzmq 4.3.4 writes its ERROR as 04 09 5E "RROR" 03 "400" (the name's length octet
                // and 'E' fused into 0x5E), which we must refuse as malformed; a well-formed one is ERROR_RECEIVED.
                boolean garbled = WireTap.contains(tap.downstream(), LIBZMQ_434_ERROR_400);
                assertEquals(garbled ? ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED : ProtocolError.ERROR_RECEIVED,
                    e.error(), "our reason (libzmq's ERROR garbled: " + garbled + "): " + e);
            }
        }
        List<Map<String, Object>> log = peer.zapLog();
        Map<String, Object> last = log.get(log.size() - 1);
        assertEquals(before + 1, log.size(), "ZAP requests: " + log);
        assertEquals(Map.of("mechanism", "PLAIN", "domain", "interop", "username", USER, "status",
            accept ? "200" : "400"), Map.of("mechanism", last.get("mechanism"), "domain", last.get("domain"),
            "username", last.get("username"), "status", last.get("status")), "libzmq's ZAP request");
    }

    private void theirClient(String theirType, SocketType ourType, boolean oursBinds, String password,
                             String transport) {
        LibzmqPeer peer = LIBZMQ.peer();
        ZSocket our = ctx.socket(ourType, SocketOptions.builder().linger(Duration.ZERO)
            .plainServer(this::authenticate).build());
        OurMonitor ours = new OurMonitor(our);
        String their = peer.socket(theirType, cmd("PLAIN_USERNAME", USER, "PLAIN_PASSWORD", password,
            "ROUTING_ID", "plain-client"), true);
        boolean accept = password.equals(PASSWORD);
        try (WireTap tap = connect(peer, our, their, oursBinds, oursBinds, transport)) {
            if (accept) {
                ours.await(Kind.HANDSHAKE_SUCCEEDED, LONG);
                peer.awaitEvent(their, LONG, "HANDSHAKE_SUCCEEDED");
                exchange(LibzmqParty.wrap(peer, theirType, their), OurParty.wrap(our));
            } else {
                SocketEvent e = ours.await(Kind.HANDSHAKE_FAILED, LONG);
                assertEquals(ProtocolError.AUTHENTICATION_FAILED, e.error(), "our reason: " + e);
                Map<String, Object> t = peer.awaitEvent(their, LONG, "HANDSHAKE_FAILED_AUTH",
                    "HANDSHAKE_FAILED_PROTOCOL", "HANDSHAKE_SUCCEEDED");
                // RFC 23-ERROR-1, RFC 27: we send a well-formed ERROR carrying the ZAP status code...
                assertTrue(WireTap.contains(tap.downstream(), ERROR_400), "our ERROR 400 on the wire");
                // ...which libzmq 4.3.4 does not recognise (it matches only its own 5E "RROR" form), so it reports
                // an unexpected command instead of HANDSHAKE_FAILED_AUTH 400 (which a fixed libzmq reports).
                assertTrue(t.get("event").equals("HANDSHAKE_FAILED_AUTH") && t.get("value").equals(400L)
                    || t.get("event").equals("HANDSHAKE_FAILED_PROTOCOL") && t.get("value").equals(0x1000_0001L),
                    "libzmq: " + t);
            }
        }
        assertFalse(asked.isEmpty(), "our authenticator was not asked");
        AuthRequest r = asked.get(0);
        assertEquals("PLAIN " + USER + " " + password, r.mechanism() + " "
            + new String(r.credentials().get(0), StandardCharsets.UTF_8) + " "
            + new String(r.credentials().get(1), StandardCharsets.UTF_8), "what our authenticator was asked");
    }

    /**
     * Binds one side and connects the other; a refusal test (tcp) goes through a {@link WireTap} to see the ERROR.
     *
     * @return the tap, or null when connected directly
     */
    private static WireTap connect(LibzmqPeer peer, ZSocket our, String their, boolean oursBinds, boolean tapped,
                                   String transport) {
        try {
            String ep = oursBinds ? our.bind("tcp".equals(transport) ? "tcp://127.0.0.1:*" : ipcEndpoint())
                : peer.bind(their, "tcp".equals(transport) ? "tcp://127.0.0.1:*" : ipcEndpoint());
            WireTap tap = tapped && transport.equals("tcp") ? new WireTap(Features.port(ep)) : null;
            String target = tap != null ? tap.endpoint() : ep;
            if (oursBinds) {
                peer.connect(their, target);
            } else {
                our.connect(target);
            }
            return tap;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ipcEndpoint() {
        return "ipc://" + ipcDir.resolve("plain-" + IPC_NAMES.incrementAndGet() + ".ipc");
    }

    private AuthResult authenticate(AuthRequest request, String address) {
        asked.add(request);
        boolean ok = request.credentials().size() == 2
            && USER.equals(new String(request.credentials().get(0), StandardCharsets.UTF_8))
            && PASSWORD.equals(new String(request.credentials().get(1), StandardCharsets.UTF_8));
        return ok ? AuthResult.accept(USER) : AuthResult.refuse("wrong user or password");
    }

    /** A request-reply (or one pushed message) between the PLAIN client and server once authenticated. */
    private static void exchange(InteropSocket client, InteropSocket server) {
        switch (client.type() + "-" + server.type()) {
            case "DEALER-ROUTER" -> {
                client.send("hello");
                expect(server, "plain-client", "hello");
                server.send("plain-client", "welcome");
                expect(client, "welcome");
            }
            case "REQ-REP" -> {
                client.send("hello");
                expect(server, "hello");
                server.send("welcome");
                expect(client, "welcome");
            }
            case "PUSH-PULL" -> {
                client.send("hello", "");
                expect(server, "hello", "");
            }
            default -> throw new IllegalArgumentException(client.type() + "-" + server.type());
        }
    }
}
