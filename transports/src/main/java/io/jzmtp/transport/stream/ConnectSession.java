package io.jzmtp.transport.stream;

import io.jzmtp.core.SocketType;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.engine.Engine;
import io.jzmtp.transport.engine.EngineConfig;
import io.jzmtp.transport.engine.EngineTermination;
import io.jzmtp.transport.engine.ReconnectBackoff;
import io.jzmtp.transport.io.IoHandler;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A connected endpoint: connects, reconnects after the interval plus jitter (growing up to the maximum) when the
 * connection fails or is lost, and stops for good after a protocol error (libzmq does the same).
 *
 * <p>Unless IMMEDIATE is set, the peer and its pipes exist from the start and survive reconnections, so messages
 * sent before the connection is up wait in the pipe (libzmq's behaviour). With IMMEDIATE, a peer exists only while a
 * connection is complete. Owned by one I/O thread.
 */
final class ConnectSession extends Session {
    private final Endpoint target;
    private final ReconnectBackoff backoff;
    private SocketChannel connecting;
    private SelectionKey connectKey;
    private long retryTimer;
    private final IoHandler connectHandler = new IoHandler() {
        @Override
        public void onReady(int readyOps) {
            finishConnect();
        }

        @Override
        public void onClosed(Throwable cause) {
            if (connecting != null && cause != null) {
                connecting = null;
                retry(cause.toString());
            }
        }
    };

    ConnectSession(IoThread io, ContextCore context, SocketCore socket, EngineConfig engineConfig, Endpoint target) {
        super(io, context, socket, engineConfig, target.toString());
        this.target = target;
        this.backoff = new ReconnectBackoff(config.reconnectIntervalNanos(), config.reconnectIntervalMaxNanos(),
            bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * Makes the peer that outlives reconnections (unless IMMEDIATE), before {@link #start()} is handed to the I/O
     * thread, so that the socket can queue messages as soon as {@code connect} returns. Socket owner thread.
     *
     * @return the peer for the caller to attach to the socket, or null with IMMEDIATE
     */
    Peer preparePeer() {
        if (perConnectionPeer()) {
            return null;
        }
        Peer p = newPeer();
        peer = p;
        return p;
    }

    /** Makes the first attempt. I/O thread only. The session is in the context's books already (see connect). */
    void start() {
        attempt();
    }

    private void attempt() {
        retryTimer = 0;
        if (closing && !lingerConnecting) {
            return;
        }
        SocketChannel ch = null;
        try {
            SocketAddress address = StreamAddresses.remote(target, config.ipv6());
            ch = StreamAddresses.openChannel(target, config.tcpKeepalive());
            ch.configureBlocking(false);
            if (ch.connect(address)) {
                connected(ch);
            } else {
                connecting = ch;
                connectKey = io.register(ch, SelectionKey.OP_CONNECT, connectHandler);
                socket.emit(SocketEvent.of(SocketEvent.Kind.CONNECT_DELAYED, endpoint, ""));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            retry(e.toString());
        }
    }

    private void finishConnect() {
        SocketChannel ch = connecting;
        try {
            if (!ch.finishConnect()) {
                return;
            }
            connecting = null;
            connected(ch);
        } catch (IOException e) {
            connecting = null;
            connectKey.cancel();
            closeQuietly(ch);
            retry(e.toString());
        }
    }

    private void connected(SocketChannel ch) throws IOException {
        if (target.transport() == Endpoint.Transport.TCP && ch.getLocalAddress() != null
            && ch.getLocalAddress().equals(ch.getRemoteAddress())) {
            // TCP simultaneous open on loopback: with nobody listening on a port in the ephemeral range, the kernel
            // can connect a socket to itself. That is no peer, and it holds the port the real peer wants to bind.
            closeQuietly(ch);
            retry("connected to itself (TCP self-connect on loopback)");
            return;
        }
        socket.emit(SocketEvent.of(SocketEvent.Kind.CONNECTED, endpoint, StreamAddresses.describe(ch.getRemoteAddress())));
        startEngine(ch, StreamAddresses.describe(ch.getRemoteAddress()));
    }

    private void retry(String why) {
        if (closing && !lingerConnecting) {
            return;
        }
        if (!backoff.enabled()) {
            finished();
            return;
        }
        long delay = backoff.nextDelayNanos();
        socket.emit(new SocketEvent(SocketEvent.Kind.CONNECT_RETRIED, endpoint, null, why, delay / 1_000_000L));
        retryTimer = io.scheduleTimer(io.clock().nanoTime() + delay, (id, now) -> attempt());
    }

    @Override
    Peer attachPeer(Engine e) {
        backoff.reset();
        Peer p = peer;
        if (p == null) {
            p = newPeer();
            peer = p;
            p.handshake(e.peerMetadata());
            Peer attached = p;
            socket.post(s -> s.onPeerAttached(attached));
        } else {
            // A subscriber's subscriptions queued for an earlier connection are marked so and dropped by the new
            // engine; the subscriber sends its full set again when it learns of this handshake (RFC 29).
            p.handshake(e.peerMetadata());
            Peer identified = p;
            socket.post(s -> s.onPeerIdentified(identified));
        }
        return p;
    }

    @Override
    public void onEngineClosed(Engine e, EngineTermination t) {
        engine = null;
        reportEnd(t);
        if (closing && lingerConnecting && t.kind() != EngineTermination.Kind.PROTOCOL_ERROR
            && t.kind() != EngineTermination.Kind.LOCAL_CLOSE && queuedForLater()) {
            retry(t.detail()); // closing, lingering, messages still queued: the linger timer bounds the retries
            return;
        }
        if (closing || t.kind() == EngineTermination.Kind.PROTOCOL_ERROR) {
            // RFC 23: an ERROR or a protocol violation is fatal; like libzmq, do not reconnect to this endpoint.
            finished();
            return;
        }
        if (perConnectionPeer()) {
            releasePeer();
        }
        retry(t.detail());
    }

    @Override
    boolean queuedForLater() {
        return !perConnectionPeer() && peer != null && peer.out().size() > 0;
    }

    /** IMMEDIATE, and STREAM (a raw connection is its own peer), attach a peer per completed connection. */
    private boolean perConnectionPeer() {
        return config.immediate() || config.type() == SocketType.STREAM;
    }

    @Override
    void stopConnecting() {
        if (retryTimer != 0) {
            io.cancelTimer(retryTimer);
            retryTimer = 0;
        }
        if (connecting != null) {
            SocketChannel ch = connecting;
            connecting = null;
            if (connectKey != null) {
                io.closeChannel(connectKey);
            } else {
                closeQuietly(ch);
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
