package io.jzmtp.spec.conformance;

import static io.jzmtp.spec.conformance.CodecWire.ascii;
import static io.jzmtp.spec.conformance.CodecWire.command;
import static io.jzmtp.spec.conformance.CodecWire.concat;
import static io.jzmtp.spec.conformance.CodecWire.frame;
import static io.jzmtp.spec.conformance.CodecWire.frames;
import static io.jzmtp.spec.conformance.CodecWire.greeting;
import static io.jzmtp.spec.conformance.CodecWire.hex;
import static io.jzmtp.spec.conformance.CodecWire.pump;
import static io.jzmtp.spec.conformance.CodecWire.ready;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpConnection.Phase;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import io.jzmtp.core.mechanism.TrafficCodec;
import io.jzmtp.spec.conformance.CodecWire.End;
import io.jzmtp.spec.conformance.CodecWire.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Codec clauses of RFC 23/37 (see spec/CONFORMANCE.md) checked through zmtp-core's public classes, one test per
 * clause or small group. Peer bytes are written by hand ({@link CodecWire}) and our output is read with an
 * independent frame reader, so a wrong encoder or decoder cannot agree with itself.
 */
class CodecClauseTest {
    private static final byte[] NO_ID = new byte[0];

    private static End nullEnd(SocketType type) {
        return new End(new ZmtpConnection(new NullMechanism(HandshakeConfig.of(type), false), -1, 1));
    }

    private static End nullEnd(SocketType type, Metadata app) {
        return new End(new ZmtpConnection(new NullMechanism(new HandshakeConfig(type, NO_ID, app), false), -1, 1));
    }

    /** A DEALER that has completed a NULL handshake with a hand-written 3.1 ROUTER. */
    private static End readyDealer() throws ProtocolException {
        End e = nullEnd(SocketType.DEALER);
        e.feed(concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "ROUTER")));
        e.drain();
        assertTrue(e.conn.isReady());
        return e;
    }

    /** Two jzmtp ends after a NULL handshake (DEALER client, ROUTER server), each with an X- property. */
    private static End[] nullPair() throws ProtocolException {
        End client = nullEnd(SocketType.DEALER, Metadata.builder().put("X-Side", "client").build());
        End server = nullEnd(SocketType.ROUTER, Metadata.builder().put("X-Side", "server").build());
        pump(client, server);
        return new End[] {client, server};
    }

    /** Two jzmtp ends after a PLAIN handshake (REQ client, REP server) accepted by authentication. */
    private static End[] plainPair() throws ProtocolException {
        End client = new End(new ZmtpConnection(new PlainClientMechanism(new HandshakeConfig(SocketType.REQ, NO_ID,
            Metadata.builder().put("X-Side", "client").build()), ascii("admin"), ascii("secret")), -1, 1));
        End server = new End(new ZmtpConnection(new PlainServerMechanism(new HandshakeConfig(SocketType.REP, NO_ID,
            Metadata.builder().put("X-Side", "server").build())), -1, 1));
        pump(client, server);
        assertNotNull(server.conn.authRequest(), "PLAIN server asks authentication");
        server.conn.authenticated(AuthResult.accept("admin"));
        pump(client, server);
        return new End[] {client, server};
    }

    private static void assertReady(End[] pair) {
        assertTrue(pair[0].conn.isReady(), "client ready");
        assertTrue(pair[1].conn.isReady(), "server ready");
    }

    // ---- Version negotiation and backwards interoperability -------------------------------------------------

    static Stream<Arguments> legacyPeers() {
        byte[] zmtp10Short = {0x01, 0x00, 0x04, 0x00, 'a', 'b', 'c'};
        byte[] zmtp10Long = concat(new byte[] {(byte) 0xFF}, CodecWire.bigEndian(301, 8), new byte[] {0x00},
            new byte[300]);
        byte[] zmtp20 = concat(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 0x01, 0x05}, new byte[] {0, 0});
        byte[] major2 = concat(Arrays.copyOf(greeting("NULL", 2, 0, false), 64), ready("Socket-Type", "ROUTER"));
        byte[] major0 = concat(Arrays.copyOf(greeting("NULL", 0, 0, false), 64), ready("Socket-Type", "ROUTER"));
        return Stream.of(
            Arguments.of("ZMTP 1.0, empty identity (first octet 0x01)", zmtp10Short, 0, false),
            Arguments.of("ZMTP 1.0, 300-octet identity (0xFF, long length, flags 0x00)", zmtp10Long, 9, false),
            Arguments.of("ZMTP 2.0 (revision 1), DEALER, empty identity", zmtp20, 10, false),
            Arguments.of("ZMTP 2.0 (revision 1) against PLAIN", zmtp20, 10, true),
            Arguments.of("a 3.x-shaped greeting with major 2", major2, 10, false),
            Arguments.of("a 3.x-shaped greeting with major 0", major0, 10, false));
    }

    // RFC 23-VER-2: jzmtp demands ZMTP 3 and never downgrades (it declines the optional downgrade and the 1.0/2.0
    // continuations of the detection strategies). A 1.0 or 2.0 peer is refused with UNSUPPORTED_VERSION at the octet that gives it
    // away, having seen at most our 11 signature and major octets (never our mechanism), in whatever pieces its
    // bytes arrive; nothing of its is delivered.
    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyPeers")
    void rfc23_VER_2_legacyPeersAreRefusedHavingSeenAtMost11Octets(String what, byte[] peer, int decidingOctet,
        boolean plain) {
        for (int piece : new int[] {peer.length, 1, 3}) {
            End e = plain
                ? new End(new ZmtpConnection(new PlainClientMechanism(HandshakeConfig.of(SocketType.REQ),
                    ascii("u"), ascii("p")), -1, 1))
                : nullEnd(SocketType.DEALER);
            ProtocolException x = assertThrows(ProtocolException.class, () -> {
                for (int at = 0; at < peer.length; at += piece) {
                    e.drain();
                    e.feed(Arrays.copyOfRange(peer, at, Math.min(peer.length, at + piece)));
                }
            }, what + ": accepted (pieces of " + piece + ")");
            e.drain();
            assertEquals(ProtocolError.UNSUPPORTED_VERSION, x.error(), what);
            assertEquals(decidingOctet, x.offset(), what);
            byte[] ours = e.sent();
            assertEquals(decidingOctet == 10 ? 11 : 10, ours.length, what + ": our octets released");
            assertEquals((byte) 0xFF, ours[0]);
            assertEquals(0x7F, ours[9]);
            if (ours.length == 11) {
                assertEquals(3, ours[10], "our major");
            }
            assertEquals(Phase.GREETING, e.conn.phase());
            assertNull(e.conn.peerVersion());
            assertEquals(List.of(), e.events);
        }
    }

    // RFC 23-COMPAT-5, 23-COMPAT-6: the pseudo-signature of the 1.0-and-2.0 detection strategy: 0xFF, the
    // padding carrying (identity length + 1) as 8 octets in network order, 0x7F. Those 10 octets are all that
    // goes out until the peer's own first 10 octets are in.
    @ParameterizedTest(name = "identity of {0} octets")
    @ValueSource(ints = {0, 1, 5, 255})
    void rfc23_COMPAT_5_pseudoSignatureCarriesIdentityLengthPlusOne(int idLength) throws ProtocolException {
        byte[] id = new byte[idLength];
        Arrays.fill(id, (byte) 'i');
        End e = new End(new ZmtpConnection(new NullMechanism(new HandshakeConfig(SocketType.DEALER, id,
            Metadata.EMPTY), false), -1, idLength + 1L));
        byte[] out = e.drain();
        assertEquals(10, out.length, "only the pseudo-signature before the peer speaks");
        assertEquals((byte) 0xFF, out[0]);
        assertEquals(0x7F, out[9]);
        long size = 0;
        for (int i = 1; i <= 8; i++) {
            size = (size << 8) | (out[i] & 0xFF);
        }
        assertEquals(idLength + 1L, size, "padding, read in network byte order");
        e.feed(Arrays.copyOf(greeting("NULL", 3, 1, false), 9));
        assertEquals(0, e.drain().length, "nothing more before the peer's 10th octet");
    }

    // RFC 23-COMPAT-13, 23-COMPAT-4: once the peer's octet 10 shows a major of 3 or more, the rest of our greeting
    // (octets 11-63) goes out at once; when the peer's 64 octets are in, the security handshake starts (our READY)
    // and the connection continues in 3.x.
    @ParameterizedTest(name = "peer major {0}")
    @ValueSource(ints = {3, 4, 255})
    void rfc23_COMPAT_13_a3xPeerGetsTheRestOfTheGreetingThenTheHandshake(int major) throws ProtocolException {
        End e = nullEnd(SocketType.DEALER);
        byte[] peer = greeting("NULL", major, 1, false);
        assertEquals(10, e.drain().length);
        e.feed(Arrays.copyOfRange(peer, 0, 10));
        assertEquals(1, e.drain().length, "our major, after the peer's signature");
        e.feed(Arrays.copyOfRange(peer, 10, 11));
        byte[] rest = e.drain();
        assertEquals(53, rest.length, "octets 11-63 after the peer's major");
        assertEquals(1, rest[0], "minor 1");
        assertEquals("NULL", new String(rest, 1, 4, StandardCharsets.US_ASCII));
        for (int i = 5; i < rest.length; i++) {
            assertEquals(0, rest[i], "greeting octet " + (11 + i));
        }
        e.feed(Arrays.copyOfRange(peer, 11, 63));
        assertEquals(0, e.drain().length, "no command before the peer's greeting is complete");
        e.feed(Arrays.copyOfRange(peer, 63, 64));
        List<Frame> hs = frames(e.drain(), 0);
        assertEquals(1, hs.size());
        assertEquals("READY", hs.get(0).commandName());
        assertEquals(Phase.HANDSHAKE, e.conn.phase());
        e.feed(ready("Socket-Type", "ROUTER"));
        assertTrue(e.conn.isReady());
        assertEquals(ZmtpVersion.V3_1, e.conn.peerVersion());
    }

    // ---- Topology and security mechanisms ---------------------------------------------------------------------

    // RFC 23-TOPO-4: NULL defines no client and server roles, so a NULL peer sends as-server 0, whatever its
    // socket type and also when it authenticates its peers (a ZAP domain).
    @Test
    void rfc23_TOPO_4_nullPeersSendAsServerZero() throws ProtocolException {
        for (SocketType t : SocketType.values()) {
            for (boolean authenticate : new boolean[] {false, true}) {
                End e = new End(new ZmtpConnection(new NullMechanism(HandshakeConfig.of(t), authenticate), -1, 1));
                e.feed(Arrays.copyOf(greeting("NULL", 3, 1, true), 11));
                byte[] ours = e.drain();
                assertEquals(64, ours.length);
                assertEquals(0, ours[32], t + (authenticate ? " authenticating" : ""));
            }
        }
    }

    // RFC 23-MECH-1: a peer may support any of NULL, PLAIN and CURVE. zmtp-core provides NULL and PLAIN; each
    // announces its name in the greeting and completes a handshake between two jzmtp ends.
    @Test
    void rfc23_MECH_1_nullAndPlainHandshakesComplete() throws ProtocolException {
        for (End[] pair : List.of(nullPair(), plainPair())) {
            assertReady(pair);
        }
        assertEquals("NULL", mechanismField(nullPair()[0].sent()));
        assertEquals("PLAIN", mechanismField(plainPair()[1].sent()));
    }

    /** The mechanism field of a greeting, checked to be one name followed by NUL octets only. */
    private static String mechanismField(byte[] greeting) {
        int n = 0;
        while (n < 20 && greeting[12 + n] != 0) {
            n++;
        }
        for (int i = 12 + n; i < 32; i++) {
            assertEquals(0, greeting[i], "mechanism field: one name, then NULs only (octet " + i + ")");
        }
        return new String(greeting, 12, n, StandardCharsets.US_ASCII);
    }

    /** Makes each mechanism zmtp-core provides, fresh for every connection. */
    private static List<Supplier<Mechanism>> ourMechanisms() {
        return List.of(() -> new NullMechanism(HandshakeConfig.of(SocketType.PAIR), false),
            () -> new NullMechanism(HandshakeConfig.of(SocketType.PAIR), true),
            () -> new PlainClientMechanism(HandshakeConfig.of(SocketType.PAIR), ascii("u"), ascii("p")),
            () -> new PlainServerMechanism(HandshakeConfig.of(SocketType.PAIR)));
    }

    // RFC 23-MECH-5: mechanism names are upper-case letters and digits with embedded '-' or '_'; every mechanism
    // zmtp-core provides has such a name and sends exactly it in the greeting.
    @Test
    void rfc23_MECH_5_mechanismNamesFollowTheNameRule() throws ProtocolException {
        for (Supplier<Mechanism> make : ourMechanisms()) {
            Mechanism m = make.get();
            assertTrue(m.name().matches("[A-Z0-9]+([-_][A-Z0-9]+)*"), m.name());
            End e = new End(new ZmtpConnection(m, -1, 1));
            e.feed(Arrays.copyOf(greeting(m.name(), 3, 1, false), 11));
            assertEquals(m.name(), mechanismField(e.drain()));
        }
    }

    // RFC 23-MECH-6: a peer announces exactly one mechanism, and security is assertive: a jzmtp end offers no
    // alternative and refuses a peer announcing another (weaker or stronger) mechanism at the end of the field,
    // before any handshake command of its own goes out.
    @Test
    void rfc23_MECH_6_oneMechanismAndNoFallback() throws ProtocolException {
        for (Supplier<Mechanism> make : ourMechanisms()) {
            for (String theirs : List.of("NULL", "PLAIN", "CURVE")) {
                Mechanism m = make.get();
                if (theirs.equals(m.name())) {
                    continue;
                }
                End e = new End(new ZmtpConnection(m, -1, 1));
                ProtocolException x = assertThrows(ProtocolException.class,
                    () -> e.feed(concat(greeting(theirs, 3, 1, false), ready("Socket-Type", "PAIR"))));
                e.drain();
                assertEquals(ProtocolError.ZMTP_MECHANISM_MISMATCH, x.error(), m.name() + " vs " + theirs);
                assertEquals(31, x.offset());
                assertEquals(64, e.sent().length, "our greeting and no command");
                assertEquals(m.name(), mechanismField(e.sent()));
                assertFalse(e.conn.isReady());
            }
        }
    }

    /** Stands for an encrypting mechanism: its command bodies are a name followed by opaque octets. */
    private static final class OpaqueMechanism implements Mechanism {
        final List<byte[]> toSend;
        final List<String> received = new ArrayList<>();

        OpaqueMechanism(List<byte[]> toSend) {
            this.toSend = new ArrayList<>(toSend);
        }

        @Override
        public String name() {
            return "OPAQUE";
        }

        @Override
        public boolean asServer() {
            return false;
        }

        @Override
        public byte[] nextCommand() {
            return toSend.isEmpty() ? null : toSend.remove(0);
        }

        @Override
        public void receiveCommand(CommandView c) {
            received.add(c.name() + ":" + hex(c.buffer(), c.dataOffset(), c.dataLength()));
        }

        @Override
        public AuthRequest authRequest() {
            return null;
        }

        @Override
        public void authenticated(AuthResult result) {
            throw new IllegalStateException("no authentication");
        }

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public Metadata peerMetadata() {
            return null;
        }

        @Override
        public String userId() {
            return null;
        }
    }

    // RFC 23-MECH-9, 37-MECH-1: only a command's body may be encrypted; its flags octet and size field are clear
    // text. A mechanism hands zmtp-core opaque bodies: the connection frames them itself with a clear 0x04/0x06
    // flags octet and a size equal to the body's length (short or long form), and reads a peer's command by its
    // clear header alone, handing the mechanism the body's octets unchanged.
    @Test
    void rfc23_MECH_9_commandHeadersAreClearTextAroundOpaqueBodies() throws ProtocolException {
        Random r = new Random(23);
        byte[] shortData = new byte[20];
        byte[] longData = new byte[400];
        r.nextBytes(shortData);
        r.nextBytes(longData);
        shortData[0] = 0x06;
        longData[0] = (byte) 0xFF;
        byte[] shortBody = concat(new byte[] {7}, ascii("MESSAGE"), shortData);
        byte[] longBody = concat(new byte[] {7}, ascii("MESSAGE"), longData);
        OpaqueMechanism m = new OpaqueMechanism(List.of(shortBody, longBody));
        End e = new End(new ZmtpConnection(m, -1, 1));
        e.feed(greeting("OPAQUE", 3, 1, false));
        e.drain();
        assertEquals(64 + 2 + shortBody.length + 9 + longBody.length, e.sent().length);
        List<Frame> out = frames(e.sent(), 64);
        assertEquals(2, out.size());
        assertEquals(0x04, out.get(0).flags());
        assertEquals(1, out.get(0).sizeOctets());
        assertArrayEquals(shortBody, out.get(0).body());
        assertEquals(0x06, out.get(1).flags());
        assertEquals(8, out.get(1).sizeOctets());
        assertArrayEquals(longBody, out.get(1).body());

        byte[] longForm = concat(new byte[] {0x06}, CodecWire.bigEndian(shortBody.length, 8), shortBody);
        e.feed(concat(frame(4, longBody), frame(4, shortBody), longForm));
        String shortSeen = "MESSAGE:" + hex(shortData);
        assertEquals(List.of("MESSAGE:" + hex(longData), shortSeen, shortSeen), m.received);
    }

    // ---- Connection metadata ----------------------------------------------------------------------------------

    // RFC 23-META-8: metadata travels only in the mechanism's final commands (READY; PLAIN: INITIATE and READY).
    // RFC 23-META-1: every mechanism carries key/value metadata: NULL in READY both ways, PLAIN in INITIATE (client)
    // and READY (server). Each side sees the other's Socket-Type and application property.
    @Test
    void rfc23_META_1_everyMechanismExchangesMetadata() throws ProtocolException {
        for (End[] pair : List.of(nullPair(), plainPair())) {
            assertReady(pair);
            Metadata atServer = pair[1].conn.peerMetadata();
            Metadata atClient = pair[0].conn.peerMetadata();
            assertEquals(pair[0].conn.mechanism().name().equals("NULL") ? "DEALER" : "REQ", atServer.text("Socket-Type"));
            assertEquals(pair[1].conn.mechanism().name().equals("NULL") ? "ROUTER" : "REP", atClient.text("Socket-Type"));
            assertEquals("client", atServer.text("X-Side"));
            assertEquals("server", atClient.text("X-Side"));
        }
    }

    // RFC 23-META-7: names starting with "X-" are the application's; zmtp-core takes application metadata only
    // under such names (it cannot shadow Socket-Type, Identity or future standard names), and carries it.
    @Test
    void rfc23_META_7_applicationMetadataUsesXNames() throws ProtocolException {
        for (String name : List.of("Socket-Type", "Identity", "Resource", "App", "Xtra", "X", "-X-a")) {
            Metadata md = Metadata.builder().put(name, "v").build();
            assertThrows(IllegalArgumentException.class,
                () -> new HandshakeConfig(SocketType.DEALER, NO_ID, md), name);
        }
        End e = nullEnd(SocketType.DEALER, Metadata.builder().put("X-Trace", "on").put("x-lower", "ok").build());
        e.feed(concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "ROUTER")));
        byte[] readyBody = frames(e.drain(), 64).get(0).body();
        String text = new String(readyBody, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("X-Trace\0\0\0\2on"), hex(readyBody));
        assertTrue(text.contains("x-lower\0\0\0\2ok"), hex(readyBody));
    }

    // RFC 23-META-5 (other properties are tolerated): a peer's Resource property (RFC 37), which jzmtp never sends
    // (libzmq neither), is accepted and left to the application.
    @Test
    void resourcePropertyFromAPeerIsTolerated() throws ProtocolException {
        End e = nullEnd(SocketType.DEALER);
        e.feed(concat(greeting("NULL", 3, 1, false),
            ready("Socket-Type", "ROUTER", "Resource", "system/name-service/test")));
        assertTrue(e.conn.isReady());
        assertEquals("system/name-service/test", e.conn.peerMetadata().text("resource"));
        String sent = new String(e.drain(), StandardCharsets.ISO_8859_1);
        assertFalse(sent.contains("Resource"), "jzmtp sends no Resource");
    }

    // ---- ZMTP 3.1 commands and the NULL roles --------------------------------------------------------------

    // RFC 37-CMD-2: the commands ZMTP 3.1 itself defines. After the handshake SUBSCRIBE, CANCEL, PING and PONG
    // reach the handler with their data, ERROR closes (ERROR_RECEIVED) and READY is out of place; zmtp-core writes
    // each of the six with its exact name.
    @Test
    void rfc37_CMD_2_theSixCommandsOfZmtp31() throws ProtocolException {
        End e = readyDealer();
        e.feed(concat(command("SUBSCRIBE", ascii("t")), command("CANCEL", ascii("t")),
            command("PING", new byte[] {0, 7, 'c'}), command("PONG", ascii("p"))));
        assertEquals(List.of("sub(74)", "cancel(74)", "ping(7,63)", "pong(70)"), e.events);
        ProtocolException err = assertThrows(ProtocolException.class,
            () -> readyDealer().feed(command("ERROR", concat(new byte[] {3}, ascii("400")))));
        assertEquals(ProtocolError.ERROR_RECEIVED, err.error());
        ProtocolException again = assertThrows(ProtocolException.class,
            () -> readyDealer().feed(ready("Socket-Type", "ROUTER")));
        assertEquals(ProtocolError.ZMTP_UNEXPECTED_COMMAND, again.error());

        UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
        UnsafeBuffer topic = new UnsafeBuffer(ascii("t"));
        List<String> names = new ArrayList<>();
        int n = Commands.writeSubscription(buf, 0, true, topic, 0, 1);
        n += Commands.writeSubscription(buf, n, false, topic, 0, 1);
        n += Commands.writePing(buf, n, 7, topic, 0, 1);
        n += Commands.writePong(buf, n, topic, 0, 1);
        byte[] wire = new byte[n];
        buf.getBytes(0, wire);
        wire = concat(wire, frame(4, Commands.ready(Metadata.EMPTY)), frame(4, Commands.error("400")));
        for (Frame f : frames(wire, 0)) {
            assertEquals(0x04, f.flags());
            names.add(f.commandName());
        }
        assertEquals(List.of("SUBSCRIBE", "CANCEL", "PING", "PONG", "READY", "ERROR"), names);
    }

    // RFC 37-NULL-1 (and 23-NULL-7): the binding peer is the NULL server, the connecting one the client, and
    // as-server stays 0 for both. jzmtp's NULL is symmetric (libzmq's is too, see the deviation note), so the one
    // state machine fills either role against a strict 3.1 peer: as client it sends READY first and is ready only
    // once the server's READY is in; as server it answers the client's READY with its own.
    @Test
    void rfc37_NULL_1_eitherRoleAgainstAStrict31Peer() throws ProtocolException {
        End client = nullEnd(SocketType.DEALER);
        client.feed(greeting("NULL", 3, 1, false));
        client.drain();
        List<Frame> first = frames(client.sent(), 64);
        assertEquals(List.of("READY"), first.stream().map(Frame::commandName).toList(), "client READY first");
        assertFalse(client.conn.isReady(), "client waits for the server's READY");
        client.feed(ready("Socket-Type", "ROUTER"));
        assertTrue(client.conn.isReady());
        assertEquals(0, client.sent()[32], "client as-server");

        End server = nullEnd(SocketType.ROUTER);
        server.feed(concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "DEALER", "Identity", "")));
        server.drain();
        assertTrue(server.conn.isReady());
        assertEquals(List.of("READY"), frames(server.sent(), 64).stream().map(Frame::commandName).toList(),
            "server answers READY");
        assertEquals(0, server.sent()[32], "server as-server");
    }

    // RFC 37-NULL-3: the server parses the client's READY: its properties are available once the handshake is
    // done, and metadata that does not parse is refused (ZMTP_INVALID_METADATA) instead of being skipped.
    @Test
    void rfc37_NULL_3_serverParsesTheClientsReady() throws ProtocolException {
        End server = nullEnd(SocketType.ROUTER);
        server.feed(concat(greeting("NULL", 3, 1, false),
            ready("Socket-Type", "DEALER", "Identity", "peer-7", "X-Extra", "")));
        assertTrue(server.conn.isReady());
        Metadata md = server.conn.peerMetadata();
        assertEquals("DEALER", md.text("Socket-Type"));
        assertEquals("peer-7", md.text("IDENTITY"));
        assertEquals("", md.text("x-extra"));

        byte[] truncated = command("READY", concat(CodecWire.props("Socket-Type", "DEALER"), new byte[] {8}));
        End bad = nullEnd(SocketType.ROUTER);
        ProtocolException x = assertThrows(ProtocolException.class,
            () -> bad.feed(concat(greeting("NULL", 3, 1, false), truncated)));
        assertEquals(ProtocolError.ZMTP_INVALID_METADATA, x.error());
        assertEquals(64, x.offset(), "at the READY frame");
        assertFalse(bad.conn.isReady());
    }

    // RFC 37-NULL-4: the server may validate the client's READY; zmtp-core checks the Socket-Type against its own
    // (23-STYPE-2) and the Identity's length (23-IDENT-3).
    @Test
    void rfc37_NULL_4_serverValidatesTheClientsReady() throws ProtocolException {
        String longId = "i".repeat(256);
        Object[][] cases = {
            {"PUB", "", ProtocolError.INCOMPATIBLE_SOCKET_TYPE},
            {"BOGUS", "", ProtocolError.INCOMPATIBLE_SOCKET_TYPE},
            {"dealer", "", ProtocolError.INCOMPATIBLE_SOCKET_TYPE},
            {"DEALER", longId, ProtocolError.ZMTP_INVALID_METADATA},
        };
        for (Object[] c : cases) {
            End server = nullEnd(SocketType.ROUTER);
            ProtocolException x = assertThrows(ProtocolException.class, () -> server.feed(concat(
                greeting("NULL", 3, 1, false), ready("Socket-Type", (String) c[0], "Identity", (String) c[1]))));
            assertEquals(c[2], x.error(), (String) c[0]);
            assertFalse(server.conn.isReady());
        }
        End ok = nullEnd(SocketType.ROUTER);
        ok.feed(concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "DEALER", "Identity", "i".repeat(255))));
        assertTrue(ok.conn.isReady(), "a valid READY passes validation");
    }

    // RFC 37-NULL-6: either peer may close when validation fails. Whichever side refuses, zmtp-core ends the
    // connection with a ProtocolException for its owner to close on (with an ERROR reply to send for a bad
    // Socket-Type, 23-STYPE-3), never becomes ready, and delivers nothing that came behind the bad READY.
    @Test
    void rfc37_NULL_6_eitherPeerClosesOnFailedValidation() {
        byte[] message = frame(0, ascii("after"));
        End server = nullEnd(SocketType.ROUTER);
        ProtocolException atServer = assertThrows(ProtocolException.class, () -> server.feed(
            concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "PUSH"), message)));
        End client = nullEnd(SocketType.DEALER);
        ProtocolException atClient = assertThrows(ProtocolException.class, () -> client.feed(
            concat(greeting("NULL", 3, 1, false), ready("Socket-Type", "PULL"), message)));
        for (ProtocolException x : List.of(atServer, atClient)) {
            assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, x.error());
            assertNotNull(x.errorReply(), "an ERROR reason to send before closing");
        }
        for (End e : List.of(server, client)) {
            assertFalse(e.conn.isReady());
            assertEquals(List.of(), e.events);
        }
    }

    // RFC 37-PING-2, 37-PING-6: a PING's context (0-16 octets) reaches the handler intact, and Commands.writePong
    // echoes it as 04 "PONG" + context, which the pinging side receives unchanged. (Sending the PONG is the
    // engine's part.)
    @Test
    void pingContextReachesTheHandlerAndAPongEchoesIt() throws ProtocolException {
        for (int len : new int[] {0, 1, 16}) {
            byte[] context = new byte[len];
            new Random(len).nextBytes(context);
            End pinged = readyDealer();
            pinged.feed(command("PING", concat(new byte[] {0x01, 0x02}, context)));
            assertEquals(List.of("ping(258," + hex(context) + ")"), pinged.events);
            UnsafeBuffer out = new UnsafeBuffer(new byte[32]);
            int n = Commands.writePong(out, 0, new UnsafeBuffer(context), 0, len);
            byte[] pong = new byte[n];
            out.getBytes(0, pong);
            assertArrayEquals(command("PONG", context), pong);
            End pinger = readyDealer();
            pinger.feed(pong);
            assertEquals(List.of("pong(" + hex(context) + ")"), pinger.events);
        }
    }

    // ---- Wire analysis ------------------------------------------------------------------------------------

    // RFC 23-WIRE-1, 23-WIRE-2: on clear-text connections (NULL and PLAIN) message data travels as message frames
    // in the one RFC 23 framing, whatever the mechanism: both traffic codecs write the same, hand-checked bytes,
    // and the peer delivers them as messages.
    @Test
    void rfc23_WIRE_1_clearTextMessagesAreMessageFramesInOneFraming() throws ProtocolException {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 0x42);
        byte[] expected = concat(new byte[] {0x01, 3}, ascii("abc"), new byte[] {0x02}, CodecWire.bigEndian(300, 8),
            big, new byte[] {0x00, 0});
        for (End[] pair : List.of(nullPair(), plainPair())) {
            assertReady(pair);
            for (int side = 0; side < 2; side++) {
                TrafficCodec codec = pair[side].conn.trafficCodec();
                UnsafeBuffer out = new UnsafeBuffer(new byte[400]);
                int n = codec.encode(1, new UnsafeBuffer(ascii("abc")), 0, 3, out, 0);
                n += codec.encode(0, new UnsafeBuffer(big), 0, big.length, out, n);
                n += codec.encode(0, new UnsafeBuffer(new byte[0]), 0, 0, out, n);
                byte[] wire = new byte[n];
                out.getBytes(0, wire);
                assertArrayEquals(expected, wire, pair[side].conn.mechanism().name());
                End peer = pair[1 - side];
                peer.events.clear();
                peer.feed(wire);
                assertEquals(List.of("msg(616263)+", "msg(" + hex(big) + ")", "msg()"), peer.events);
            }
        }
    }

    // RFC 23-WIRE-4, 23-WIRE-5: command names are always visible and printable. Every command zmtp-core emits -
    // the NULL and PLAIN handshakes of both sides, ERROR, and the traffic commands - carries its name in clear
    // right after the frame header, as upper-case ASCII letters, readable without knowing the mechanism.
    @Test
    void rfc23_WIRE_4_commandNamesAreVisibleAndPrintable() throws ProtocolException {
        List<byte[]> wires = new ArrayList<>();
        for (End[] pair : List.of(nullPair(), plainPair())) {
            wires.add(Arrays.copyOfRange(pair[0].sent(), 64, pair[0].sent().length));
            wires.add(Arrays.copyOfRange(pair[1].sent(), 64, pair[1].sent().length));
        }
        UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
        int n = Commands.writePing(buf, 0, 10, null, 0, 0);
        n += Commands.writePong(buf, n, null, 0, 0);
        n += Commands.writeSubscription(buf, n, true, buf, 0, 0);
        n += Commands.writeSubscription(buf, n, false, buf, 0, 0);
        byte[] traffic = new byte[n];
        buf.getBytes(0, traffic);
        wires.add(concat(traffic, frame(4, Commands.error("Invalid socket type"))));
        List<String> names = new ArrayList<>();
        for (byte[] w : wires) {
            for (Frame f : frames(w, 0)) {
                assertTrue(f.isCommand(), "only commands in handshakes and these writers: " + hex(f.body()));
                String name = f.commandName();
                assertTrue(name.matches("[A-Z]{1,255}"), "printable upper-case name: " + hex(f.body()));
                names.add(name);
            }
        }
        assertEquals(List.of("READY", "READY", "HELLO", "INITIATE", "WELCOME", "READY", "PING", "PONG", "SUBSCRIBE",
            "CANCEL", "ERROR"), names);
    }
}
