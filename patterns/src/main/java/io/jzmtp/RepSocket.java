package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import org.agrona.ExpandableArrayBuffer;

/**
 * A REP socket (RFC 28): receives requests fairly queued, keeps each one's envelope (every frame up to and including
 * the empty delimiter), and sends the reply back to the same peer under that envelope. Receive and send alternate.
 * A request without a delimiter is malformed and dropped; a reply whose peer has gone is dropped.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class RepSocket extends EnvelopeSocket {
    /** The current request's envelope, frames back to back (reused: receiving and replying allocate nothing). */
    private final ExpandableArrayBuffer envelope = new ExpandableArrayBuffer(64);
    private int[] envelopeLengths = new int[4];
    /** Frames in the envelope (the delimiter included); -1 when no request awaits its reply. */
    private int envelopeFrames = -1;
    private Peer replyTo;

    RepSocket(Context context, SocketOptions options) {
        super(context, SocketType.REP, options, new Routing(false, true, false));
    }

    @Override
    void checkReceive() {
        if (envelopeFrames >= 0) {
            throw new IllegalStateException("REP socket: expected send() of the reply before the next receive()");
        }
    }

    @Override
    Message accept(Msg m, Peer from) {
        int body = deliverFrom(m, from);
        return body < 0 ? null : received(m, body);
    }

    /** Keeps the request's envelope (every frame up to the delimiter) and returns where its body starts. */
    @Override
    int deliverFrom(Msg m, Peer from) {
        int n = m.frameCount();
        int delimiter = -1;
        for (int i = 0; i < n; i++) {
            if (m.frameLength(i) == 0) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || delimiter == n - 1) {
            return -1;
        }
        if (envelopeLengths.length <= delimiter) {
            envelopeLengths = new int[delimiter + 1];
        }
        int at = 0;
        for (int i = 0; i <= delimiter; i++) {
            int len = m.frameLength(i);
            envelope.putBytes(at, m.frameBuffer(i), m.frameOffset(i), len);
            envelopeLengths[i] = len;
            at += len;
        }
        envelopeFrames = delimiter + 1;
        replyTo = from;
        return delimiter + 1;
    }

    @Override
    void checkSend(Message message) {
        if (envelopeFrames < 0) {
            throw new IllegalStateException("REP socket: expected receive() of a request before send()");
        }
        if (moreFrames()) {
            throw new IllegalStateException("REP socket: expected receiveBytes() of the rest of the request"
                + " (hasMore() is true) before send()");
        }
    }

    /** The kept request's envelope, the delimiter included. */
    @Override
    void addEnvelope(Msg m) {
        int at = 0;
        for (int i = 0; i < envelopeFrames; i++) {
            m.addFrame(envelope, at, envelopeLengths[i]);
            at += envelopeLengths[i];
        }
    }

    @Override
    int route(Msg m, Message message) {
        Peer p = replyTo;
        return p != null && p.out().offer(m) ? SENT : DROPPED;
    }

    @Override
    void sent(Message message) {
        envelopeFrames = -1;
        replyTo = null;
    }

    @Override
    boolean pollOut() {
        return envelopeFrames >= 0 && !moreFrames();
    }
}
