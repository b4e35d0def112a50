package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.internal.IdentityTable;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.util.ArrayList;

/**
 * A ROUTER socket (RFC 28): every received message is prefixed with a frame naming the peer it came from (its
 * routing id), and every sent message's first frame names the peer it goes to. A message to an unknown peer, or to a
 * peer at its HWM, is dropped silently, unless {@code routerMandatory} is set: then an unknown peer raises
 * {@link HostUnreachableException} and a full peer is back-pressure (send waits or returns false).
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class RouterSocket extends DuplexSocket {
    private final IdentityTable ids;
    private final boolean mandatory;

    RouterSocket(Context context, SocketOptions options) {
        super(context, SocketType.ROUTER, options, new Routing(false, true, false).probe(options.probeRouter()));
        this.ids = new IdentityTable(core, options.routerHandover());
        this.mandatory = options.routerMandatory();
        routing.extra = ids;
    }

    @Override
    void checkSend(Message message) {
        if (message.size() < 2) {
            throw new IllegalArgumentException("a ROUTER message of " + message.size()
                + " frame(s): expected a routing id frame followed by at least one frame");
        }
    }

    @Override
    void prepare(Msg m, Message message) {
        for (int i = 1; i < message.size(); i++) {
            m.addFrameOwned(message.frame(i));
        }
    }

    @Override
    int route(Msg m, Message message) {
        Peer peer = ids.lookup(message.frame(0));
        if (peer == null) {
            if (mandatory) {
                throw new HostUnreachableException("no peer has the routing id "
                    + java.util.HexFormat.of().formatHex(message.frame(0)));
            }
            return DROPPED;
        }
        if (peer.out().offer(m)) {
            return SENT;
        }
        if (peer.out().isClosed()) {
            core.removePeer(peer);
            if (mandatory) {
                throw new HostUnreachableException("the peer with that routing id has gone");
            }
            return DROPPED;
        }
        return mandatory ? BLOCKED : DROPPED;
    }

    @Override
    Message accept(Msg m, Peer from) {
        byte[] id = IdentityTable.idOf(from);
        if (id == null) {
            // A connecting peer's first messages may be read before the command saying it was identified, which its
            // I/O thread posted before writing them: run that command, then look again.
            core.processCommands();
            id = IdentityTable.idOf(from);
            if (id == null) {
                return null;
            }
        }
        ArrayList<byte[]> frames = frames(m, 0);
        frames.add(0, id);
        return Message.wrap(frames);
    }

    @Override
    boolean pollOut() {
        return true;
    }
}
