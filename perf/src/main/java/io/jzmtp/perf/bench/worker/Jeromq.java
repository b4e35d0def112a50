package io.jzmtp.perf.bench.worker;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** What the JeroMQ workers share: receiving blocking or by polling, sending, and the checks. */
final class Jeromq {
    /** ipc names tried before an address-in-use failure is reported (see {@link #bind}). */
    static final int IPC_BIND_ATTEMPTS = 20;

    private Jeromq() {
    }

    /**
     * Receives one message: {@code recv(0)}, or {@code recv(DONTWAIT)} in a loop while it returns null for EAGAIN.
     *
     * @param socket the socket
     * @param spin true to poll
     * @param size the expected size
     * @return the frame
     * @throws IllegalStateException if the receive fails or the message is not one frame of the size
     */
    static byte[] receive(ZMQ.Socket socket, boolean spin, int size) {
        byte[] b;
        if (spin) {
            while ((b = socket.recv(ZMQ.DONTWAIT)) == null) {
                int errno = socket.errno();
                if (errno != ZMQ.Error.EAGAIN.getCode()) {
                    throw new IllegalStateException("recv(DONTWAIT) failed: errno " + errno);
                }
                Thread.onSpinWait();
            }
        } else {
            b = socket.recv(0);
            if (b == null) {
                throw new IllegalStateException("recv(0) failed: errno " + socket.errno());
            }
        }
        if (b.length != size || socket.hasReceiveMore()) {
            throw new IllegalStateException("received a frame of " + b.length + " bytes"
                + (socket.hasReceiveMore() ? " with more to follow" : "") + ": expected 1 frame of " + size);
        }
        return b;
    }

    /**
     * Sends one frame, blocking.
     *
     * @param socket the socket
     * @param body the frame
     * @throws IllegalStateException if the send fails
     */
    static void send(ZMQ.Socket socket, byte[] body) {
        if (!socket.send(body, 0)) {
            throw new IllegalStateException("send(0) failed: errno " + socket.errno());
        }
    }

    /**
     * Creates a socket with the default high-water marks (1000) and no linger: a half closes its socket only once
     * the other has everything, and after a failure nothing queued matters.
     *
     * @param context the context
     * @param type the socket type
     * @return the socket, owned by the calling thread
     */
    static ZMQ.Socket socket(ZContext context, SocketType type) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        return s;
    }

    /**
     * Binds and reads back the bound endpoint. JeroMQ 0.6 carries ipc over loopback tcp, on a port made from the
     * path's hash (10000 to 65535), which any other socket of the host may hold, an outgoing connection's ephemeral
     * port included; so an ipc bind that finds its port in use is tried again under another name (the name is only
     * a rendezvous between this run's two halves).
     *
     * @param socket the socket
     * @param endpoint the endpoint to bind
     * @return the bound endpoint (wildcard port resolved; for ipc, possibly a name derived from the one given)
     */
    static String bind(ZMQ.Socket socket, String endpoint) {
        for (int attempt = 0; ; attempt++) {
            String tried = attempt == 0 ? endpoint : endpoint + "." + attempt;
            try {
                if (!socket.bind(tried)) {
                    throw new IllegalStateException("bind " + tried + " failed: errno " + socket.errno());
                }
                return socket.getLastEndpoint();
            } catch (ZMQException e) {
                boolean portTaken = e.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode();
                if (!tried.startsWith("ipc://") || !portTaken || attempt + 1 >= IPC_BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Connects.
     *
     * @param socket the socket
     * @param endpoint the bound endpoint
     */
    static void connect(ZMQ.Socket socket, String endpoint) {
        if (!socket.connect(endpoint)) {
            throw new IllegalStateException("connect " + endpoint + " failed: errno " + socket.errno());
        }
    }
}
