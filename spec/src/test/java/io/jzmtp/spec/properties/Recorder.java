package io.jzmtp.spec.properties;

import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpHandler;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Records what a connection hands its handler as short strings, and notes any traffic delivered before the
 * connection reports ready (RFC 23-NULL-6/37-NULL-7, 24-FLOW-6/7: no messages before the handshake is over).
 */
final class Recorder implements ZmtpHandler {
    final List<String> events = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    private final int pauseEvery;
    private ZmtpConnection conn;
    private int messages;
    boolean paused;

    /** @param pauseEvery ask to pause after every n-th message frame; 0 never */
    Recorder(int pauseEvery) {
        this.pauseEvery = pauseEvery;
    }

    /** @param c the connection whose readiness is checked on each call */
    void watch(ZmtpConnection c) {
        this.conn = c;
    }

    private void checkReady(String what) {
        if (conn != null && !conn.isReady()) {
            violations.add(what + " delivered before the handshake completed");
        }
    }

    private static String hex(DirectBuffer b, int off, int len) {
        byte[] x = new byte[len];
        b.getBytes(off, x);
        return Hex.all(x);
    }

    @Override
    public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
        checkReady("message frame");
        events.add("MSG" + (more ? "+ " : " ") + hex(buffer, offset, length));
        messages++;
        paused = pauseEvery > 0 && messages % pauseEvery == 0;
        return !paused;
    }

    @Override
    public void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length) {
        checkReady("PING");
        events.add("PING " + ttlDeciseconds + " " + hex(context, offset, length));
    }

    @Override
    public void onPong(DirectBuffer context, int offset, int length) {
        checkReady("PONG");
        events.add("PONG " + hex(context, offset, length));
    }

    @Override
    public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
        checkReady("SUBSCRIBE/CANCEL");
        events.add((subscribe ? "SUBSCRIBE " : "CANCEL ") + hex(topic, offset, length));
        return true;
    }
}
