package io.jzmtp.transport.stream;

import io.jzmtp.core.SocketType;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.context.IoResource;
import io.jzmtp.transport.engine.Engine;
import io.jzmtp.transport.engine.EngineConfig;
import io.jzmtp.transport.engine.EngineOwner;
import io.jzmtp.transport.engine.EngineTermination;
import io.jzmtp.transport.engine.RawEngine;
import io.jzmtp.transport.engine.ZmtpEngine;
import io.jzmtp.transport.io.IoCommand;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.pipe.PipeEvents;
import io.jzmtp.transport.pipe.SpscPipe;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketConfig;
import io.jzmtp.transport.socket.SocketCore;

/**
 * What accepted and connecting sessions share: the engine of the moment, the peer whose pipes it serves, the
 * engine side of those pipes (which forwards activations to the engine through the I/O thread's mailbox), lingering
 * at close, and monitor events. Owned by one I/O thread.
 */
abstract class Session implements EngineOwner, IoResource, PipeEvents {
    final IoThread io;
    final ContextCore context;
    final SocketCore socket;
    final SocketConfig config;
    final EngineConfig engineConfig;
    final String endpoint;
    Engine engine;
    Peer peer;
    boolean closing;
    /**
     * Closing, but messages are still queued toward a peer that is not connected (or not through its handshake)
     * yet: keep connecting until they are sent or the linger runs out, as libzmq does.
     */
    boolean lingerConnecting;
    private long lingerTimer;
    private final IoCommand outputReady = () -> {
        if (engine != null) {
            engine.outputReady();
        }
    };
    private final IoCommand inputReady = () -> {
        if (engine != null) {
            engine.inputReady();
        }
    };

    Session(IoThread io, ContextCore context, SocketCore socket, EngineConfig engineConfig, String endpoint) {
        this.io = io;
        this.context = context;
        this.socket = socket;
        this.config = socket.config();
        this.engineConfig = engineConfig;
        this.endpoint = endpoint;
    }

    @Override
    public IoThread ioThread() {
        return io;
    }

    @Override
    public void onReadActivated(SpscPipe<?> pipe) {
        // The socket wrote to its outbound pipe (socket thread): have the I/O thread write.
        io.execute(outputReady);
    }

    @Override
    public void onWriteActivated(SpscPipe<?> pipe) {
        // The socket made room in its inbound pipe (socket thread): have the I/O thread read on.
        io.execute(inputReady);
    }

    /** Makes a peer for this session's socket, with pipes whose engine side is this session. */
    Peer newPeer() {
        return Peer.forConnection(socket, config.receiveHwm(), config.sendHwm(), this, endpoint);
    }

    /** Closes the engine side of the peer's pipes: the socket reads what arrived, then sees the pipe drained. */
    void releasePeer() {
        Peer p = peer;
        if (p != null) {
            peer = null;
            p.in().closeWriter(null);
            p.out().closeReader(m -> p.outRecycler().recycle(m));
        }
    }

    void startEngine(java.nio.channels.SocketChannel channel, String peerAddress) throws java.io.IOException {
        if (config.type() == SocketType.STREAM) {
            RawEngine raw = new RawEngine(io, channel, this, peerAddress);
            engine = raw;
            raw.start();
            return;
        }
        ZmtpEngine zmtp = new ZmtpEngine(io, channel, engineConfig, this, peerAddress);
        engine = zmtp;
        zmtp.start();
        if (closing && !zmtp.isClosed()) {
            zmtp.closeWhenFlushed(); // connected while lingering: send what waited, then close
        }
    }

    /** Reports how an engine ended. */
    void reportEnd(EngineTermination t) {
        if (!t.handshakeComplete() && t.kind() != EngineTermination.Kind.LOCAL_CLOSE) {
            if (t.kind() == EngineTermination.Kind.PROTOCOL_ERROR || t.kind() == EngineTermination.Kind.HANDSHAKE_TIMEOUT) {
                socket.emit(new SocketEvent(SocketEvent.Kind.HANDSHAKE_FAILED, endpoint, t.error(), t.detail(), 0));
                return;
            }
        }
        socket.emit(new SocketEvent(SocketEvent.Kind.DISCONNECTED, endpoint, t.error(), t.detail(), 0));
    }

    @Override
    public Peer onHandshakeComplete(Engine e) {
        socket.emit(SocketEvent.of(SocketEvent.Kind.HANDSHAKE_SUCCEEDED, endpoint, e.peerAddress()));
        return attachPeer(e);
    }

    abstract Peer attachPeer(Engine e);

    @Override
    public void close(long lingerNanos) {
        if (closing) {
            return;
        }
        closing = true;
        boolean live = engine != null && !engine.isClosed();
        boolean queued = lingerNanos != 0 && queuedForLater();
        // Linger for a connection that can still send: a ready one, or any (even one being made) while messages
        // wait for it. An accepted connection still in its handshake has nothing of ours to send.
        if (lingerNanos == 0 || !(queued || (live && engine.isReady()))) {
            abandon();
            return;
        }
        // If the connection fails first, a connecting session with queued messages tries again within the linger.
        lingerConnecting = queued;
        if (lingerNanos > 0) {
            lingerTimer = io.scheduleTimer(io.clock().nanoTime() + lingerNanos, (id, now) -> abandon());
        }
        if (live) {
            engine.closeWhenFlushed(); // sends what is queued (after the handshake if need be), then closes
        }
    }

    /** Whether messages wait in the outbound pipe for a connection that outlives this one (a connecting peer). */
    boolean queuedForLater() {
        return false;
    }

    /** Stops at once: no more connecting, the engine closed, queued messages dropped. */
    private void abandon() {
        lingerTimer = 0;
        lingerConnecting = false;
        stopConnecting();
        if (engine != null && !engine.isClosed()) {
            engine.close(); // onEngineClosed finishes the session
            return;
        }
        finished();
    }

    /** Stops whatever the session does besides its engine (a connect attempt, a reconnect timer). */
    void stopConnecting() {
    }

    /** The session is over: release the pipes and leave the context's books. */
    void finished() {
        if (lingerTimer != 0) {
            io.cancelTimer(lingerTimer);
            lingerTimer = 0;
        }
        releasePeer();
        context.resources().remove(this);
    }
}
