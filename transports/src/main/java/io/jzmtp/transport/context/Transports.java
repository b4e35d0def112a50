package io.jzmtp.transport.context;

import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.inproc.InprocRegistry;
import io.jzmtp.transport.socket.EndpointHandle;
import io.jzmtp.transport.socket.SocketCore;
import io.jzmtp.transport.stream.StreamTransport;

/** Dispatches binds and connects to the transport an endpoint names. Thread-safe. */
public final class Transports {
    private final StreamTransport stream;
    private final InprocRegistry inproc = new InprocRegistry();

    Transports(ContextCore context) {
        this.stream = new StreamTransport(context);
    }

    /**
     * Binds a socket. Called on the socket's owner thread; blocks until bound.
     *
     * @param socket the socket
     * @param endpoint the endpoint
     * @return the handle of the bound endpoint
     * @throws IllegalArgumentException if the address cannot be bound (in use, not local, name taken)
     */
    public EndpointHandle bind(SocketCore socket, Endpoint endpoint) {
        return endpoint.transport() == Endpoint.Transport.INPROC
            ? inproc.bind(socket, endpoint) : stream.bind(socket, endpoint);
    }

    /**
     * Connects a socket. Called on the socket's owner thread; does not wait for the connection.
     *
     * @param socket the socket
     * @param endpoint the endpoint
     * @return the handle of the connected endpoint
     */
    public EndpointHandle connect(SocketCore socket, Endpoint endpoint) {
        return endpoint.transport() == Endpoint.Transport.INPROC
            ? inproc.connect(socket, endpoint) : stream.connect(socket, endpoint);
    }

    /** Removes what transports leave on the system (ipc socket files) once the I/O threads stopped. */
    void cleanUp() {
        stream.cleanUp();
    }
}
