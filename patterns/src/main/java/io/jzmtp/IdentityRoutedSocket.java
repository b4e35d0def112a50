package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.internal.IdentityTable;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.util.ArrayList;
import java.util.HexFormat;

/**
 * What ROUTER and STREAM share: the first frame of every received message names the peer it came from, and the first
 * frame of every sent message names the peer it goes to. With {@code mandatory}, an unknown or departed peer raises
 * {@link HostUnreachableException} and a full one is back-pressure; otherwise such messages are dropped. Owner thread
 * only.
 */
abstract class IdentityRoutedSocket extends DuplexSocket {
    final IdentityTable ids;
    private final boolean mandatory;

    IdentityRoutedSocket(Context context, SocketType type, SocketOptions options, boolean mandatory,
        boolean generateAll) {
        super(context, type, options, new Routing(false, true, false).probe(options.probeRouter()));
        this.ids = new IdentityTable(core, options.routerHandover(), generateAll);
        this.mandatory = mandatory;
        routing.extra = ids;
    }

    @Override
    void checkSend(Message message) {
        checkFrameCount(message.size());
    }

    /** A one-frame message has no routing id frame before its content: refused as send(Message) refuses it. */
    @Override
    void checkSendOne() {
        checkFrameCount(1);
    }

    private void checkFrameCount(int frames) {
        if (frames < 2) {
            throw new IllegalArgumentException("a " + type() + " message of " + frames
                + " frame(s): expected a routing id frame followed by at least one frame");
        }
    }

    /** Received messages start with a routing id frame the wire message does not carry. */
    @Override
    boolean framesViaMessage() {
        return true;
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
                    + HexFormat.of().formatHex(message.frame(0)));
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
        if (frames.isEmpty()) {
            frames.add(new byte[0]);
        }
        frames.add(0, id);
        return Message.wrap(frames);
    }

    @Override
    boolean pollOut() {
        return true;
    }
}
