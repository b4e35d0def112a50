package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.io.AwaitResult;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import io.jzmtp.transport.socket.SocketCore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What every socket can do: bind, connect, unbind, disconnect, monitor, close.
 *
 * <p>A socket has one owner thread at a time: call it from one thread, or hand it over with a happens-before edge.
 * Sockets never touch channels: the context's I/O threads do, so interrupting a thread blocked in a socket call never
 * breaks the socket. {@link #close()} never blocks.
 */
public abstract class ZSocket implements AutoCloseable {
    /**
     * The garbage-free frame path shares methods whose signatures name {@link Message} (null there) but never makes
     * one. Resolving the class literal loads it with the socket, so the JIT compiling that path mid-traffic does not
     * load it then (a class load allocates about 14 KB, which showed in the allocation measured per message).
     */
    private static final Class<Message> MESSAGE_LOADED_EARLY = Message.class;

    final SocketCore core;
    final Routing routing;
    private final SocketType type;
    private final NanoClock clock;
    private Monitor monitor;
    private Msg spare;
    private final boolean conflate;
    private final long sendTimeoutNanos;
    private final long receiveTimeoutNanos;

    /** @return the send timeout from the options, in ns; -1 without one */
    final long defaultSendTimeoutNanos() {
        return sendTimeoutNanos;
    }

    /** @return the receive timeout from the options, in ns; -1 without one */
    final long defaultReceiveTimeoutNanos() {
        return receiveTimeoutNanos;
    }
    /** A message taken ahead by {@link #pollIn()}, delivered by the next receive. */
    private Message peeked;
    /** The message being built frame by frame on the garbage-free path. */
    private Msg building;
    /** The message being received frame by frame through {@link Receiver#receiveBytes()}. */
    private final FrameCursor cursor = new FrameCursor();
    private final UnsafeBuffer frameView = new UnsafeBuffer(new byte[0]);

    ZSocket(Context context, SocketType type, SocketOptions options, Routing routing) {
        Objects.requireNonNull(options, "options");
        this.conflate = options.conflate();
        if (conflate) {
            routing.onWritable = this::flushLatest;
        }
        this.sendTimeoutNanos = options.sendTimeout() == null ? -1 : nanos(options.sendTimeout());
        this.receiveTimeoutNanos = options.receiveTimeout() == null ? -1 : nanos(options.receiveTimeout());
        this.type = type;
        this.routing = routing;
        this.core = new SocketCore(context.core(), options.toConfig(type), routing);
        routing.init(core);
        this.clock = context.core().clock();
    }

    /** @return the socket's type */
    public final SocketType type() {
        return type;
    }

    /**
     * Listens on an endpoint: {@code tcp://host:port} (host may be {@code *}, port may be {@code *} or 0 for an
     * ephemeral port), {@code ipc:///path}, or {@code inproc://name}. Blocks until bound. Owner thread.
     *
     * @param endpoint the endpoint
     * @return the bound endpoint, with the actual port for a wildcard port
     * @throws IllegalArgumentException if the endpoint is malformed or cannot be bound (naming it)
     */
    public final String bind(String endpoint) {
        checkEndpoint(endpoint);
        return core.bind(endpoint);
    }

    /**
     * Refuses endpoints this socket type cannot use (STREAM: raw TCP has no meaning over inproc).
     *
     * @param endpoint the endpoint
     */
    void checkEndpoint(String endpoint) {
    }

    /**
     * Connects to an endpoint; the connection is made (and remade after losses) in the background. Does not block.
     * Owner thread.
     *
     * @param endpoint the endpoint
     * @throws IllegalArgumentException if the endpoint is malformed
     */
    public final void connect(String endpoint) {
        checkEndpoint(endpoint);
        core.connect(endpoint);
    }

    /**
     * Stops listening on an endpoint returned by {@link #bind} and closes the connections accepted through it.
     *
     * @param endpoint the bound endpoint
     */
    public final void unbind(String endpoint) {
        core.unbind(endpoint);
    }

    /**
     * Stops connecting to an endpoint given to {@link #connect}.
     *
     * @param endpoint the endpoint
     */
    public final void disconnect(String endpoint) {
        core.disconnect(endpoint);
    }

    /**
     * The socket's event stream. Owner thread; the returned monitor may then be consumed by one other thread.
     *
     * @return the monitor (the same one on every call)
     */
    public final Monitor monitor() {
        if (monitor == null) {
            monitor = new Monitor(core.monitor(), clock);
        }
        return monitor;
    }

    /** @return the number of peers currently attached (owner thread) */
    public final int peerCount() {
        core.processCommands();
        return core.peers().size();
    }

    /**
     * Closes the socket. Never blocks: queued messages are sent by the I/O threads within the linger. A message
     * partly received frame by frame is dropped, and so is one partly built ({@code sendMore}), its lent frames
     * released. Idempotent. Owner thread.
     */
    @Override
    public final void close() {
        cursor.release();
        if (building != null) {
            Msg m = building;
            building = null;
            m.clear(); // lets go of lent frames
        }
        core.close();
    }

    /** {@link #route}: the message was queued to a peer. */
    static final int SENT = 0;
    /** {@link #route}: no peer can take it now; wait for room (or time out). */
    static final int BLOCKED = 1;
    /** {@link #route}: the message was dropped on purpose (ROUTER with an unknown or full peer). */
    static final int DROPPED = 2;

    /** Sends a whole message; timeoutNanos: negative waits forever, 0 does not wait. */
    final boolean sendMessage(Message message, long timeoutNanos) {
        Objects.requireNonNull(message, "message");
        core.checkOpen();
        core.processCommands();
        checkSend(message);
        Msg m = takeMsg();
        prepare(m, message);
        return transmit(m, message, timeoutNanos);
    }

    /** Routes a prepared message, waiting for room as the timeout allows; releases it when not sent. */
    private boolean transmit(Msg m, Message message, long timeoutNanos) {
        long deadline = deadline(timeoutNanos);
        while (true) {
            int r = route(m, message);
            if (r == SENT) {
                sent(message);
                return true;
            }
            if (r == DROPPED) {
                release(m);
                sent(message);
                return true;
            }
            if (timeoutNanos == 0 || clock.nanoTime() >= deadline) {
                release(m);
                return false;
            }
            if (waitForCommands(deadline, m) == AwaitResult.INTERRUPTED) {
                release(m);
                throw new SocketInterruptedException();
            }
        }
    }

    /**
     * One-object path: sends a one-frame message whose frame is the caller's array, not copied (ownership passes with
     * the message); no {@link Message} is made. The socket type's rules apply as for the garbage-free path
     * ({@link #checkSendOne}, then {@link #beginBuilt}).
     */
    final boolean sendFrame(byte[] frame, long timeoutNanos) {
        Objects.requireNonNull(frame, "frame");
        core.checkOpen();
        core.processCommands();
        checkSendOne();
        Msg m = beginMessage();
        m.addFrameOwned(frame);
        return transmit(m, null, timeoutNanos);
    }

    /** Takes a message and lets the socket type begin it ({@link #beginBuilt}); releases it if the type refuses. */
    private Msg beginMessage() {
        Msg m = takeMsg();
        try {
            beginBuilt(m);
        } catch (RuntimeException refused) {
            release(m);
            throw refused;
        }
        return m;
    }

    /**
     * One-object path: checks that a one-frame message may be sent (ROUTER and STREAM refuse it: they need a routing
     * id frame first). Nothing by default.
     *
     * @throws IllegalArgumentException when the socket type cannot send a one-frame message
     */
    void checkSendOne() {
    }

    /** Garbage-free path: appends a copied frame to the message being built. */
    final void appendFrame(DirectBuffer buffer, int offset, int length) {
        building().addFrame(buffer, offset, length);
    }

    /** Zero-copy path: appends a frame lent from the caller's direct buffer to the message being built. */
    final void appendLent(ByteBuffer frame, Consumer<? super ByteBuffer> release) {
        Msg.checkLendable(frame, release); // before a message is begun: a refused frame leaves nothing half-built
        building().addFrameLent(frame, release);
    }

    /** Garbage-free and zero-copy paths: the message being built, begun now if none is. */
    private Msg building() {
        if (building == null) {
            core.checkOpen();
            core.processCommands();
            building = beginMessage();
        }
        return building;
    }

    /** Zero-copy path: appends the last frame, lent, and sends what was built. */
    final boolean sendBuiltLent(ByteBuffer frame, Consumer<? super ByteBuffer> release, long timeoutNanos) {
        boolean started = building != null;
        appendLent(frame, release);
        return sendBuilding(started, timeoutNanos);
    }

    /** Garbage-free path: appends the last frame and sends what was built. */
    final boolean sendBuilt(DirectBuffer buffer, int offset, int length, long timeoutNanos) {
        boolean started = building != null;
        appendFrame(buffer, offset, length);
        return sendBuilding(started, timeoutNanos);
    }

    private boolean sendBuilding(boolean started, long timeoutNanos) {
        Msg m = building;
        building = null;
        if (started) {
            core.processCommands(); // a message built over several calls: catch up before routing it
        }
        return transmit(m, null, timeoutNanos);
    }

    /**
     * Garbage-free and one-object paths: called when a message starts being built, before its first frame. Checks
     * that sending is allowed (as {@link #checkSend}) and adds the frames the socket type puts before the
     * application's (REQ's delimiter, REP's envelope). Nothing by default.
     */
    void beginBuilt(Msg m) {
    }

    /**
     * Garbage-free path: whether a fetched message is delivered and from which frame on (REQ and REP deliver the
     * body after the envelope; SUB filters by topic).
     *
     * @return the index of the first frame the application gets, or -1 to drop the message
     */
    int deliverFrom(Msg m, Peer from) {
        return 0;
    }

    /** Garbage-free path: hands the next message (or the rest of a partly received one) to the consumer. */
    final int receiveFrames(FrameConsumer consumer, long timeoutNanos) {
        Objects.requireNonNull(consumer, "consumer");
        return holdNext(timeoutNanos) ? cursor.deliverRest(consumer, frameView) : 0;
    }

    /**
     * One-object path: the next frame. While a message is partly received, its next frame (never waits); otherwise
     * the first delivered frame of the next message, waiting for one as the timeout allows. Allocates only the frame's
     * array, and not even that for an inproc sender's own array.
     *
     * @return the frame, or null on timeout
     */
    final byte[] receiveFrame(long timeoutNanos) {
        return holdNext(timeoutNanos) ? cursor.next() : null;
    }

    /** @return true if the last frame {@link #receiveFrame} returned has more frames of its message following */
    final boolean moreFrames() {
        return cursor.holding();
    }

    /** Drops the rest of a partly received message, if any (a relaxed REQ sending a new request). */
    final void dropRestOfFrames() {
        cursor.release();
    }

    /**
     * Makes the cursor hold the next message the socket type delivers ({@link #deliverFrom}), waiting for one as the
     * timeout allows; keeps the one it holds, if any. Recycles what is dropped.
     *
     * @return false on timeout
     */
    private boolean holdNext(long timeoutNanos) {
        core.checkOpen();
        if (cursor.holding()) {
            return true;
        }
        if (framesViaMessage()) {
            Message whole = receiveWhole(timeoutNanos);
            return whole != null && cursor.hold(whole);
        }
        core.processCommands();
        checkReceive();
        if (peeked != null) {
            Message whole = peeked;
            peeked = null;
            return cursor.hold(whole);
        }
        long deadline = deadline(timeoutNanos);
        while (true) {
            Msg m = fetch();
            if (m != null) {
                Peer from = fetchedFrom();
                int first = deliverFrom(m, from);
                if (first >= 0 && first < m.frameCount()) {
                    return cursor.hold(m, from, first);
                }
                from.inRecycler().recycle(m);
                continue;
            }
            if (timeoutNanos == 0 || clock.nanoTime() >= deadline) {
                return false;
            }
            if (waitForCommands(deadline, null) == AwaitResult.INTERRUPTED) {
                throw new SocketInterruptedException();
            }
        }
    }

    /**
     * One-object path: whether frames are handed out from whole {@link Message}s ({@link #receiveWhole}) rather than
     * from wire messages through {@link #deliverFrom}: for the socket types whose received messages carry frames
     * the wire message does not (ROUTER's routing id) or come from elsewhere (XPUB's subscriptions).
     */
    boolean framesViaMessage() {
        return false;
    }

    /**
     * Checks that sending is allowed now (REQ: not while a reply is awaited).
     *
     * @param message the message
     * @throws IllegalStateException when the socket's state forbids sending
     */
    void checkSend(Message message) {
    }

    /** Fills the wire message; by default the message's frames as they are (not copied). */
    void prepare(Msg m, Message message) {
        for (int i = 0, n = message.size(); i < n; i++) {
            m.addFrameOwned(message.frame(i));
        }
    }

    /**
     * Routes a prepared message: round-robin over peers that can take it, by default. A conflating sender never
     * waits: a message no peer can take yet replaces the one waiting for room.
     */
    int route(Msg m, Message message) {
        if (routing.out.send(m)) {
            return SENT;
        }
        if (!conflate) {
            return BLOCKED;
        }
        if (latest != null) {
            latest.clear();
        }
        latest = m;
        return SENT;
    }

    /** The newest message of a conflating sender, waiting for room; null if none. */
    private Msg latest;

    private void flushLatest() {
        if (latest != null && routing.out.send(latest)) {
            latest = null;
        }
    }

    /** Called once a message went out (or was dropped on purpose). */
    void sent(Message message) {
    }

    /**
     * Takes the next inbound message, fair-queued by default; {@link #fetchedFrom()} names its peer. With CONFLATE,
     * everything queued is taken and only the newest is kept.
     */
    Msg fetch() {
        Msg m = routing.in.poll();
        if (!conflate || m == null) {
            return m;
        }
        Peer from = routing.in.lastPeer();
        Msg newer;
        while ((newer = routing.in.poll()) != null) {
            from.inRecycler().recycle(m);
            m = newer;
            from = routing.in.lastPeer();
        }
        return m;
    }

    /** @return the peer the last fetched message came from */
    Peer fetchedFrom() {
        return routing.in.lastPeer();
    }

    /** Turns a fetched message into what the application receives; null drops it. Copies the frames. */
    Message accept(Msg m, Peer from) {
        return received(m, 0);
    }

    /**
     * The application's message made of frames {@code from} on: a one-frame message is one object besides its
     * frame. Call just before the message is recycled (frames are taken, see {@link #frames}).
     */
    static Message received(Msg m, int from) {
        int n = m.frameCount();
        if (n - from == 1) {
            return Message.wrapSingle(m.takeFrame(from));
        }
        byte[][] frames = new byte[n - from][];
        for (int i = from; i < n; i++) {
            frames[i - from] = m.takeFrame(i);
        }
        return Message.wrapFrames(frames);
    }

    /**
     * Checks that receiving is allowed now (REQ: only after a request).
     *
     * @throws IllegalStateException when the socket's state forbids receiving
     */
    void checkReceive() {
    }

    /**
     * The frames from {@code from} on, for the application: copied, except the inproc sender's own arrays, which are
     * handed over (messages are immutable in use). Call just before the message is recycled.
     */
    static ArrayList<byte[]> frames(Msg m, int from) {
        int n = m.frameCount();
        ArrayList<byte[]> frames = new ArrayList<>(n - from + 1);
        for (int i = from; i < n; i++) {
            frames.add(m.takeFrame(i));
        }
        return frames;
    }

    private AwaitResult waitForCommands(long deadline, Msg held) {
        try {
            return core.await(deadline);
        } catch (RuntimeException closed) {
            if (held != null) {
                release(held);
            }
            throw closed;
        }
    }

    private long deadline(long timeoutNanos) {
        if (timeoutNanos < 0) {
            return Long.MAX_VALUE;
        }
        long now = clock.nanoTime();
        return timeoutNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutNanos;
    }

    private Msg takeMsg() {
        Msg m = spare;
        if (m != null) {
            spare = null;
            return m;
        }
        Peer p = recyclingPeer();
        return p != null ? p.outRecycler().take() : new Msg(0);
    }

    /**
     * The peer whose recycler supplies the next message to build: messages come back to a peer's recycler once its
     * engine wrote them. The peer next in the rotation by default; a socket without one (REP, ROUTER replying) takes
     * from the peer it last heard from, usually the one it is answering.
     */
    Peer recyclingPeer() {
        Peer p = routing.out.current();
        return p != null ? p : routing.in.lastPeer();
    }

    /** Keeps a message that was not sent for the next one to build (a dropped message is not garbage). */
    final void release(Msg m) {
        m.clear();
        if (spare == null) {
            spare = m;
        }
    }

    /**
     * Poller support: whether a receive would return a message now. Takes at most one message ahead (which the next
     * receive returns) and leaves the peers' pipes armed to signal new messages.
     */
    boolean pollIn() {
        if (peeked != null || cursor.holding()) {
            return true;
        }
        Msg m;
        while ((m = fetch()) != null) {
            Peer from = fetchedFrom();
            Message msg = accept(m, from);
            from.inRecycler().recycle(m);
            if (msg != null) {
                peeked = msg;
                return true;
            }
        }
        return false;
    }

    /** Poller support: whether a send would not wait now. */
    boolean pollOut() {
        return routing.out.canSend();
    }

    /**
     * Receives a whole message, or the rest of one partly received frame by frame; timeoutNanos: negative waits
     * forever, 0 does not wait.
     */
    final Message receiveMessage(long timeoutNanos) {
        core.checkOpen();
        if (cursor.holding()) {
            return cursor.rest();
        }
        return receiveWhole(timeoutNanos);
    }

    /** Receives the next whole message (XPUB takes it from its own queue). */
    Message receiveWhole(long timeoutNanos) {
        core.checkOpen();
        core.processCommands();
        checkReceive();
        if (peeked != null) {
            Message msg = peeked;
            peeked = null;
            return msg;
        }
        long deadline = deadline(timeoutNanos);
        while (true) {
            Msg m = fetch();
            if (m != null) {
                Peer from = fetchedFrom();
                Message msg = accept(m, from);
                from.inRecycler().recycle(m);
                if (msg != null) {
                    return msg;
                }
                continue;
            }
            if (timeoutNanos == 0 || clock.nanoTime() >= deadline) {
                return null;
            }
            if (waitForCommands(deadline, null) == AwaitResult.INTERRUPTED) {
                throw new SocketInterruptedException();
            }
        }
    }

    static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + ": expected zero or more");
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    @Override
    public String toString() {
        return type + "Socket";
    }
}
