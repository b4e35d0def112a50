package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A REQ socket (RFC 28): strict request-reply. Each request goes to the next peer in turn, behind an empty delimiter
 * frame; then only that peer's reply is accepted (RFC 28: a REQ "SHALL accept a reply only from the peer it sent the
 * request to" and discard anything else). Send and receive alternate, unless {@code reqRelaxed}: then a new request
 * may go out at any time and the reply to an older one is dropped. With {@code reqCorrelate}, each request carries a
 * 4-octet request id before the delimiter, and only a reply echoing it is accepted.
 *
 * <p>Sending waits while no peer can take the request. Owner thread only; see {@link ZSocket}.
 */
public final class ReqSocket extends EnvelopeSocket {
    private static final byte[] DELIMITER = new byte[0];
    private final UnsafeBuffer idFrame = new UnsafeBuffer(new byte[4]);
    private final boolean relaxed;
    private final boolean correlate;
    private boolean awaitingReply;
    private Peer requestPeer;
    private int requestId = java.util.concurrent.ThreadLocalRandom.current().nextInt();

    ReqSocket(Context context, SocketOptions options) {
        super(context, SocketType.REQ, options, new Routing(true, true, false).probe(options.probeRouter()));
        this.relaxed = options.reqRelaxed();
        this.correlate = options.reqCorrelate();
    }

    /** Also refuses a new request while a reply is partly received frame by frame (relaxed: drops its rest). */
    @Override
    void checkSend(Message message) {
        if (awaitingReply && !relaxed) {
            throw new IllegalStateException("REQ socket: expected receive() of the reply before the next send()"
                + " (or set reqRelaxed)");
        }
        if (moreFrames()) {
            if (!relaxed) {
                throw new IllegalStateException("REQ socket: expected receiveBytes() of the rest of the reply"
                    + " (hasMore() is true) before the next send() (or set reqRelaxed)");
            }
            dropRestOfFrames();
        }
    }

    /** The frames before the request: the request id (reqCorrelate, big-endian) and the empty delimiter. */
    @Override
    void addEnvelope(Msg m) {
        if (correlate) {
            idFrame.putInt(0, requestId + 1, java.nio.ByteOrder.BIG_ENDIAN);
            m.addFrame(idFrame, 0, 4);
        }
        m.addFrameOwned(DELIMITER);
    }

    @Override
    int route(Msg m, Message message) {
        // RFC 28-REQ-8/9: whatever the peers sent before this request goes out cannot be its reply: drop it, so that
        // a message the next peer sent while another one was asked is not taken for that peer's reply.
        Msg stale;
        while ((stale = fetch()) != null) {
            fetchedFrom().inRecycler().recycle(stale);
        }
        int r = super.route(m, message);
        if (r == SENT) {
            requestPeer = routing.out.lastPeer();
        }
        return r;
    }

    @Override
    void sent(Message message) {
        requestId++;
        awaitingReply = true;
    }

    @Override
    void checkReceive() {
        if (!awaitingReply) {
            throw new IllegalStateException("REQ socket: expected send() of a request before receive()");
        }
    }

    @Override
    Message accept(Msg m, Peer from) {
        int body = deliverFrom(m, from);
        return body < 0 ? null : received(m, body);
    }

    /** Judges a reply: the body's first frame index if it answers the outstanding request, else -1 (dropped). */
    @Override
    int deliverFrom(Msg m, Peer from) {
        if (from != requestPeer) {
            return -1;
        }
        int first = 0;
        if (correlate) {
            if (m.frameCount() < 1 || m.frameLength(0) != 4 || readId(m) != requestId) {
                return -1;
            }
            first = 1;
        }
        if (m.frameCount() <= first + 1 || m.frameLength(first) != 0) {
            return -1;
        }
        awaitingReply = false;
        requestPeer = null;
        return first + 1;
    }

    private static int readId(Msg m) {
        return m.frameBuffer(0).getInt(m.frameOffset(0), ByteOrder.BIG_ENDIAN);
    }


    @Override
    boolean pollOut() {
        return (relaxed || !awaitingReply && !moreFrames()) && routing.out.canSend();
    }
}
