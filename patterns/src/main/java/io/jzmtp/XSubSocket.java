package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import java.time.Duration;

/**
 * An XSUB socket (RFC 29): subscribes by sending one-frame messages {@code 0x01+topic} (subscribe) or
 * {@code 0x00+topic} (cancel), as an XPUB hands them out, and receives every message its publishers send (no local
 * filtering). Subscriptions are counted and re-sent after each reconnection, like a SUB's. Other messages sent are
 * passed to every publisher as they are.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class XSubSocket extends Subscriber implements Sender {
    XSubSocket(Context context, SocketOptions options) {
        super(context, SocketType.XSUB, options);
    }

    @Override
    public boolean send(Message message) {
        return sendNow(message);
    }

    @Override
    public boolean send(Message message, Duration timeout) {
        return sendNow(message);
    }

    @Override
    public boolean trySend(Message message) {
        return sendNow(message);
    }

    @Override
    public boolean send(byte[] frame) {
        return sendNow(frame);
    }

    @Override
    public boolean send(byte[] frame, Duration timeout) {
        return sendNow(frame);
    }

    @Override
    public boolean trySend(byte[] frame) {
        return sendNow(frame);
    }

    private boolean sendNow(Message message) {
        core.checkOpen();
        core.processCommands();
        if (message.size() == 1 && appliedAsSubscription(message.frame(0))) {
            return true;
        }
        for (io.jzmtp.transport.socket.Peer p : core.peers()) {
            Msg m = p.outRecycler().take();
            for (int f = 0, n = message.size(); f < n; f++) {
                m.addFrameOwned(message.frame(f));
            }
            offerOrDrop(p, m);
        }
        return true;
    }

    private boolean sendNow(byte[] frame) {
        java.util.Objects.requireNonNull(frame, "frame");
        core.checkOpen();
        core.processCommands();
        if (appliedAsSubscription(frame)) {
            return true;
        }
        for (io.jzmtp.transport.socket.Peer p : core.peers()) {
            Msg m = p.outRecycler().take();
            m.addFrameOwned(frame);
            offerOrDrop(p, m);
        }
        return true;
    }

    /** A one-frame message 0x01+topic or 0x00+topic changes a subscription: returns true if it was one. */
    private boolean appliedAsSubscription(byte[] first) {
        if (first.length >= 1 && (first[0] == 1 || first[0] == 0)) {
            change(first[0] == 1, java.util.Arrays.copyOfRange(first, 1, first.length));
            return true;
        }
        return false;
    }

    private static void offerOrDrop(io.jzmtp.transport.socket.Peer p, Msg m) {
        if (!p.out().offer(m)) {
            m.clear();
        }
    }

    @Override
    boolean pollOut() {
        return true;
    }
}
