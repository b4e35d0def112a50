package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * A REP socket (RFC 28): receives requests fairly queued, keeps each one's envelope (every frame up to and including
 * the empty delimiter), and sends the reply back to the same peer under that envelope. Receive and send alternate.
 * A request without a delimiter is malformed and dropped; a reply whose peer has gone is dropped.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class RepSocket extends DuplexSocket {
    private List<byte[]> envelope;
    private Peer replyTo;

    RepSocket(Context context, SocketOptions options) {
        super(context, SocketType.REP, options, new Routing(false, true, false));
    }

    @Override
    void checkReceive() {
        if (envelope != null) {
            throw new IllegalStateException("REP socket: expected send() of the reply before the next receive()");
        }
    }

    @Override
    Message accept(Msg m, Peer from) {
        int n = m.frameCount();
        int delimiter = -1;
        for (int i = 0; i < n; i++) {
            if (m.frameLength(i) == 0) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || delimiter == n - 1) {
            return null;
        }
        ArrayList<byte[]> env = new ArrayList<>(delimiter + 1);
        for (int i = 0; i <= delimiter; i++) {
            env.add(m.frameBytes(i));
        }
        envelope = env;
        replyTo = from;
        return Message.wrap(frames(m, delimiter + 1));
    }

    @Override
    void checkSend(Message message) {
        if (envelope == null) {
            throw new IllegalStateException("REP socket: expected receive() of a request before send()");
        }
    }

    @Override
    void prepare(Msg m, Message message) {
        for (byte[] f : envelope) {
            m.addFrameOwned(f);
        }
        super.prepare(m, message);
    }

    @Override
    int route(Msg m, Message message) {
        Peer p = replyTo;
        return p != null && p.out().offer(m) ? SENT : DROPPED;
    }

    @Override
    void sent(Message message) {
        envelope = null;
        replyTo = null;
    }

    @Override
    boolean pollOut() {
        return envelope != null;
    }
}
