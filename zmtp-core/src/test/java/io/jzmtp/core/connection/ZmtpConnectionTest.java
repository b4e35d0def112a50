package io.jzmtp.core.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ZmtpConnectionTest {
    /** Records traffic; pending bytes model the peer's unread input. */
    static final class End implements ZmtpHandler {
        final ZmtpConnection conn;
        final List<String> frames = new ArrayList<>();
        final ExpandableArrayBuffer inbox = new ExpandableArrayBuffer();
        int inboxLength;

        End(ZmtpConnection conn) {
            this.conn = conn;
        }

        @Override
        public boolean onMessageFrame(DirectBuffer b, int o, int l, boolean more) {
            frames.add(b.getStringWithoutLengthUtf8(o, l) + (more ? "+" : ""));
            return true;
        }

        @Override
        public void onPing(int ttl, DirectBuffer c, int o, int l) {
            frames.add("PING " + ttl);
        }

        @Override
        public void onPong(DirectBuffer c, int o, int l) {
            frames.add("PONG");
        }

        @Override
        public boolean onSubscription(boolean s, DirectBuffer t, int o, int l) {
            frames.add((s ? "SUB " : "CANCEL ") + t.getStringWithoutLengthUtf8(o, l));
            return true;
        }

        void deliverTo(End peer) throws ProtocolException {
            int n = conn.outputAvailable();
            peer.inbox.checkLimit(peer.inboxLength + n);
            peer.inboxLength += conn.takeOutput(peer.inbox, peer.inboxLength, n);
            int used = peer.conn.receive(peer.inbox, 0, peer.inboxLength, peer);
            peer.inbox.putBytes(0, peer.inbox, used, peer.inboxLength - used);
            peer.inboxLength -= used;
        }
    }

    static void pump(End a, End b) throws ProtocolException {
        for (int i = 0; i < 20; i++) {
            a.deliverTo(b);
            b.deliverTo(a);
        }
    }

    @Test
    void nullHandshakeThenMessages() throws ProtocolException {
        End dealer = new End(new ZmtpConnection(new NullMechanism(
            new HandshakeConfig(SocketType.DEALER, "ID1".getBytes(StandardCharsets.US_ASCII), Metadata.EMPTY), false),
            -1, 4));
        End router = new End(new ZmtpConnection(new NullMechanism(HandshakeConfig.of(SocketType.ROUTER), false), -1, 1));
        pump(dealer, router);
        assertTrue(dealer.conn.isReady());
        assertTrue(router.conn.isReady());
        assertEquals(ZmtpVersion.V3_1, router.conn.peerVersion());
        assertEquals("DEALER", router.conn.peerMetadata().text("socket-type"));
        assertArrayEquals("ID1".getBytes(StandardCharsets.US_ASCII), router.conn.peerMetadata().value("Identity"));

        UnsafeBuffer out = new UnsafeBuffer(new byte[64]);
        int n = FrameEncoder.writeFrame(out, 0, 1, "a".getBytes(StandardCharsets.US_ASCII), 0, 1);
        n += FrameEncoder.writeFrame(out, n, 0, "bc".getBytes(StandardCharsets.US_ASCII), 0, 2);
        n += router.conn.writeSubscription(out, n, true, new UnsafeBuffer("t".getBytes(StandardCharsets.US_ASCII)), 0, 1);
        assertEquals(n, router.conn.receive(out, 0, n, router));
        assertEquals(List.of("a+", "bc", "SUB t"), router.frames);
    }

    @Test
    void plainHandshakeWithAuthentication() throws ProtocolException {
        End client = new End(new ZmtpConnection(new PlainClientMechanism(HandshakeConfig.of(SocketType.REQ),
            "admin".getBytes(StandardCharsets.US_ASCII), "secret".getBytes(StandardCharsets.US_ASCII)), -1, 1));
        End server = new End(new ZmtpConnection(new PlainServerMechanism(HandshakeConfig.of(SocketType.REP)), -1, 1));
        pump(client, server);
        assertNotNull(server.conn.authRequest());
        assertEquals("admin", new String(server.conn.authRequest().credentials().get(0), StandardCharsets.US_ASCII));
        server.conn.authenticated(AuthResult.accept("admin"));
        pump(client, server);
        assertTrue(client.conn.isReady());
        assertTrue(server.conn.isReady());
        assertNull(server.conn.authRequest());
        assertEquals("admin", server.conn.mechanism().userId());
    }

    @Test
    void plainRefusalCarriesErrorReply() throws ProtocolException {
        End client = new End(new ZmtpConnection(new PlainClientMechanism(HandshakeConfig.of(SocketType.REQ),
            new byte[0], new byte[0]), -1, 1));
        End server = new End(new ZmtpConnection(new PlainServerMechanism(HandshakeConfig.of(SocketType.REP)), -1, 1));
        pump(client, server);
        ProtocolException e = assertThrows(ProtocolException.class,
            () -> server.conn.authenticated(AuthResult.refuse("no")));
        assertEquals(ProtocolError.AUTHENTICATION_FAILED, e.error());
        assertEquals("400", e.errorReply());
    }

    @Test
    void incompatibleSocketTypesAreRefusedWithError() {
        End pub = new End(new ZmtpConnection(new NullMechanism(HandshakeConfig.of(SocketType.PUB), false), -1, 1));
        End push = new End(new ZmtpConnection(new NullMechanism(HandshakeConfig.of(SocketType.PUSH), false), -1, 1));
        ProtocolException e = assertThrows(ProtocolException.class, () -> pump(pub, push));
        assertEquals(ProtocolError.INCOMPATIBLE_SOCKET_TYPE, e.error());
        assertNotNull(e.errorReply());
    }
}
