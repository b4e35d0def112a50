package io.jzmtp.transport.stream;

import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.engine.Engine;
import io.jzmtp.transport.engine.EngineConfig;
import io.jzmtp.transport.engine.EngineTermination;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One accepted connection. Its peer is attached to the socket only once the handshake succeeded (so an
 * unauthenticated peer never reaches the socket), and dies with the connection: queued outbound messages are
 * discarded, inbound ones already received stay readable. Owned by one I/O thread.
 */
final class AcceptSession extends Session {
    private final SocketChannel channel;
    private final String peerAddress;
    private final StreamListener listener;

    AcceptSession(IoThread io, ContextCore context, SocketCore socket, EngineConfig engineConfig, String endpoint,
        SocketChannel channel, String peerAddress, StreamListener listener) {
        super(io, context, socket, engineConfig, endpoint);
        this.channel = channel;
        this.peerAddress = peerAddress;
        this.listener = listener;
    }

    /** Starts the engine. I/O thread only. */
    void start() {
        context.resources().add(this);
        try {
            startEngine(channel, peerAddress);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            finished();
        }
    }

    @Override
    Peer attachPeer(Engine e) {
        Peer p = newPeer();
        p.handshake(e.peerMetadata());
        peer = p;
        socket.post(s -> s.onPeerAttached(p));
        return p;
    }

    @Override
    public void onEngineClosed(Engine e, EngineTermination t) {
        engine = null;
        reportEnd(t);
        finished();
    }

    @Override
    void finished() {
        super.finished();
        listener.sessionEnded(this);
    }
}
