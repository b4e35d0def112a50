package io.jzmtp.transport.stream;

import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.context.IoResource;
import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.engine.EngineConfig;
import io.jzmtp.transport.io.IoHandler;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.socket.SocketCore;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bound tcp or ipc endpoint: accepts connections and gives each to an {@link AcceptSession} on the context's next
 * I/O thread. Closing it closes the connections it accepted (as {@code zmq_unbind} does) and removes its ipc file.
 * Owned by one I/O thread; {@link #sessionEnded} may be called from others.
 */
final class StreamListener implements IoHandler, IoResource {
    private static final int ACCEPTS_PER_EVENT = 32;

    private final IoThread io;
    private final ContextCore context;
    private final SocketCore socket;
    private final Endpoint endpoint;
    private final ServerSocketChannel channel;
    private final String boundEndpoint;
    private final EngineConfig engineConfig;
    private final Set<AcceptSession> sessions = ConcurrentHashMap.newKeySet();
    private SelectionKey key;
    private boolean closed;

    private StreamListener(IoThread io, ContextCore context, SocketCore socket, Endpoint endpoint,
        ServerSocketChannel channel) throws IOException {
        this.io = io;
        this.context = context;
        this.socket = socket;
        this.endpoint = endpoint;
        this.channel = channel;
        this.boundEndpoint = StreamAddresses.boundEndpoint(endpoint, channel);
        this.engineConfig = socket.config().engineConfig();
    }

    /** Binds and starts accepting. I/O thread only. */
    static StreamListener open(IoThread io, ContextCore context, SocketCore socket, Endpoint requested)
        throws IOException {
        Endpoint e = StreamAddresses.concrete(requested);
        ServerSocketChannel ch = StreamAddresses.bind(e, socket.config().ipv6());
        StreamListener l;
        try {
            l = new StreamListener(io, context, socket, e, ch);
            l.key = io.register(ch, SelectionKey.OP_ACCEPT, l);
        } catch (IOException ex) {
            ch.close();
            throw ex;
        }
        context.resources().add(l);
        socket.emit(SocketEvent.of(SocketEvent.Kind.LISTENING, l.boundEndpoint, ""));
        return l;
    }

    String boundEndpoint() {
        return boundEndpoint;
    }

    @Override
    public IoThread ioThread() {
        return io;
    }

    @Override
    public void onReady(int readyOps) throws IOException {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel c;
            try {
                c = channel.accept();
            } catch (IOException e) {
                socket.emit(SocketEvent.of(SocketEvent.Kind.ACCEPT_FAILED, boundEndpoint, e.toString()));
                return;
            }
            if (c == null) {
                return;
            }
            String peerAddress;
            try {
                StreamAddresses.configureAccepted(c, endpoint, socket.config().tcpKeepalive());
                peerAddress = StreamAddresses.describe(c.getRemoteAddress());
            } catch (IOException e) {
                c.close();
                socket.emit(SocketEvent.of(SocketEvent.Kind.ACCEPT_FAILED, boundEndpoint, e.toString()));
                continue;
            }
            IoThread target = context.nextIoThread();
            AcceptSession s = new AcceptSession(target, context, socket, engineConfig, boundEndpoint, c,
                peerAddress, this);
            sessions.add(s);
            socket.emit(SocketEvent.of(SocketEvent.Kind.ACCEPTED, boundEndpoint, peerAddress));
            if (target == io) {
                s.start();
            } else if (!target.execute(s::start)) {
                c.close();
                sessions.remove(s);
            }
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        finish();
    }

    void sessionEnded(AcceptSession s) {
        sessions.remove(s);
    }

    @Override
    public void close(long lingerNanos) {
        if (closed) {
            return;
        }
        for (AcceptSession s : sessions) {
            s.ioThread().execute(() -> s.close(lingerNanos));
        }
        if (key != null) {
            io.closeChannel(key);
        }
        finish();
    }

    private void finish() {
        if (closed) {
            return;
        }
        closed = true;
        if (endpoint.transport() == Endpoint.Transport.IPC) {
            try {
                Files.deleteIfExists(Path.of(endpoint.path()));
            } catch (IOException ignored) {
                // nothing more can be done about a file we cannot delete
            }
        }
        socket.emit(SocketEvent.of(SocketEvent.Kind.CLOSED, boundEndpoint, ""));
        context.resources().remove(this);
    }
}
