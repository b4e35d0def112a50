package io.jzmtp.transport.inproc;

import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.socket.EndpointHandle;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketConfig;
import io.jzmtp.transport.socket.SocketCommand;
import io.jzmtp.transport.socket.SocketCore;
import io.jzmtp.transport.socket.SocketLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inproc names of one context. An inproc connection is two pipes straight between two sockets: no engine, no
 * encoding, no I/O thread. A socket may connect before the name is bound; the connection completes when it is
 * (libzmq's behaviour). Each pipe's HWM is the sender's send HWM plus the receiver's receive HWM.
 *
 * <p>Thread-safe: short critical sections under this object's lock, never held while waiting.
 */
public final class InprocRegistry {
    private final Map<String, Binding> bound = new HashMap<>();
    private final Map<String, List<Link>> pending = new HashMap<>();

    private static final class Binding {
        final SocketCore socket;
        final List<Link> links = new ArrayList<>();

        Binding(SocketCore socket) {
            this.socket = socket;
        }
    }

    /**
     * Stands for the binding socket of a connection made before the bind. Nothing can be posted to it before the
     * binder attaches: the binder's side of the pipes is neither armed as a reader nor blocked as a writer until it
     * uses them, which it does only after it attached.
     */
    private static final class DeferredLink implements SocketLink {
        private volatile SocketLink target;

        @Override
        public void post(SocketCommand command) {
            SocketLink t = target;
            if (t != null) {
                t.post(command);
            }
        }
    }

    /** One inproc connection: the peer each side sees. */
    private static final class Link {
        final SocketCore connector;
        SocketCore binder;
        Peer connectorSide;
        Peer binderSide;
        DeferredLink deferred;

        Link(SocketCore connector) {
            this.connector = connector;
        }
    }

    /**
     * Binds a name.
     *
     * @param socket the binding socket
     * @param endpoint the inproc endpoint
     * @return the handle
     * @throws IllegalArgumentException if the name is already bound in this context
     */
    public EndpointHandle bind(SocketCore socket, Endpoint endpoint) {
        String name = endpoint.path();
        List<Link> waiting;
        Binding b = new Binding(socket);
        synchronized (this) {
            if (bound.containsKey(name)) {
                throw new IllegalArgumentException("endpoint '" + endpoint + "': expected a name not already bound"
                    + " in this context (address in use)");
            }
            bound.put(name, b);
            waiting = pending.remove(name);
            if (waiting != null) {
                for (Link l : waiting) {
                    complete(b, l, endpoint.toString());
                }
            }
        }
        socket.emit(SocketEvent.of(SocketEvent.Kind.LISTENING, endpoint.toString(), "inproc"));
        return new Handle(endpoint.toString(), true) {
            @Override
            void closeLinks() {
                List<Link> links;
                synchronized (InprocRegistry.this) {
                    bound.remove(name, b);
                    links = new ArrayList<>(b.links);
                    b.links.clear();
                }
                for (Link l : links) {
                    Peer bp = l.binderSide;
                    socket.post(sock -> sock.removePeer(bp));
                }
                socket.emit(SocketEvent.of(SocketEvent.Kind.CLOSED, endpoint.toString(), "unbound"));
            }
        };
    }

    /**
     * Connects to a name, now if it is bound, otherwise when it is.
     *
     * @param socket the connecting socket
     * @param endpoint the inproc endpoint
     * @return the handle
     */
    public EndpointHandle connect(SocketCore socket, Endpoint endpoint) {
        String name = endpoint.path();
        Link link = new Link(socket);
        synchronized (this) {
            Binding b = bound.get(name);
            if (b != null) {
                complete(b, link, endpoint.toString());
            } else {
                prepare(link, endpoint.toString());
                pending.computeIfAbsent(name, k -> new ArrayList<>()).add(link);
            }
        }
        return new Handle(endpoint.toString(), false) {
            @Override
            void closeLinks() {
                Peer cp;
                synchronized (InprocRegistry.this) {
                    cp = link.connectorSide;
                    List<Link> waiting = pending.get(name);
                    if (waiting != null) {
                        waiting.remove(link);
                    }
                    Binding b = bound.get(name);
                    if (b != null) {
                        b.links.remove(link);
                    }
                }
                if (cp != null) {
                    socket.post(sock -> sock.removePeer(cp));
                }
            }
        };
    }

    /**
     * Connect before bind: the pipes exist at once, so the connector can queue messages as with libzmq. The binder's
     * HWMs are not known yet; the connector's stand in for them (each pipe's HWM stays the sum of two sides).
     */
    private static void prepare(Link l, String endpoint) {
        SocketConfig c = l.connector.config();
        DeferredLink deferred = new DeferredLink();
        Peer[] pair = Peer.inprocPair(l.connector, c.sendHwm(), c.receiveHwm(), deferred, c.sendHwm(),
            c.receiveHwm(), endpoint);
        pair[1].handshake(identity(c));
        l.connectorSide = pair[0];
        l.binderSide = pair[1];
        l.deferred = deferred;
        Peer cp = pair[0];
        l.connector.post(sock -> sock.onPeerAttached(cp));
    }

    /** Joins a link to a binding and tells both sockets. Called under the lock. */
    private static void complete(Binding b, Link l, String endpoint) {
        if (l.deferred != null) {
            l.deferred.target = b.socket;
            l.connectorSide.handshake(identity(b.socket.config()));
            l.binder = b.socket;
            b.links.add(l);
            Peer cp = l.connectorSide;
            Peer bp = l.binderSide;
            l.connector.post(sock -> sock.onPeerIdentified(cp));
            b.socket.post(sock -> sock.onPeerAttached(bp));
            l.connector.emit(SocketEvent.of(SocketEvent.Kind.CONNECTED, endpoint, "inproc"));
            b.socket.emit(SocketEvent.of(SocketEvent.Kind.ACCEPTED, endpoint, "inproc"));
            return;
        }
        SocketConfig c = l.connector.config();
        SocketConfig s = b.socket.config();
        Peer[] pair = Peer.inprocPair(l.connector, c.sendHwm(), c.receiveHwm(), b.socket, s.sendHwm(),
            s.receiveHwm(), endpoint);
        // Over inproc there is no handshake: each side learns the other's routing id from its options.
        pair[0].handshake(identity(s));
        pair[1].handshake(identity(c));
        l.binder = b.socket;
        l.connectorSide = pair[0];
        l.binderSide = pair[1];
        b.links.add(l);
        Peer cp = pair[0];
        Peer bp = pair[1];
        l.connector.post(sock -> sock.onPeerAttached(cp));
        b.socket.post(sock -> sock.onPeerAttached(bp));
        l.connector.emit(SocketEvent.of(SocketEvent.Kind.CONNECTED, endpoint, "inproc"));
        b.socket.emit(SocketEvent.of(SocketEvent.Kind.ACCEPTED, endpoint, "inproc"));
    }

    private static io.jzmtp.core.Metadata identity(SocketConfig config) {
        io.jzmtp.core.Metadata.Builder m = io.jzmtp.core.Metadata.builder()
            .put(io.jzmtp.core.Metadata.SOCKET_TYPE, config.type().wireName());
        if (config.routingId().length > 0) {
            m.put(io.jzmtp.core.Metadata.IDENTITY, config.routingId());
        }
        return m.build();
    }

    private abstract static class Handle implements EndpointHandle {
        private final String endpoint;
        private final boolean isBound;
        private boolean closed;

        Handle(String endpoint, boolean isBound) {
            this.endpoint = endpoint;
            this.isBound = isBound;
        }

        @Override
        public String endpoint() {
            return endpoint;
        }

        @Override
        public boolean isBound() {
            return isBound;
        }

        @Override
        public void close(long lingerNanos) {
            if (!closed) {
                closed = true;
                closeLinks();
            }
        }

        abstract void closeLinks();
    }
}
