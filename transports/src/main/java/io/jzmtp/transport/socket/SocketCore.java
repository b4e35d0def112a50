package io.jzmtp.transport.socket;

import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.core.ContextClosedException;
import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.endpoint.Endpoint;
import io.jzmtp.transport.io.AwaitResult;
import io.jzmtp.transport.io.IoIdleStrategy;
import io.jzmtp.transport.io.MpscSocketMailbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The part of every socket that is not routing: its mailbox, its attached peers, its endpoints, its monitor, and
 * closing. A socket type composes one of these with a {@link PeerRouter}.
 *
 * <p>Owned by one application thread at a time: every method but {@link #post} and {@link #emit} must be called by
 * the owner. Other threads reach the socket only through {@link #post}. Waiting parks the owner (no
 * {@code synchronized}), so virtual threads do not pin.
 */
public final class SocketCore implements SocketLink {
    private final ContextCore context;
    private final SocketConfig config;
    private final PeerRouter router;
    private final MpscSocketMailbox<SocketCommand> mailbox;
    private final List<Peer> peers = new ArrayList<>();
    private final Map<String, EndpointHandle> endpoints = new LinkedHashMap<>();
    private final AtomicReference<MpscSocketMailbox<SocketEvent>> monitor = new AtomicReference<>();
    private boolean closed;

    /**
     * Creates the core and registers it with the context.
     *
     * @param context the context
     * @param config the socket's settings
     * @param router the socket type's routing
     * @throws ContextClosedException if the context is closed
     */
    public SocketCore(ContextCore context, SocketConfig config, PeerRouter router) {
        this.context = Objects.requireNonNull(context, "context");
        this.config = Objects.requireNonNull(config, "config");
        this.router = Objects.requireNonNull(router, "router");
        this.mailbox = new MpscSocketMailbox<>(context.clock(), context.idleStrategy());
        context.register(this);
    }

    /** @return the settings. */
    public SocketConfig config() {
        return config;
    }

    /** @return the context. */
    public ContextCore context() {
        return context;
    }

    /** @return the attached peers, in attachment order (owner thread; the list is live). */
    public List<Peer> peers() {
        return peers;
    }

    @Override
    public void post(SocketCommand command) {
        mailbox.offer(command);
    }

    /**
     * Runs every queued command. Owner thread; does not block.
     *
     * @return the number of commands run
     */
    public int processCommands() {
        int n = 0;
        SocketCommand c;
        while ((c = mailbox.poll()) != null) {
            c.execute(this);
            n++;
        }
        return n;
    }

    /**
     * Waits until a command arrives, the deadline passes, or the thread is interrupted; then runs what arrived.
     * Owner thread; blocks (parks, or spins in a busy-spinning context).
     *
     * @param deadlineNanos the deadline on the context's clock; {@link Long#MAX_VALUE} for none
     * @return how the wait ended
     * @throws ContextClosedException if the context is closed
     */
    public AwaitResult await(long deadlineNanos) {
        checkOpen();
        AwaitResult r = deadlineNanos == Long.MAX_VALUE ? mailbox.await() : mailbox.await(deadlineNanos);
        processCommands();
        checkOpen();
        return r;
    }

    /**
     * @throws ContextClosedException if the context is closed
     * @throws IllegalStateException if the socket is closed
     */
    public void checkOpen() {
        if (context.isClosed()) {
            throw new ContextClosedException();
        }
        if (closed) {
            throw new IllegalStateException("the socket is closed");
        }
    }

    /**
     * Poller support: see {@link MpscSocketMailbox#prepareToPark()}. Owner thread.
     *
     * @return true if the caller may park
     */
    public boolean prepareToPark() {
        return mailbox.prepareToPark();
    }

    /**
     * Poller support: whether this socket's waits spin (a busy-spinning context) rather than park. Any thread.
     *
     * @return true in a busy-spinning context
     */
    public boolean waitsBySpinning() {
        return context.idleStrategy() == IoIdleStrategy.BUSY_SPIN;
    }

    /** Poller support: see {@link MpscSocketMailbox#unparked()}. Owner thread. */
    public void unparked() {
        mailbox.unparked();
    }

    /**
     * Binds to an endpoint. Owner thread; blocks until the I/O thread has bound (tcp, ipc) or the name is
     * registered (inproc).
     *
     * @param endpoint such as {@code tcp://*:5555} or {@code tcp://127.0.0.1:*}
     * @return the bound endpoint, with the actual port for wildcard ports
     * @throws IllegalArgumentException if the endpoint does not parse, or the address is in use
     */
    public String bind(String endpoint) {
        checkOpen();
        Endpoint e = Endpoint.parse(endpoint);
        EndpointHandle h = context.transports().bind(this, e);
        endpoints.put(h.endpoint(), h);
        return h.endpoint();
    }

    /**
     * Connects to an endpoint. Owner thread; does not wait for the connection.
     *
     * @param endpoint such as {@code tcp://127.0.0.1:5555}
     * @throws IllegalArgumentException if the endpoint does not parse, or names a wildcard (bind only)
     */
    public void connect(String endpoint) {
        checkOpen();
        Endpoint e = Endpoint.parse(endpoint);
        if (e.isWildcardHost() || e.transport() == Endpoint.Transport.TCP && e.port() == 0
            || e.transport() == Endpoint.Transport.IPC && e.path().equals("*")) {
            // Otherwise the connector would retry an address that can never answer, forever and silently.
            throw new IllegalArgumentException("endpoint '" + endpoint + "': expected a concrete address to connect"
                + " to (the host *, the port * or 0 and ipc://* are for bind only)");
        }
        EndpointHandle h = context.transports().connect(this, e);
        endpoints.put(h.endpoint(), h);
    }

    /**
     * Stops listening on a bound endpoint and closes the connections accepted through it. Owner thread.
     *
     * @param endpoint as returned by {@link #bind}
     * @throws IllegalArgumentException if the socket is not bound there
     */
    public void unbind(String endpoint) {
        closeEndpoint(endpoint, true);
    }

    /**
     * Stops connecting to an endpoint and closes the connection to it. Owner thread.
     *
     * @param endpoint as given to {@link #connect}
     * @throws IllegalArgumentException if the socket is not connected there
     */
    public void disconnect(String endpoint) {
        closeEndpoint(endpoint, false);
    }

    private void closeEndpoint(String endpoint, boolean bound) {
        checkOpen();
        EndpointHandle h = endpoints.get(endpoint);
        if (h == null || h.isBound() != bound) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "': expected an endpoint this socket is "
                + (bound ? "bound to" : "connected to") + ", one of " + endpoints.keySet());
        }
        endpoints.remove(endpoint);
        if (bound) {
            h.closeAndWait(config.lingerNanos());
        } else {
            h.close(config.lingerNanos());
            // The peers that came through this endpoint leave now, whatever the transport: what they sent and was not
            // read is discarded (RFC 30: the queue of a disconnected peer is destroyed); what we queued to them is
            // still sent within the linger.
            for (Peer p : new ArrayList<>(peers)) {
                if (p.endpoint().equals(h.endpoint())) {
                    removePeer(p);
                }
            }
        }
        // An inproc endpoint detaches its peers by posting to this socket's own mailbox: run that now, so that the
        // other socket sees the pipes closed at once rather than whenever this socket is next used.
        processCommands();
    }

    /**
     * Starts or returns the monitor: a queue of events that any one thread may consume. Owner thread.
     *
     * @return the monitor's mailbox
     */
    public MpscSocketMailbox<SocketEvent> monitor() {
        MpscSocketMailbox<SocketEvent> m = monitor.get();
        if (m == null) {
            m = new MpscSocketMailbox<>(context.clock());
            monitor.set(m);
        }
        return m;
    }

    /**
     * Ends the monitor: MONITOR_STOPPED is its last event, queued exactly once (the socket closing and its context
     * closing may race to stop it), and later events are not queued. An event emitted concurrently may still land
     * after MONITOR_STOPPED; the consumer drops those. Any thread.
     *
     * @param why the event's detail
     */
    public void stopMonitor(String why) {
        MpscSocketMailbox<SocketEvent> m = monitor.getAndSet(null);
        if (m != null) {
            m.offer(SocketEvent.of(SocketEvent.Kind.MONITOR_STOPPED, "", why));
        }
    }

    /**
     * Reports an event to the monitor, if there is one. Any thread; allocates nothing beyond the event.
     *
     * @param event the event
     */
    public void emit(SocketEvent event) {
        MpscSocketMailbox<SocketEvent> m = monitor.get();
        if (m != null) {
            m.offer(event);
        }
    }

    /**
     * Called through the mailbox when a peer is ready to use.
     *
     * @param peer the peer
     */
    public void onPeerAttached(Peer peer) {
        if (closed || peers.contains(peer)) {
            if (closed) {
                detachPipes(peer);
            }
            return;
        }
        peers.add(peer);
        router.peerAttached(peer);
    }

    /**
     * Forgets a peer: the router is told, and the socket's ends of both pipes are closed (unread inbound messages are
     * discarded; the peer's side sees the pipes closed). Called by the router when it finds a peer's pipes closed by
     * the other side (inbound drained, or outbound closed), and by endpoints being closed. Owner thread; idempotent.
     *
     * @param peer the peer
     */
    public void removePeer(Peer peer) {
        if (peers.remove(peer)) {
            router.peerDetached(peer);
        }
        detachPipes(peer);
    }

    /**
     * Called through the mailbox when an attached peer completed its handshake.
     *
     * @param peer the peer
     */
    public void onPeerIdentified(Peer peer) {
        if (peers.contains(peer)) {
            router.peerIdentified(peer);
        }
    }

    /**
     * Called through the mailbox when a peer's inbound pipe has messages again.
     *
     * @param peer the peer
     */
    public void onPeerReadable(Peer peer) {
        if (peers.contains(peer)) {
            router.peerReadable(peer);
        }
    }

    /**
     * Called through the mailbox when a peer's outbound pipe has room again.
     *
     * @param peer the peer
     */
    public void onPeerWritable(Peer peer) {
        if (peers.contains(peer)) {
            router.peerWritable(peer);
        }
    }

    private static void detachPipes(Peer peer) {
        // The reader end is ours: what the peer sent and we did not read is discarded. The writer end is ours: the
        // engine sends what is queued (within the linger) and then sees the pipe closed.
        peer.in().closeReader(m -> peer.inRecycler().recycle(m));
        peer.out().closeWriter(m -> { });
    }

    /** @return true once {@link #close()} ran. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the socket. Never blocks: endpoints close on their I/O threads, which keep connections open for at
     * most the linger time to send what is queued. Owner thread; idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        processCommands();
        for (EndpointHandle h : endpoints.values()) {
            h.close(config.lingerNanos());
        }
        endpoints.clear();
        for (Peer p : new ArrayList<>(peers)) {
            router.peerDetached(p);
            detachPipes(p);
        }
        peers.clear();
        context.unregister(this);
        // The endpoints close on their I/O threads after this returns; the monitor ends here all the same, so that
        // MONITOR_STOPPED is its last event (as its contract says).
        stopMonitor("the socket closed");
    }

    /** Wakes the owner if it waits, so that it sees the context closing. Any thread. */
    public void wake() {
        mailbox.offer(s -> { });
    }
}
