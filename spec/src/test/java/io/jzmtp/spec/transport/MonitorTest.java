package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The typed event stream of a socket, in the order things happen, with protocol reasons where they apply. */
@Timeout(30)
class MonitorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SocketOptions FAST_RECONNECT =
        SocketOptions.builder().reconnectInterval(Duration.ofMillis(50)).build();

    @TempDir
    Path dir;
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    /** The kinds seen so far, without CONNECT_DELAYED (whether a non-blocking connect completes at once varies). */
    private static List<Kind> kindsButDelayed(Events e) {
        return e.kinds().stream().filter(k -> k != Kind.CONNECT_DELAYED).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"TCP", "IPC"})
    void bindAndConnectReportListeningAcceptedConnectedAndHandshakes(TransportKind t) {
        PullSocket binder = ctx.pull();
        Events b = new Events(binder);
        String ep = binder.bind(t.bindable(dir, "seq"));
        SocketEvent listening = b.await(Kind.LISTENING);
        assertEquals(ep, listening.endpoint(), "LISTENING names the bound endpoint");

        PushSocket connector = ctx.push(FAST_RECONNECT);
        Events c = new Events(connector);
        connector.connect(ep);
        c.await(Kind.HANDSHAKE_SUCCEEDED);
        b.await(Kind.HANDSHAKE_SUCCEEDED);
        assertEquals(List.of(Kind.LISTENING, Kind.ACCEPTED, Kind.HANDSHAKE_SUCCEEDED), b.kinds());
        assertEquals(List.of(Kind.CONNECTED, Kind.HANDSHAKE_SUCCEEDED), kindsButDelayed(c));
        for (SocketEvent e : c.seen()) {
            assertEquals(ep, e.endpoint(), "connector events name the connected endpoint: " + e);
            assertNull(e.error());
        }
        for (SocketEvent e : b.seen()) {
            assertEquals(ep, e.endpoint(), "binder events name the listening endpoint: " + e);
        }

        // RFC 23-ERRH-4 and 23-ERRH-5: the peer going away is a temporary error, followed by a reconnect attempt.
        binder.close();
        SocketEvent gone = c.await(Kind.DISCONNECTED);
        assertNull(gone.error(), "a plain close is not a protocol error");
        SocketEvent retried = c.await(WAIT, Kind.CONNECT_RETRIED, Kind.CONNECTED);
        assertEquals(Kind.CONNECT_RETRIED, retried.kind(), "after DISCONNECTED: " + c.seen());
        assertTrue(retried.value() >= 0, "the retry delay in ms: " + retried);
        b.await(Kind.MONITOR_STOPPED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void unbindReportsClosedAndCloseReportsMonitorStoppedLast(TransportKind t) {
        PullSocket binder = ctx.pull();
        Events b = new Events(binder);
        String ep = binder.bind(t.bindable(dir, "unbind"));
        PushSocket connector = ctx.push(FAST_RECONNECT);
        connector.connect(ep);
        connector.send("x");
        assertNotNull(binder.receive(WAIT));
        binder.unbind(ep);
        assertEquals(ep, b.await(Kind.CLOSED).endpoint());
        binder.close();
        b.await(Kind.MONITOR_STOPPED);
        List<SocketEvent> after = b.observe(Duration.ofMillis(300));
        assertTrue(after.isEmpty(), "events after MONITOR_STOPPED: " + after);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void closingASocketWithLiveEndpointsEndsItsMonitorWithMonitorStopped(TransportKind t) {
        PullSocket binder = ctx.pull();
        Events b = new Events(binder);
        String ep = binder.bind(t.bindable(dir, "close"));
        PushSocket connector = ctx.push(FAST_RECONNECT);
        Events c = new Events(connector);
        connector.connect(ep);
        connector.send("x");
        assertNotNull(binder.receive(WAIT));
        // Both sockets close with a live connection (and a listener): whatever their endpoints report while closing,
        // MONITOR_STOPPED is the last event.
        connector.close();
        binder.close();
        for (Events e : List.of(b, c)) {
            e.await(Kind.MONITOR_STOPPED);
            List<SocketEvent> after = e.observe(Duration.ofMillis(300));
            assertTrue(after.isEmpty(), "events after MONITOR_STOPPED: " + after + " (all: " + e.seen() + ")");
        }
    }

    // RFC 23-ERRH-2 / libzmq: after a handshake refused for an incompatible socket type, do not reconnect.
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"TCP", "IPC"})
    void incompatibleSocketTypesFailTheHandshakeOnBothSidesAndAreNotRetried(TransportKind t) {
        PushSocket binder = ctx.push();
        Events b = new Events(binder);
        String ep = binder.bind(t.bindable(dir, "incompatible"));
        PushSocket connector = ctx.push(FAST_RECONNECT);
        Events c = new Events(connector);
        connector.connect(ep);
        SocketEvent cf = c.await(WAIT, Kind.HANDSHAKE_FAILED, Kind.HANDSHAKE_SUCCEEDED);
        SocketEvent bf = b.await(WAIT, Kind.HANDSHAKE_FAILED, Kind.HANDSHAKE_SUCCEEDED);
        assertEquals(Kind.HANDSHAKE_FAILED, cf.kind(), "connector: " + c.seen());
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, cf.error(), "connector: " + cf);
        assertEquals(Kind.HANDSHAKE_FAILED, bf.kind(), "binder: " + b.seen());
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, bf.error(), "binder: " + bf);
        // Must not happen: a reconnect. 20 reconnect intervals of observation.
        c.observe(Duration.ofSeconds(1));
        b.observe(Duration.ofMillis(1));
        assertEquals(1, c.count(Kind.CONNECTED), "the connector connected once only: " + c.seen());
        assertEquals(0, c.count(Kind.CONNECT_RETRIED), "no retry was scheduled: " + c.seen());
        assertEquals(1, b.count(Kind.ACCEPTED), "the binder accepted once only: " + b.seen());
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    // RFC 24-FLOW-3: the server refuses wrong credentials with ERROR and the connection closes; 23-ERRH-2: the
    // client does not come back with the same credentials. Right credentials: messages flow.
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"TCP", "IPC"})
    void plainAuthenticationRefusesAWrongPasswordAndAdmitsTheRightOne(TransportKind t) {
        List<String> asked = new CopyOnWriteArrayList<>();
        SocketOptions server = SocketOptions.builder().plainServer((AuthRequest r, String address) -> {
            String user = text(r.credentials().get(0));
            String pass = text(r.credentials().get(1));
            asked.add(r.mechanism() + " " + user + "/" + pass);
            return user.equals("admin") && pass.equals("secret") ? AuthResult.accept(user)
                : AuthResult.refuse("wrong password");
        }).build();
        PullSocket pull = ctx.pull(server);
        Events s = new Events(pull);
        String ep = pull.bind(t.bindable(dir, "plain"));

        PushSocket wrong = ctx.push(SocketOptions.builder().plainClient("admin", "guess")
            .reconnectInterval(Duration.ofMillis(50)).build());
        Events w = new Events(wrong);
        wrong.connect(ep);
        // The refusal may end this connection (for good: no reconnect after a protocol error) before the PUSH
        // has processed its peer, leaving it with none; so do not wait without limit. It must not arrive either way.
        wrong.send(Message.of("must not arrive"), Duration.ofMillis(100));
        SocketEvent serverSide = s.await(WAIT, Kind.HANDSHAKE_FAILED, Kind.HANDSHAKE_SUCCEEDED);
        assertEquals(Kind.HANDSHAKE_FAILED, serverSide.kind(), "server: " + s.seen());
        assertEquals(ProtocolError.AUTHENTICATION_FAILED, serverSide.error(), "server: " + serverSide);
        SocketEvent clientSide = w.await(WAIT, Kind.HANDSHAKE_FAILED, Kind.HANDSHAKE_SUCCEEDED);
        assertEquals(Kind.HANDSHAKE_FAILED, clientSide.kind(), "client: " + w.seen());
        assertEquals(ProtocolError.ERROR_RECEIVED, clientSide.error(), "client: " + clientSide);
        w.observe(Duration.ofSeconds(1));
        assertEquals(1, w.count(Kind.CONNECTED), "refused credentials are not retried: " + w.seen());
        assertEquals(List.of("PLAIN admin/guess"), asked);
        assertNull(pull.tryReceive(), "nothing from the refused client reached the socket");

        PushSocket right = ctx.push(SocketOptions.builder().plainClient("admin", "secret").build());
        Events r = new Events(right);
        right.connect(ep);
        right.send(Message.of("welcome", ""));
        Message m = pull.receive(WAIT);
        assertNotNull(m, "message from the authenticated client");
        assertEquals(Message.of("welcome", ""), m);
        r.await(Kind.HANDSHAKE_SUCCEEDED);
        assertEquals(List.of("PLAIN admin/guess", "PLAIN admin/secret"), asked);
    }

    @Test
    void contextCloseStopsTheMonitorOfASocketLeftOpenAndWakesItsConsumer() {
        Context own = Context.create();
        PullSocket pull = own.pull();
        Monitor monitor = pull.monitor();
        pull.bind("tcp://127.0.0.1:*");
        Background<List<Kind>> consumer = Background.start("monitor-consumer", () -> {
            List<Kind> kinds = new ArrayList<>();
            SocketEvent e;
            while ((e = monitor.poll(WAIT)) != null) {
                kinds.add(e.kind());
            }
            return kinds;
        });
        consumer.awaitParked();
        own.close();
        assertEquals(List.of(Kind.LISTENING, Kind.CLOSED, Kind.MONITOR_STOPPED), consumer.join(WAIT),
            "the consumer saw the listener close, then the end of the stream");
    }

    @Test
    void monitorPollTimesOutWithNullWhenNothingHappens() {
        PullSocket idle = ctx.pull();
        Events e = new Events(idle);
        assertTrue(e.observe(Duration.ofMillis(50)).isEmpty(), "an idle socket reports nothing");
        idle.bind("inproc://idle");
        assertEquals("inproc://idle", e.await(Kind.LISTENING).endpoint());
    }
}
