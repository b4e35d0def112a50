package io.jzmtp.perf;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpHandler;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The README's main job until the benchmark runner lands: two in-memory ZMTP connections run a NULL and a PLAIN
 * handshake and exchange a message, and every byte that would cross the wire is printed.
 */
public final class WireDemo {
    private static final PrintStream OUT = System.out;

    private WireDemo() {
    }

    /**
     * Runs the demonstration.
     *
     * @param args ignored
     * @throws ProtocolException never, unless the codec is broken
     */
    public static void main(String[] args) throws ProtocolException {
        OUT.println("== NULL: DEALER (routing id \"ID1\") connects to ROUTER");
        ZmtpConnection dealer = new ZmtpConnection(new NullMechanism(new HandshakeConfig(SocketType.DEALER,
            "ID1".getBytes(StandardCharsets.US_ASCII), Metadata.EMPTY), false), -1, 4);
        ZmtpConnection router = new ZmtpConnection(
            new NullMechanism(HandshakeConfig.of(SocketType.ROUTER), false), -1, 1);
        exchange("DEALER", dealer, "ROUTER", router, null);
        OUT.println("ROUTER sees peer " + router.peerMetadata() + ", ZMTP " + router.peerVersion());

        UnsafeBuffer wire = new UnsafeBuffer(new byte[64]);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        int n = FrameEncoder.writeFrame(wire, 0, FrameFlags.MORE, new byte[0], 0, 0);
        n += FrameEncoder.writeFrame(wire, n, 0, hello, 0, hello.length);
        dump("DEALER -> ROUTER message [\"\", \"hello\"]", wire, n);
        router.receive(wire, 0, n, printer("ROUTER"));

        OUT.println();
        OUT.println("== PLAIN: REQ client (admin/secret) connects to REP server");
        ZmtpConnection client = new ZmtpConnection(new PlainClientMechanism(HandshakeConfig.of(SocketType.REQ),
            "admin".getBytes(StandardCharsets.US_ASCII), "secret".getBytes(StandardCharsets.US_ASCII)), -1, 1);
        ZmtpConnection server = new ZmtpConnection(
            new PlainServerMechanism(HandshakeConfig.of(SocketType.REP)), -1, 1);
        exchange("REQ", client, "REP", server, AuthResult.accept("admin"));
        OUT.println("REP authenticated user " + server.mechanism().userId() + "; both ready: "
            + (client.isReady() && server.isReady()));
    }

    private static void exchange(String aName, ZmtpConnection a, String bName, ZmtpConnection b, AuthResult auth)
        throws ProtocolException {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer();
        for (int round = 0; round < 10 && !(a.isReady() && b.isReady()); round++) {
            move(aName + " -> " + bName, a, b, buf, printer(bName));
            move(bName + " -> " + aName, b, a, buf, printer(aName));
            if (b.authRequest() != null && auth != null) {
                OUT.println("  (" + bName + " asks authentication about " + b.authRequest().mechanism()
                    + " credentials, and is answered " + auth.statusCode() + ")");
                b.authenticated(auth);
            }
        }
    }

    private static void move(String label, ZmtpConnection from, ZmtpConnection to, ExpandableArrayBuffer buf,
        ZmtpHandler handler) throws ProtocolException {
        int n = from.outputAvailable();
        if (n == 0) {
            return;
        }
        buf.checkLimit(n);
        from.takeOutput(buf, 0, n);
        dump(label, buf, n);
        to.receive(buf, 0, n, handler);
    }

    private static void dump(String label, DirectBuffer b, int length) {
        OUT.println(label + " (" + length + " bytes)");
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int v = b.getByte(i) & 0xFF;
            hex.append(String.format("%02x ", v));
            text.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
            if (i % 16 == 15 || i == length - 1) {
                OUT.printf("  %-48s %s%n", hex, text);
                hex.setLength(0);
                text.setLength(0);
            }
        }
    }

    private static ZmtpHandler printer(String who) {
        return new ZmtpHandler() {
            @Override
            public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
                OUT.println("  " + who + " received frame \"" + buffer.getStringWithoutLengthAscii(offset, length)
                    + "\"" + (more ? " (more)" : ""));
                return true;
            }

            @Override
            public void onPing(int ttl, DirectBuffer context, int offset, int length) {
                OUT.println("  " + who + " received PING ttl=" + ttl);
            }

            @Override
            public void onPong(DirectBuffer context, int offset, int length) {
                OUT.println("  " + who + " received PONG");
            }

            @Override
            public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
                OUT.println("  " + who + " received " + (subscribe ? "SUBSCRIBE" : "CANCEL"));
                return true;
            }
        };
    }
}
