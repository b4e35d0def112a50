package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A client and a server {@link ZmtpConnection} joined by two {@link WireStream}s that the test delivers, corrupts
 * and injects into; after every step both sides are compared with {@link HandshakeModel}.
 */
final class HandshakeWorld {
    /** The pairing of mechanisms. */
    enum Scenario {
        NULL(HandshakeRole.NULL_PEER, HandshakeRole.NULL_PEER),
        NULL_AUTH(HandshakeRole.NULL_PEER, HandshakeRole.NULL_AUTHENTICATING),
        PLAIN(HandshakeRole.PLAIN_CLIENT, HandshakeRole.PLAIN_SERVER);

        final HandshakeRole client;
        final HandshakeRole server;

        Scenario(HandshakeRole client, HandshakeRole server) {
            this.client = client;
            this.server = server;
        }
    }

    /**
     * Everything chosen before the chain runs.
     *
     * @param scenario the mechanisms
     * @param clientType the client's socket type
     * @param serverType the server's socket type
     * @param clientId the client's routing id
     * @param serverId the server's routing id
     * @param appValues values of X- properties for each side (client first)
     * @param user the PLAIN username
     * @param pass the PLAIN password
     * @param maxFrameSize both sides' frame limit
     * @param faultBudget how many faults the chain may inject
     * @param pauseEvery the handlers pause after every n-th message (0 never)
     * @param verdict the status the authentication answer gives ("200" accepts)
     */
    record Config(Scenario scenario, SocketType clientType, SocketType serverType, byte[] clientId, byte[] serverId,
        List<byte[]> appValues, byte[] user, byte[] pass, long maxFrameSize, int faultBudget, int pauseEvery,
        String verdict) {
        @Override
        public String toString() {
            return "Config[" + scenario + ", " + clientType + " -> " + serverType + ", ids " + clientId.length + "/"
                + serverId.length + " bytes, app values " + appValues.size() + ", user " + user.length + " pass "
                + pass.length + " bytes, max frame " + maxFrameSize + ", faults " + faultBudget + ", pause every "
                + pauseEvery + ", verdict " + verdict + "]";
        }

        boolean compatible() {
            return clientType.isCompatibleWith(serverType);
        }
    }

    /** One end. */
    final class Side {
        final String label;
        final HandshakeRole role;
        final SocketType type;
        final HandshakeConfig config;
        final ZmtpConnection conn;
        final Recorder recorder;
        final WireStream inbound;
        final WireStream outbound;
        final long padding;
        ProtocolException failure;
        boolean everReady;
        final List<String> sent = new ArrayList<>();

        Side(String label, HandshakeRole role, SocketType type, byte[] id, Metadata app, WireStream in,
            WireStream out) {
            this.label = label;
            this.role = role;
            this.type = type;
            this.config = new HandshakeConfig(type, id, app);
            this.padding = id.length + 1;
            this.conn = new ZmtpConnection(role.create(config, cfg.user(), cfg.pass()), cfg.maxFrameSize(), padding);
            this.recorder = new Recorder(cfg.pauseEvery());
            this.recorder.watch(conn);
            this.inbound = in;
            this.outbound = out;
        }

        HandshakeModel.Prediction predict() {
            return HandshakeModel.evaluate(inbound, role, type, this == server ? decision : null, cfg.maxFrameSize());
        }
    }

    final Config cfg;
    final WireStream toServer = new WireStream();
    final WireStream toClient = new WireStream();
    final Side client;
    final Side server;
    String decision;
    int faults;

    HandshakeWorld(Config cfg) {
        this.cfg = cfg;
        client = new Side("client", cfg.scenario().client, cfg.clientType(), cfg.clientId(), app(cfg.appValues(), 0),
            toClient, toServer);
        server = new Side("server", cfg.scenario().server, cfg.serverType(), cfg.serverId(), app(cfg.appValues(), 1),
            toServer, toClient);
        pump();
    }

    private static Metadata app(List<byte[]> values, int parity) {
        Metadata.Builder b = Metadata.builder();
        for (int i = parity; i < values.size(); i += 2) {
            b.put("X-Prop-" + i, values.get(i));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "World[" + cfg + ", C->S " + toServer.delivered + "/" + toServer.length() + ", S->C "
            + toClient.delivered + "/" + toClient.length() + ", decision " + decision + "]";
    }

    Side receiverOf(boolean toServerDirection) {
        return toServerDirection ? server : client;
    }

    Side senderOf(boolean toServerDirection) {
        return toServerDirection ? client : server;
    }

    WireStream stream(boolean toServerDirection) {
        return toServerDirection ? toServer : toClient;
    }

    int undelivered(boolean toServerDirection) {
        WireStream s = stream(toServerDirection);
        return s.length() - s.delivered;
    }

    // ---- actions -------------------------------------------------------------------------------------------

    void deliver(boolean toServerDirection, int k) {
        WireStream s = stream(toServerDirection);
        Side y = receiverOf(toServerDirection);
        s.delivered += Math.min(k, s.length() - s.delivered);
        if (y.failure != null) {
            // Closed: the bytes are dropped.
            s.consumed = s.delivered;
        } else {
            feed(y);
        }
        pump();
    }

    void answer(String status) {
        assertNotNull(server.conn.authRequest(), "no authentication pending");
        decision = status;
        AuthResult r = status.equals("200") ? AuthResult.accept("user")
            : new AuthResult(status, "refused by the test", "", Metadata.EMPTY);
        try {
            server.conn.authenticated(r);
        } catch (ProtocolException e) {
            fail(server, e);
            pump();
            return;
        }
        pump();
        feed(server);
        pump();
    }

    void xor(boolean toServerDirection, int at, int x, boolean predictable) {
        WireStream s = stream(toServerDirection);
        assertTrue(at >= s.delivered && at < s.length(), "corrupting a delivered byte");
        s.bytes()[at] ^= (byte) x;
        if (!predictable) {
            s.unknownFrom = Math.min(s.unknownFrom, at);
        }
        faults++;
    }

    void setFlags(boolean toServerDirection, int at, int flags) {
        WireStream s = stream(toServerDirection);
        assertTrue(at >= s.delivered, "corrupting a delivered byte");
        s.bytes()[at] = (byte) ((s.bytes()[at] & FrameFlags.LONG) | (flags & ~FrameFlags.LONG));
        faults++;
    }

    void inject(boolean toServerDirection, int at, byte[] frame) {
        stream(toServerDirection).insert(at, frame);
        faults++;
    }

    /** Sends application traffic from the side that sends in this direction; it must be ready. */
    void send(boolean toServerDirection, List<TrafficItem> items) {
        Side x = senderOf(toServerDirection);
        assertTrue(x.conn.isReady() && x.failure == null);
        HandshakeModel.Prediction view = x.predict();
        for (TrafficItem it : items) {
            byte[] buf = new byte[it.body().length + 64];
            UnsafeBuffer dst = new UnsafeBuffer(buf);
            UnsafeBuffer body = new UnsafeBuffer(it.body());
            int n;
            String event;
            switch (it.kind()) {
                case MESSAGE:
                    n = x.conn.trafficCodec().encode(it.more() ? FrameFlags.MORE : 0, body, 0, it.body().length,
                        dst, 0);
                    event = "MSG" + (it.more() ? "+ " : " ") + Hex.all(it.body());
                    break;
                case PING:
                    n = Commands.writePing(dst, 0, it.ttl(), body, 0, it.body().length);
                    event = "PING " + it.ttl() + " " + Hex.all(it.body());
                    break;
                default:
                    boolean sub = it.kind() == TrafficItem.Kind.SUBSCRIBE;
                    n = x.conn.writeSubscription(dst, 0, sub, body, 0, it.body().length);
                    // subscriptionLength is exact for both kinds.
                    int room = x.conn.subscriptionLength(it.body().length, sub);
                    assertEquals(room, n, "written " + n + ", room " + room);
                    // RFC 37 "Backwards Interoperability", 23-SUB-3/5: a 3.0 peer gets the message form.
                    boolean threeZero = view.major == 3 && view.minor == 0;
                    assertEquals(threeZero ? 0 : FrameFlags.COMMAND, buf[0] & FrameFlags.COMMAND,
                        "subscription form for a peer announcing " + view.major + "." + view.minor);
                    event = threeZero ? "MSG " + (sub ? "01" : "00") + Hex.all(it.body())
                        : (sub ? "SUBSCRIBE " : "CANCEL ") + Hex.all(it.body());
            }
            byte[] frame = java.util.Arrays.copyOf(buf, n);
            x.outbound.appendFrames(frame, WireStream.Origin.APP, x.type);
            x.sent.add(event);
        }
    }

    /** Delivers everything, answering any pending authentication with the verdict, until nothing moves. */
    void finish() {
        for (int round = 0; round < 50; round++) {
            boolean moved = false;
            for (boolean dir : new boolean[] {true, false}) {
                if (undelivered(dir) > 0) {
                    deliver(dir, undelivered(dir));
                    moved = true;
                }
            }
            if (server.failure == null && server.conn.authRequest() != null) {
                answer(cfg.verdict());
                moved = true;
            }
            check();
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the handshake did not settle in 50 rounds");
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private void feed(Side y) {
        WireStream s = y.inbound;
        while (s.consumed < s.delivered && y.failure == null) {
            int len = s.delivered - s.consumed;
            int slack = s.consumed % 3;
            byte[] chunk = new byte[slack + len + 1];
            System.arraycopy(s.bytes(), s.consumed, chunk, slack, len);
            y.recorder.paused = false;
            int n;
            try {
                n = y.conn.receive(new UnsafeBuffer(chunk), slack, len, y.recorder);
            } catch (ProtocolException e) {
                fail(y, e);
                return;
            }
            java.util.Arrays.fill(chunk, (byte) 0x99);
            assertTrue(n >= 0 && n <= len);
            s.consumed += n;
            if (n < len && y.conn.authRequest() != null) {
                return;
            }
            if (n < len && !y.recorder.paused) {
                throw new AssertionError(y.label + " stopped consuming with no reason");
            }
        }
    }

    private void fail(Side y, ProtocolException e) {
        y.failure = e;
        drain(y);
        if (e.errorReply() != null) {
            // What the owner does: send ERROR with the reply, then close (RFC 23-STYPE-3, 24-FLOW-3).
            assertTrue(y.outbound.length() >= Greeting.LENGTH, "ERROR reply before our greeting was complete");
            y.outbound.appendFrames(Wire.command(Commands.error(e.errorReply())), WireStream.Origin.ERROR_REPLY,
                y.type);
        }
    }

    private void pump() {
        for (Side y : new Side[] {client, server}) {
            if (y.failure == null) {
                drain(y);
                if (y.conn.isReady()) {
                    y.everReady = true;
                }
            }
        }
    }

    private static void drain(Side y) {
        int n = y.conn.outputAvailable();
        if (n > 0) {
            byte[] b = new byte[n];
            assertEquals(n, y.conn.takeOutput(new UnsafeBuffer(b), 0, n));
            y.outbound.appendHandshake(b, y.type);
        }
    }

    // ---- the model check -----------------------------------------------------------------------------------

    /** Compares both sides with the model. */
    void check() {
        checkSide(client, server);
        checkSide(server, client);
    }

    private void checkSide(Side y, Side x) {
        HandshakeModel.Prediction p = y.predict();
        String who = y.label + " " + p + " vs " + (y.failure == null ? "no failure" : y.failure.getMessage()
            + " at " + y.failure.offset());
        assertEquals(List.of(), y.recorder.violations, who);
        if (y.everReady && y.failure == null) {
            assertTrue(y.conn.isReady(), "readiness went back: " + who);
        }
        // Our greeting as released: the 23-GREET layout, as-server per role (23-NULL-7, 24-MECH-2).
        byte[] greeting = new Greeting(Greeting.OUR_MAJOR, Greeting.OUR_MINOR, y.role.mechanism, y.role.asServer)
            .toBytes(y.padding);
        byte[] released = y.outbound.pristineGreeting();
        assertArrayEquals(java.util.Arrays.copyOf(greeting, released.length), released, who);
        if (p.status == HandshakeModel.Status.UNKNOWN) {
            if (y.failure != null && y.failure.error() != ProtocolError.AUTHENTICATION_FAILED) {
                assertTrue(y.failure.offset() >= p.unknownFloor, "failed before the corrupted frame: " + who);
            }
            assertTrue(y.recorder.events.size() >= p.events.size()
                && y.recorder.events.subList(0, p.events.size()).equals(p.events), "events: " + who);
            return;
        }
        if (p.status == HandshakeModel.Status.FAILED) {
            assertNotNull(y.failure, "should have failed: " + who);
            assertEquals(p.error, y.failure.error(), who);
            assertEquals(p.offset, y.failure.offset(), who);
            if (p.reply != null) {
                assertEquals(p.reply, y.failure.errorReply(), who);
            }
            // A side that fails during its handshake never reports ready; one that fails later stays ready.
            assertEquals(p.traffic, y.conn.isReady(), "ready after failing: " + who);
        } else {
            assertNull(y.failure, "should not have failed: " + who);
            assertEquals(p.processed, y.inbound.consumed, "bytes consumed: " + who);
            assertEquals(p.processed, y.conn.position(), "position: " + who);
            assertEquals(p.status == HandshakeModel.Status.READY, y.conn.isReady(), "ready: " + who);
            AuthRequest req = y.conn.authRequest();
            assertEquals(p.status == HandshakeModel.Status.GATED, req != null, "auth request: " + who);
            if (req != null) {
                assertEquals(y.role.mechanism, req.mechanism());
                assertEquals(p.credentials.size(), req.credentials().size(), who);
                for (int i = 0; i < p.credentials.size(); i++) {
                    assertArrayEquals(p.credentials.get(i), req.credentials().get(i), who);
                }
            }
        }
        assertEquals(p.events, y.recorder.events, "events: " + who);
        // What y released: greeting stages (23-VER-3) and handshake commands in mechanism order.
        int greetingOut = Math.min(y.outbound.length(), Greeting.LENGTH);
        assertEquals(p.released, greetingOut, "greeting octets released: " + who);
        List<String> commands = new ArrayList<>();
        for (WireStream.Segment s : y.outbound.segments()) {
            if (s.origin() == WireStream.Origin.HANDSHAKE) {
                commands.add(s.name());
            }
        }
        assertEquals(p.outputs, commands, "handshake commands released: " + who);
        if (p.greetingDone && y.failure == null) {
            assertEquals(p.major == 3 && p.minor == 0 ? ZmtpVersion.V3_0 : ZmtpVersion.V3_1, y.conn.peerVersion(), who);
        }
        if (p.status == HandshakeModel.Status.READY) {
            // 23-META-3/4, 23-IDENT-1: the peer's Socket-Type (and Identity from REQ/DEALER/ROUTER) once ready.
            Metadata md = y.conn.peerMetadata();
            assertNotNull(md, who);
            assertEquals(x.type.wireName(), md.text("Socket-Type"), who);
            if (x.type.sendsIdentity()) {
                assertArrayEquals(x.config.routingId(), md.value("Identity"), who);
            } else {
                assertNull(md.value("Identity"), who);
            }
            for (Metadata.Property prop : x.config.applicationMetadata().properties()) {
                assertArrayEquals(prop.value(), md.value(prop.name()), who);
            }
        }
    }
}
