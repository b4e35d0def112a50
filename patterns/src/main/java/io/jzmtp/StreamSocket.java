package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.internal.IdentityTable;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.util.ArrayList;

/**
 * A STREAM socket: talks raw TCP to peers that do not speak ZMTP (HTTP clients, telnet, custom protocols), with
 * ROUTER-style addressing. Every received message is two frames: the connection's routing id (generated, 5 octets)
 * and the bytes that arrived; a zero-length payload announces a new connection, and later its loss. To send, give the
 * routing id then the bytes; sending a zero-length payload closes that connection. Sending to an unknown id raises
 * {@link HostUnreachableException}; a full connection is back-pressure.
 *
 * <p>tcp and ipc only. Owner thread only; see {@link ZSocket}.
 */
public final class StreamSocket extends DuplexSocket {
    private final IdentityTable ids;

    StreamSocket(Context context, SocketOptions options) {
        super(context, SocketType.STREAM, options, new Routing(false, true, false));
        this.ids = new IdentityTable(core, false, true);
        routing.extra = ids;
    }

    @Override
    void checkEndpoint(String endpoint) {
        if (endpoint != null && endpoint.regionMatches(true, 0, "inproc://", 0, 9)) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "': expected tcp or ipc for a STREAM socket");
        }
    }

    @Override
    void checkSend(Message message) {
        if (message.size() < 2) {
            throw new IllegalArgumentException("a STREAM message of " + message.size()
                + " frame(s): expected a routing id frame followed by the bytes to send");
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
            throw new HostUnreachableException("no STREAM connection has the routing id "
                + java.util.HexFormat.of().formatHex(message.frame(0)));
        }
        if (peer.out().offer(m)) {
            return SENT;
        }
        if (peer.out().isClosed()) {
            core.removePeer(peer);
            return DROPPED;
        }
        return BLOCKED;
    }

    @Override
    Message accept(Msg m, Peer from) {
        byte[] id = IdentityTable.idOf(from);
        if (id == null) {
            return null;
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
