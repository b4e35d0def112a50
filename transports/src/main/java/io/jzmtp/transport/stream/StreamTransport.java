package io.jzmtp.transport.stream;

import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.EndpointHandle;
import io.jzmtp.transport.socket.SocketCore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * tcp and ipc: both are byte streams over NIO channels, served by engines on I/O threads. Application threads only
 * post commands here; every channel is opened, registered and closed by an I/O thread. Thread-safe.
 */
public final class StreamTransport {
    private final ContextCore context;

    /** @param context the context whose I/O threads serve the streams */
    public StreamTransport(ContextCore context) {
        this.context = context;
    }

    /**
     * Binds on an I/O thread and waits for the outcome (uninterruptibly: binding takes no time to speak of; an
     * interrupt stays set for the caller).
     *
     * @param socket the socket
     * @param endpoint a tcp or ipc endpoint
     * @return the handle, naming the bound endpoint
     * @throws IllegalArgumentException if the endpoint cannot be bound
     */
    public EndpointHandle bind(SocketCore socket, Endpoint endpoint) {
        IoThread io = context.nextIoThread();
        CompletableFuture<StreamListener> result = new CompletableFuture<>();
        if (!io.execute(() -> {
            try {
                result.complete(StreamListener.open(io, context, socket, endpoint));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        })) {
            throw new io.jzmtp.core.ContextClosedException();
        }
        StreamListener l;
        try {
            l = result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            socket.emit(SocketEvent.of(SocketEvent.Kind.BIND_FAILED, endpoint.toString(), String.valueOf(cause)));
            throw new IllegalArgumentException("endpoint '" + endpoint + "': expected an address this host can bind ("
                + cause + ")", cause);
        }
        return new Handle(l.boundEndpoint(), true, io, l::close);
    }

    /**
     * Starts connecting on an I/O thread; does not wait. Called on the socket's owner thread.
     *
     * @param socket the socket
     * @param endpoint a tcp or ipc endpoint
     * @return the handle
     */
    public EndpointHandle connect(SocketCore socket, Endpoint endpoint) {
        IoThread io = context.nextIoThread();
        ConnectSession s = new ConnectSession(io, context, socket, socket.config().engineConfig(), endpoint);
        // The peer exists before connect returns (libzmq's behaviour without IMMEDIATE): a send right after connect
        // queues instead of finding no peer. Handing the session to the I/O thread publishes the peer field to it.
        Peer early = s.preparePeer();
        // In the books before the I/O thread even starts it: a context closed right after connect (and a send)
        // must wait for this session's linger, not miss it because its first command had not run yet.
        context.resources().add(s);
        if (!io.execute(s::start)) {
            context.resources().remove(s);
            throw new io.jzmtp.core.ContextClosedException();
        }
        if (early != null) {
            socket.post(c -> c.onPeerAttached(early));
        }
        return new Handle(endpoint.toString(), false, io, s::close);
    }

    /** Nothing to remove: listeners delete their ipc files when they close. */
    public void cleanUp() {
    }

    private static final class Handle implements EndpointHandle {
        private final String endpoint;
        private final boolean bound;
        private final IoThread io;
        private final java.util.function.LongConsumer closer;

        Handle(String endpoint, boolean bound, IoThread io, java.util.function.LongConsumer closer) {
            this.endpoint = endpoint;
            this.bound = bound;
            this.io = io;
            this.closer = closer;
        }

        @Override
        public String endpoint() {
            return endpoint;
        }

        @Override
        public boolean isBound() {
            return bound;
        }

        @Override
        public void close(long lingerNanos) {
            io.execute(() -> closer.accept(lingerNanos));
        }

        @Override
        public void closeAndWait(long lingerNanos) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (io.execute(() -> {
                try {
                    closer.accept(lingerNanos);
                } finally {
                    done.complete(null);
                }
            })) {
                done.join();
            }
        }
    }
}
