package io.jzmtp.spec.engine;

import static io.jzmtp.spec.engine.EngineFixture.DEADLINE;
import static io.jzmtp.spec.engine.EngineFixture.HOST;
import static io.jzmtp.spec.engine.EngineFixture.assertFullGreeting;
import static io.jzmtp.spec.engine.EngineFixture.handshakeAsPush;
import static io.jzmtp.spec.engine.EngineFixture.hex;
import static io.jzmtp.spec.engine.EngineFixture.millisSince;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.engine.EngineFixture.Bound;
import io.jzmtp.spec.harness.MonitorEvents;
import io.jzmtp.spec.harness.RawPeer;
import io.jzmtp.spec.harness.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ZMTP engine against a raw peer that speaks exact bytes over a plain {@link java.net.Socket}: handshake
 * resumption, the handshake timeout, the maximum message size, legacy greetings, heartbeats, refusals with and
 * without ERROR, reconnection policy after protocol errors, and atomic delivery when a peer vanishes.
 */
// A hard limit even for a thread stuck in a blocking socket read (which an interrupt does not end).
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawPeerEngineTest {
    private static final Duration WINDOW = Duration.ofMillis(500);

    private Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private Bound pull(SocketOptions options) {
        return EngineFixture.bind(ctx.pull(options));
    }

    private Bound pull() {
        return pull(SocketOptions.DEFAULTS);
    }

    // ---- handshake ------------------------------------------------------------------------------------------

    // Catches: an engine that loses or misparses input split at arbitrary byte boundaries (resumption bugs).
    @Test
    @DisplayName("greeting, READY and a message dribbled one byte at a time: handshake succeeds, message delivered "
        + "[RFC 23-GREET-1, 23-VER-3, 23-NULL-6]")
    void greetingDribbledOneByteAtATime() throws IOException {
        Bound b = pull();
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            // RFC 23 23-VER-3: the socket sends the first 10 octets at once, before anything from us.
            byte[] first = raw.read(10, DEADLINE);
            assertNull(Wire.greetingPrefixProblem(first), () -> hex(first));
            raw.sendByteByByte(Wire.greeting("NULL", false));
            byte[] rest = raw.read(Wire.GREETING_LENGTH - 10, DEADLINE);
            assertFullGreeting(Wire.concat(first, rest), "NULL");
            raw.sendByteByByte(Wire.ready("PUSH"));
            assertEquals("READY", raw.readFrame(DEADLINE).commandName());
            raw.sendByteByByte(Wire.concat(Wire.message("hello", true), Wire.message("world", false)));
            Message m = b.socket().receive(DEADLINE);
            assertNotNull(m, "the dribbled message");
            assertEquals(List.of("hello", "world"), List.of(m.string(0), m.string(1)));
            assertEquals(2, m.size());
        }
        b.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
    }

    // Catches: a handshake timer that is not armed, is cancelled too early (e.g. once the greeting is complete), or
    // uses the wrong unit; and a staged greeting that releases octets too early or too late (23-VER-3).
    @Test
    @DisplayName("a stall at every greeting offset 0..63 (and after the whole greeting) is dropped by the handshake "
        + "timeout [RFC 23-VER-3, 23-ERRH-3]")
    void stallAtEveryGreetingOffsetIsDroppedByTheHandshakeTimeout() throws IOException {
        long timeoutMillis = 200;
        Bound b = pull(SocketOptions.builder().handshakeTimeout(Duration.ofMillis(timeoutMillis)).build());
        byte[] greeting = Wire.greeting("NULL", false);
        int offsets = Wire.GREETING_LENGTH + 1;
        List<RawPeer> peers = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int k = 0; k < offsets; k++) {
                RawPeer p = RawPeer.connect(HOST, b.port());
                peers.add(p);
                if (k > 0) {
                    p.send(Arrays.copyOf(greeting, k));
                }
            }
            for (int k = 0; k < offsets; k++) {
                RawPeer.Drained d = peers.get(k).readUntilClosed(DEADLINE);
                if (k == 0) {
                    // The first stalled peer's connection cannot end before the configured timeout.
                    assertTrue(millisSince(start) >= timeoutMillis, "closed after " + millisSince(start) + " ms");
                }
                assertTrue(d.closed(), "the peer stalled at offset " + k + " was not dropped");
                // What the socket sent before giving up: 10 octets; the major once our 10 arrived; the rest once our
                // major arrived; and READY once our whole greeting arrived.
                int want = k < 10 ? 10 : k == 10 ? 11 : Wire.GREETING_LENGTH;
                byte[] got = d.bytes();
                if (k < Wire.GREETING_LENGTH) {
                    assertEquals(want, got.length, "octets sent to the peer stalled at offset " + k + ": " + hex(got));
                    assertNull(Wire.greetingPrefixProblem(got), "offset " + k + ": " + hex(got));
                } else {
                    assertFullGreeting(Arrays.copyOf(got, Wire.GREETING_LENGTH), "NULL");
                    assertTrue(got.length > Wire.GREETING_LENGTH && got[Wire.GREETING_LENGTH] == Wire.COMMAND,
                        "READY after the greeting: " + hex(got));
                }
            }
        } finally {
            for (RawPeer p : peers) {
                p.close();
            }
        }
        for (int k = 0; k < offsets; k++) {
            SocketEvent e = b.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
            assertNull(e.error(), "a timeout is not a protocol error: " + e);
        }
        assertFalse(b.events().seen().stream().anyMatch(e -> e.kind() == Kind.HANDSHAKE_SUCCEEDED));
        assertNull(b.socket().tryReceive());
    }

    static Stream<Arguments> legacyGreetings() {
        return Stream.of(
            // ZMTP 1.0: an anonymous identity frame (length 1, flags 0), then a message "hello".
            Arguments.of("ZMTP 1.0", new byte[] {1, 0, 6, 0, 'h', 'e', 'l', 'l', 'o'}),
            // ZMTP 2.0: signature FF 00*7 01 7F, revision 01, socket type PUSH (0x08), empty identity, "hello".
            Arguments.of("ZMTP 2.0", new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 1, 8, 0, 0,
                0, 5, 'h', 'e', 'l', 'l', 'o'}));
    }

    // Catches: an engine that downgrades, delivers legacy traffic, sends more than the 11 detection octets, or
    // reports the refusal as something else than UNSUPPORTED_VERSION.
    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyGreetings")
    @DisplayName("ZMTP 1.0 and 2.0 greetings are refused with UNSUPPORTED_VERSION after at most 11 octets "
        + "[RFC 23-VER-2, 23-VER-12, 23-COMPAT-7, 23-COMPAT-9]")
    void legacyGreetingIsRefused(String name, byte[] legacy) throws IOException {
        Bound b = pull();
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            raw.send(legacy);
            RawPeer.Drained d = raw.readUntilClosed(DEADLINE);
            assertTrue(d.closed(), name + " peer not dropped");
            assertTrue(d.bytes().length <= 11, name + ": sent " + hex(d.bytes()));
            assertNull(Wire.greetingPrefixProblem(d.bytes()), hex(d.bytes()));
        }
        SocketEvent e = b.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
        assertEquals(ProtocolError.UNSUPPORTED_VERSION, e.error(), e.toString());
        assertNull(b.socket().tryReceive(), "nothing of a legacy peer's traffic is delivered");
        assertEquals(0, b.socket().peerCount());
    }

    // Catches: a Resource property taken as a request to be checked (and refused) during the handshake.
    @Test
    @DisplayName("a READY asking for any Resource is accepted [RFC 37-RSRC-2]")
    void anyResourceRequestIsAccepted() throws IOException {
        Bound b = pull();
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            raw.send(Wire.concat(Wire.greeting("NULL", false),
                Wire.ready("PUSH", "Resource", "no/such/service"), Wire.message("served", false)));
            assertFullGreeting(raw.read(Wire.GREETING_LENGTH, DEADLINE), "NULL");
            assertEquals("READY", raw.readFrame(DEADLINE).commandName());
            Message m = b.socket().receive(DEADLINE);
            assertNotNull(m, "the message after a READY with a Resource");
            assertEquals("served", m.string(0));
        }
        b.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
    }

    // Catches: ERROR written over unsent greeting bytes (the peer then sees a corrupt greeting), no ERROR at all, or
    // a wrong reason code in the monitor.
    @ParameterizedTest(name = "READY sent {0}")
    @ValueSource(strings = {"in the same write as the greeting", "after reading the socket's greeting"})
    @DisplayName("READY with Socket-Type PUB to a PULL: ERROR after a whole greeting, then close "
        + "[RFC 23-STYPE-2, 23-STYPE-3, 23-ERROR-1, 23-ERROR-2]")
    void incompatibleSocketTypeGetsErrorThenClose(String when) throws IOException {
        Bound b = pull();
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            boolean pipelined = when.startsWith("in the same");
            if (pipelined) {
                raw.send(Wire.concat(Wire.greeting("NULL", false), Wire.ready("PUB")));
                assertFullGreeting(raw.read(Wire.GREETING_LENGTH, DEADLINE), "NULL");
            } else {
                raw.send(Wire.greeting("NULL", false));
                assertFullGreeting(raw.read(Wire.GREETING_LENGTH, DEADLINE), "NULL");
                raw.send(Wire.ready("PUB"));
            }
            Wire.Frame f = raw.readFrame(DEADLINE);
            if ("READY".equals(f.commandName())) {
                f = raw.readFrame(DEADLINE); // NULL: the socket may send its READY before it reads ours
            }
            assertEquals("ERROR", f.commandName(), f.toString());
            assertEquals(Wire.COMMAND, f.flags(), "ERROR is a short command frame");
            byte[] data = f.commandData();
            assertTrue(data.length >= 2 && (data[0] & 0xFF) == data.length - 1, "reason length octet: " + hex(data));
            String reason = new String(data, 1, data.length - 1, StandardCharsets.US_ASCII);
            assertTrue(reason.chars().allMatch(c -> c > 0x20 && c < 0x7F || c == ' '), reason);
            RawPeer.Drained after = raw.readUntilClosed(DEADLINE);
            assertTrue(after.closed(), "closed after ERROR");
            assertEquals(0, after.bytes().length, "nothing after ERROR: " + hex(after.bytes()));
        }
        SocketEvent e = b.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, e.error(), e.toString());
        assertEquals(0, b.socket().peerCount());
    }

    // Catches: a reset handled as an I/O-thread fault (logged as a WARNING with a stack trace for every peer that
    // vanishes) or as a protocol error.
    @Test
    @DisplayName("a peer that resets the connection: a plain disconnect, no I/O-thread fault logged [RFC 23-ERRH-4]")
    void peerResetIsAPlainDisconnect() throws IOException {
        Bound b = pull();
        Logger ioLog = Logger.getLogger("io.jzmtp.transport.io.IoThread");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ioLog.addHandler(recorder);
        try {
            try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
                handshakeAsPush(raw, "PULL");
                raw.send(Wire.message("before the reset", false));
                assertEquals("before the reset", b.socket().receive(DEADLINE).string(0));
                raw.reset();
            }
            SocketEvent e = b.events().await(Kind.DISCONNECTED, DEADLINE);
            assertNull(e.error(), e.toString());
        } finally {
            ioLog.removeHandler(recorder);
        }
        assertTrue(warnings.isEmpty(), () -> "I/O thread warnings: " + warnings.stream()
            .map(r -> r.getMessage() + " " + r.getThrown()).toList());
    }

    // ---- maximum message size ------------------------------------------------------------------------------

    // Catches: an off-by-one in the limit (1000 refused or 1001 accepted), a refusal reported without its reason,
    // or an ERROR sent where the RFC says to just close.
    @Test
    @DisplayName("maxMessageSize 1000: a 1000-byte frame is delivered; a 1001-byte frame closes with "
        + "MESSAGE_TOO_LARGE and no ERROR [RFC 23-ERRH-3]")
    void frameOverTheMaximumSizeDisconnects() throws IOException {
        Bound b = pull(SocketOptions.builder().maxMessageSize(1000).build());
        byte[] fits = new byte[1000];
        Arrays.fill(fits, (byte) 'a');
        byte[] tooBig = new byte[1001];
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            raw.send(Wire.message(fits, false));
            Message m = b.socket().receive(DEADLINE);
            assertNotNull(m, "the 1000-byte message");
            assertArrayEquals(fits, m.frame(0));
            raw.send(Wire.concat(Wire.message(tooBig, false), Wire.message("after", false)));
            RawPeer.Drained d = raw.readUntilClosed(DEADLINE);
            assertTrue(d.closed(), "not dropped after a 1001-byte frame");
            assertEquals(0, d.bytes().length, "RFC 23-ERRH-3: just close: " + hex(d.bytes()));
        }
        SocketEvent e = b.events().await(Kind.DISCONNECTED, DEADLINE);
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, e.error(), e.toString());
        assertNull(b.socket().tryReceive(), "nothing delivered after the oversize frame");
    }

    // Catches: a limit checked only once the body has arrived (the peer would hold the connection and our memory),
    // and the first part of the message being delivered.
    @Test
    @DisplayName("maxMessageSize 1000: the declared size alone (header, no body) after a MORE part closes the "
        + "connection; nothing delivered")
    void oversizeDeclarationIsRefusedBeforeItsBody() throws IOException {
        Bound b = pull(SocketOptions.builder().maxMessageSize(1000).build());
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            raw.send(Wire.concat(Wire.message("head", true), Wire.longHeader(0, 1001)));
            assertTrue(raw.awaitClosed(DEADLINE), "the declaration of 1001 bytes was not refused");
        }
        SocketEvent e = b.events().await(Kind.DISCONNECTED, DEADLINE);
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, e.error(), e.toString());
        assertNull(b.socket().tryReceive(), "the first part alone was delivered");
    }

    // ---- atomic delivery -----------------------------------------------------------------------------------

    // Catches: the part of a message received before the peer vanished being delivered alone, or left in the
    // engine and glued to the next connection's message.
    @Test
    @DisplayName("a peer closing in the middle of a multipart message: nothing of it is delivered; the next "
        + "connection's message is [RFC 23-MSG-1]")
    void disconnectInTheMiddleOfAMultipartMessage() throws IOException {
        Bound b = pull();
        try (RawPeer first = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(first, "PULL");
            first.send(Wire.concat(Wire.message("part-1", true), Wire.message("part-2", true)));
        }
        SocketEvent gone = b.events().await(Kind.DISCONNECTED, DEADLINE);
        assertNull(gone.error(), "a plain close is not a protocol error: " + gone);
        try (RawPeer second = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(second, "PULL");
            second.send(Wire.concat(Wire.message("a", true), Wire.message("b", false)));
            Message m = b.socket().receive(DEADLINE);
            assertNotNull(m);
            assertEquals(List.of("a", "b"), List.of(m.string(0), m.string(m.size() - 1)), m.toString());
            assertEquals(2, m.size(), m.toString());
            assertNull(b.socket().tryReceive());
        }
    }

    // ---- heartbeats: the peer's PINGs --------------------------------------------------------------------------

    // Catches: no PONG, a PONG that drops, truncates or pads the context, or a malformed PONG frame.
    @ParameterizedTest(name = "context of {0} bytes")
    @ValueSource(ints = {0, 1, 16})
    @DisplayName("PING with a TTL: the socket answers PONG echoing the context [RFC 37-PING-4, 37-PING-6]")
    void pingIsAnsweredWithPongEchoingTheContext(int contextLength) throws IOException {
        Bound b = pull();
        byte[] context = new byte[contextLength];
        for (int i = 0; i < contextLength; i++) {
            context[i] = (byte) (0xA0 + i);
        }
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            raw.send(Wire.ping(100, context));
            Wire.Frame pong = raw.readFrame(DEADLINE);
            byte[] want = Wire.concat(new byte[] {4, (byte) (5 + contextLength), 4, 'P', 'O', 'N', 'G'}, context);
            assertArrayEquals(want, pong.raw(), () -> "PONG " + hex(pong.raw()));
            raw.send(Wire.message("still here", false));
            assertEquals("still here", b.socket().receive(DEADLINE).string(0));
        }
    }

    // Catches: a received PING's TTL ignored (a silent peer kept forever) or applied in the wrong unit.
    @Test
    @DisplayName("a peer whose PING announces TTL 5 (0.5 s) and then goes silent is dropped after about the TTL "
        + "[RFC 37-PING-12, 37-PING-3]")
    void peerPingTtlIsHonoured() throws IOException {
        Bound b = pull();
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            long start = System.nanoTime();
            raw.send(Wire.ping(5, new byte[0]));
            assertEquals("PONG", raw.readFrame(DEADLINE).commandName());
            assertTrue(raw.awaitClosed(DEADLINE), "a silent peer outlived its own TTL");
            assertTrue(millisSince(start) >= 500, "dropped after " + millisSince(start) + " ms, before the TTL");
        }
        SocketEvent e = b.events().await(Kind.DISCONNECTED, DEADLINE);
        assertNull(e.error(), "a heartbeat timeout is not a protocol error: " + e);
    }

    // ---- heartbeats: our PINGs ---------------------------------------------------------------------------------

    private static SocketOptions heartbeats(long intervalMillis, long timeoutMillis, long ttlMillis) {
        return SocketOptions.builder().heartbeatInterval(Duration.ofMillis(intervalMillis))
            .heartbeatTimeout(Duration.ofMillis(timeoutMillis)).heartbeatTtl(Duration.ofMillis(ttlMillis)).build();
    }

    // Catches: no PINGs, a TTL sent in the wrong unit (ms instead of deciseconds) or byte order, or a context where
    // none was configured.
    @Test
    @DisplayName("heartbeatInterval 100 ms, TTL 2 s: the socket sends PING with TTL 20 ds "
        + "[RFC 37-PING-1, 37-PING-2, 37-PING-3]")
    void ourPingCarriesTheConfiguredTtl() throws IOException {
        Bound b = pull(heartbeats(100, 5_000, 2_000));
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            for (int i = 0; i < 2; i++) {
                Wire.Frame ping = raw.readFrame(DEADLINE);
                assertArrayEquals(new byte[] {4, 7, 4, 'P', 'I', 'N', 'G', 0, 20}, ping.raw(), hex(ping.raw()));
                raw.send(Wire.pong(new byte[0]));
            }
        }
    }

    // Catches: a dead peer never dropped, a timeout pushed back by each of our own PINGs (so PINGs go on forever),
    // or a drop before the configured timeout.
    @Test
    @DisplayName("a peer that answers nothing is dropped after the heartbeat timeout, after at most 3 PINGs "
        + "(interval 100 ms, timeout 300 ms) [RFC 37-PING-7, 37-PING-8, 37-PING-10, 37-PING-11]")
    void silentPeerIsDroppedAfterTheHeartbeatTimeout() throws IOException {
        Bound b = pull(heartbeats(100, 300, 0));
        int pings = 0;
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            long start = System.nanoTime();
            handshakeAsPush(raw, "PULL");
            while (true) {
                Wire.Frame f;
                try {
                    f = raw.readFrame(DEADLINE);
                } catch (EOFException | SocketException closed) {
                    break;
                }
                assertEquals("PING", f.commandName(), f.toString());
                pings++;
                assertTrue(pings <= 3, "RFC 37-PING-10: a 4th PING to a peer silent for the whole timeout");
            }
            // First PING at least 100 ms after the handshake, then nothing for the 300 ms timeout.
            assertTrue(millisSince(start) >= 400, "dropped after " + millisSince(start) + " ms");
        }
        assertTrue(pings >= 1, "no PING before the drop");
        SocketEvent e = b.events().await(Kind.DISCONNECTED, DEADLINE);
        assertNull(e.error(), e.toString());
        assertFalse(b.events().seen().stream().anyMatch(x -> x.kind() == Kind.HANDSHAKE_FAILED));
    }

    // Catches: PONGs not counted as life (the peer would be dropped at the first timeout, 500 ms in).
    @Test
    @DisplayName("a peer that answers every PING with PONG stays connected over 12 intervals")
    void peerAnsweringPongsStaysConnected() throws IOException {
        answeringPeerStaysConnected(false);
    }

    // Catches: only PONG counted as life (RFC 37 says any traffic should count).
    @Test
    @DisplayName("a peer that answers every PING with a message (never PONG) stays connected [RFC 37-PING-9]")
    void anyTrafficCountsAsLife() throws IOException {
        answeringPeerStaysConnected(true);
    }

    private void answeringPeerStaysConnected(boolean withMessages) throws IOException {
        int rounds = 12;
        Bound b = pull(heartbeats(100, 400, 0));
        try (RawPeer raw = RawPeer.connect(HOST, b.port())) {
            handshakeAsPush(raw, "PULL");
            for (int i = 0; i < rounds; i++) {
                Wire.Frame ping = raw.readFrame(DEADLINE);
                assertEquals("PING", ping.commandName(), "round " + i + ": " + ping);
                raw.send(withMessages ? Wire.message("m" + i, false) : Wire.pong(new byte[0]));
            }
            raw.send(Wire.message("last", false));
            for (int i = 0; withMessages && i < rounds; i++) {
                assertEquals("m" + i, b.socket().receive(DEADLINE).string(0));
            }
            assertEquals("last", b.socket().receive(DEADLINE).string(0));
            List<SocketEvent> events = b.events().drainNow();
            assertTrue(events.stream().noneMatch(e -> e.kind() == Kind.DISCONNECTED), events.toString());
        }
    }

    // ---- the connecting side ----------------------------------------------------------------------------------

    private record Connector(PushSocket socket, MonitorEvents events) {
    }

    private Connector connectTo(ServerSocket server) {
        PushSocket push = ctx.push(SocketOptions.builder().reconnectInterval(Duration.ofMillis(50)).build());
        MonitorEvents events = new MonitorEvents(push.monitor());
        push.connect("tcp://" + HOST + ":" + server.getLocalPort());
        return new Connector(push, events);
    }

    private static ServerSocket rawServer() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Fails if the connector comes back within the window (10 reconnect intervals). */
    private static void assertNoReconnect(ServerSocket server) throws IOException {
        RawPeer again;
        try {
            again = RawPeer.accept(server, WINDOW);
        } catch (SocketTimeoutException expected) {
            return; // nobody came back within the window
        }
        again.close();
        fail("the connector reconnected after a protocol error");
    }

    // Catches: a mechanism mismatch not detected, reported with another reason, or followed by reconnects (libzmq
    // treats it as a protocol error and stops; so does jzmtp).
    @Test
    @DisplayName("connect side: a server answering with mechanism PLAIN to our NULL client: "
        + "HANDSHAKE_FAILED(ZMTP_MECHANISM_MISMATCH) and no reconnect [RFC 23-MECH-11]")
    void mechanismMismatchIsFatalAndNotRetried() throws IOException {
        try (ServerSocket server = rawServer()) {
            Connector c = connectTo(server);
            try (RawPeer raw = RawPeer.accept(server, DEADLINE)) {
                assertNull(Wire.greetingPrefixProblem(raw.read(10, DEADLINE)));
                raw.send(Wire.greeting("PLAIN", true));
                RawPeer.Drained d = raw.readUntilClosed(DEADLINE);
                assertTrue(d.closed());
                assertTrue(d.bytes().length <= Wire.GREETING_LENGTH - 10, "no command after a mismatch: "
                    + hex(d.bytes()));
            }
            SocketEvent e = c.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
            assertEquals(ProtocolError.ZMTP_MECHANISM_MISMATCH, e.error(), e.toString());
            assertNoReconnect(server);
            List<SocketEvent> later = c.events().drainNow();
            assertTrue(later.stream().noneMatch(x -> x.kind() == Kind.CONNECT_RETRIED), later.toString());
        }
    }

    // Catches: an ERROR from the server treated as a temporary failure (reconnecting with the same credentials).
    @Test
    @DisplayName("connect side: a server that sends ERROR during the handshake is not reconnected to "
        + "[RFC 23-ERRH-1, 23-ERRH-2]")
    void errorFromTheServerIsNotRetried() throws IOException {
        try (ServerSocket server = rawServer()) {
            Connector c = connectTo(server);
            try (RawPeer raw = RawPeer.accept(server, DEADLINE)) {
                raw.send(Wire.concat(Wire.greeting("NULL", false), Wire.error("go away")));
                RawPeer.Drained d = raw.readUntilClosed(DEADLINE);
                assertTrue(d.closed(), "the connector kept the connection after ERROR");
                byte[] g = Arrays.copyOf(d.bytes(), Math.min(d.bytes().length, Wire.GREETING_LENGTH));
                assertNull(Wire.greetingPrefixProblem(g), hex(d.bytes()));
            }
            SocketEvent e = c.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
            assertEquals(ProtocolError.ERROR_RECEIVED, e.error(), e.toString());
            assertNoReconnect(server);
        }
    }

    // Catches: a plain close taken for a protocol error (the connector would give up), or no reconnection at all.
    @Test
    @DisplayName("connect side: a server that just closes after accepting is reconnected to, again and again "
        + "[RFC 23-ERRH-4, 23-ERRH-5, 23-SOCK-3]")
    void plainCloseIsRetried() throws IOException {
        try (ServerSocket server = rawServer()) {
            Connector c = connectTo(server);
            for (int i = 0; i < 3; i++) {
                RawPeer.accept(server, DEADLINE).close();
            }
            SocketEvent retried = c.events().await(Kind.CONNECT_RETRIED, DEADLINE);
            assertNull(retried.error());
            assertTrue(retried.value() >= 50, "retry delay " + retried.value() + " ms below the 50 ms interval");
            List<SocketEvent> all = c.events().seen();
            assertTrue(all.stream().noneMatch(x -> x.kind() == Kind.HANDSHAKE_FAILED && x.error() != null),
                all.toString());
        }
    }
}
