package io.jzmtp.transport.engine;

import io.jzmtp.core.Metadata;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpHandler;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.transport.io.IoHandler;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.io.TimerHandler;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import io.jzmtp.transport.pipe.SpscPipe;
import io.jzmtp.transport.socket.Peer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The one class that joins a channel to the ZMTP codec: it moves bytes between a {@link SocketChannel} and a
 * {@link ZmtpConnection}, moves whole messages between the connection and its peer's pipes, and runs the
 * connection's timers (handshake timeout, heartbeats) on its I/O thread's clock.
 *
 * <p>Inbound: bytes are read into a reusable direct buffer and decoded; frames are gathered into a recycled
 * {@link Msg}, which goes into the inbound pipe when its last frame arrives, so the socket never sees part of a
 * message. When the pipe is at its high-water mark the engine holds that message and stops reading the channel, so
 * TCP back-pressure reaches the sender; it resumes when the pipe signals room.
 *
 * <p>Outbound: its {@link EngineOutput} orders and encodes what goes out (handshake bytes, control frames at message
 * boundaries, then messages from the outbound pipe, large bodies written from where they lie); the engine lends it
 * the channel for each flush and keeps the write interest and the linger in step with what is left.
 *
 * <p>Any protocol error closes the connection (after an ERROR command where the codec asks for one) and is reported
 * to the owner with its reason. Owned by one I/O thread: every method runs on it. Steady traffic allocates nothing.
 */
public final class ZmtpEngine implements Engine, IoHandler, ZmtpHandler, TimerHandler {
    /** Size of the read buffer and of {@link EngineOutput}'s write buffer. */
    static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_READS_PER_EVENT = 8;
    /** Split message bodies of at least this many bytes are read straight into their message. */
    static final int DIRECT_BODY_MIN = 8 * 1024;
    /** How far past what is buffered a read goes while large bodies arrive. */
    private static final int LARGE_BODY_READ = 4 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final IoThread io;
    private final SocketChannel channel;
    private final EngineConfig config;
    private final EngineOwner owner;
    private final String peerAddress;
    private final ZmtpConnection conn;
    private final HeartbeatPolicy heartbeat;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final UnsafeBuffer readView = new UnsafeBuffer(readBuffer);
    private int readStart;
    private int readEnd;
    private final EngineOutput output;


    /** Where a large inbound body is gathered: a view on its frame in {@link #inbound}. */
    private final UnsafeBuffer sinkView = new UnsafeBuffer(EMPTY);
    private int sinkFrame;
    /** True since a body of half the read buffer or more went straight into its message, until a smaller one. */
    private boolean largeBodies;

    private SelectionKey key;
    private Peer peer;
    private SpscPipe<Msg> in;
    private MsgRecycler inRecycler;

    private Msg inbound;
    private boolean inboundComplete;
    private Msg heldSubscription;
    private boolean inputBlocked;

    private long handshakeTimer;
    private long heartbeatTimer;
    private long heartbeatTimerAt = Long.MAX_VALUE;
    private boolean closed;
    private boolean lingering;

    /**
     * Creates an engine for a connected channel. Call {@link #start()} next, on the I/O thread.
     *
     * @param io the I/O thread that owns the engine
     * @param channel a connected, non-blocking channel
     * @param config limits, timers and the mechanism
     * @param owner the session to report to
     * @param peerAddress the peer's address, for authentication and diagnostics
     */
    public ZmtpEngine(IoThread io, SocketChannel channel, EngineConfig config, EngineOwner owner, String peerAddress) {
        this.io = io;
        this.channel = channel;
        this.config = config;
        this.owner = owner;
        this.peerAddress = peerAddress;
        this.conn = new ZmtpConnection(config.mechanisms().get(), config.maxMessageSize(), config.greetingPadding());
        this.output = new EngineOutput(conn, config.subscriptionCommands());
        this.heartbeat = new HeartbeatPolicy(config.heartbeatIntervalNanos(), config.heartbeatTimeoutNanos(),
            config.heartbeatTtlNanos());
    }

    /**
     * Registers the channel, sends the first greeting octets and starts the handshake timer. I/O thread only.
     *
     * @throws IOException if the channel cannot be registered
     */
    public void start() throws IOException {
        key = io.register(channel, SelectionKey.OP_READ, this);
        if (config.handshakeTimeoutNanos() > 0) {
            handshakeTimer = io.scheduleTimer(io.clock().nanoTime() + config.handshakeTimeoutNanos(), this);
        }
        flushOutput();
    }

    /** @return the connection's protocol state. */
    public ZmtpConnection connection() {
        return conn;
    }

    @Override
    public String peerAddress() {
        return peerAddress;
    }

    @Override
    public Metadata peerMetadata() {
        Metadata m = conn.peerMetadata();
        return m == null ? Metadata.EMPTY : m;
    }

    /** @return true once the engine has stopped. */
    @Override
    public boolean isClosed() {
        return closed;
    }

    /** @return true once the handshake completed and the engine serves its peer's pipes. */
    @Override
    public boolean isReady() {
        return peer != null;
    }

    @Override
    public void onReady(int readyOps) {
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0) {
                flushOutput();
            }
            if (!closed && (readyOps & SelectionKey.OP_READ) != 0) {
                readInput();
            }
        } catch (IOException e) {
            // A reset or broken pipe is the network's doing, not a fault of this handler: end the connection as
            // a reconnectable I/O error without the I/O thread logging it as a handler failure.
            fail(EngineTermination.Kind.IO_ERROR, e.toString());
        } finally {
            publishInbound();
        }
    }

    /**
     * Wakes the socket once for everything delivered in this event, not once per message: a reader that keeps
     * catching up would otherwise cost this thread an unpark (a system call) every few messages.
     */
    private void publishInbound() {
        SpscPipe<Msg> pipe = in;
        if (pipe != null) {
            pipe.publish();
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        if (!closed) {
            finish(new EngineTermination(cause == null ? EngineTermination.Kind.LOCAL_CLOSE
                : EngineTermination.Kind.IO_ERROR, null, conn.isReady(),
                cause == null ? "closed" : String.valueOf(cause.getMessage())));
        }
    }

    /** The outbound pipe has messages again: write them. I/O thread only. */
    @Override
    public void outputReady() {
        if (!closed) {
            try {
                flushOutput();
            } catch (IOException e) {
                fail(EngineTermination.Kind.IO_ERROR, e.toString());
            }
        }
    }

    /** The inbound pipe has room again: deliver the held message and read on. I/O thread only. */
    @Override
    public void inputReady() {
        try {
            resumeInput();
        } finally {
            publishInbound();
        }
    }

    private void resumeInput() {
        if (closed || !inputBlocked) {
            return;
        }
        if (heldSubscription != null) {
            if (!offerInbound(heldSubscription)) {
                return;
            }
            heldSubscription = null;
        }
        if (inbound != null && inboundComplete) {
            if (!offerInbound(inbound)) {
                return;
            }
            inbound = null;
            inboundComplete = false;
        }
        inputBlocked = false;
        try {
            if (decodeBuffered()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_READ);
                readInput();
            }
        } catch (IOException e) {
            fail(EngineTermination.Kind.IO_ERROR, e.toString());
        }
    }

    /**
     * Sends what is queued, then closes: at once if nothing is, otherwise when the outbound pipe is empty (the
     * owner enforces the linger with its own timer and {@link #close()}). Before the handshake completes, the
     * handshake goes on first (a connecting peer's messages queued before it). I/O thread only.
     */
    @Override
    public void closeWhenFlushed() {
        lingering = true;
        if (peer == null) {
            return; // the handshake goes on; attach() flushes what is queued, then the engine closes
        }
        outputReady();
    }

    /** Closes the connection at our initiative. I/O thread only. */
    @Override
    public void close() {
        if (!closed) {
            finish(new EngineTermination(EngineTermination.Kind.LOCAL_CLOSE, null, conn.isReady(), "closed locally"));
        }
    }

    private void readInput() throws IOException {
        for (int i = 0; i < MAX_READS_PER_EVENT && !closed && !inputBlocked; i++) {
            int due = conn.bodyRemaining();
            if (due > 0 && readStart == readEnd) {
                if (!readBody(due)) {
                    return;
                }
                continue;
            }
            if (readEnd == BUFFER_SIZE) {
                compactRead();
            }
            // While large bodies arrive, read little past the next header: the rest of the body then goes straight
            // into its message instead of through this buffer.
            int limit = largeBodies ? Math.min(BUFFER_SIZE, readEnd + LARGE_BODY_READ) : BUFFER_SIZE;
            readBuffer.limit(limit).position(readEnd);
            int n = channel.read(readBuffer);
            if (n < 0) {
                fail(EngineTermination.Kind.PEER_CLOSED, "the peer closed the connection");
                return;
            }
            if (n == 0) {
                return;
            }
            readEnd += n;
            heartbeat.onTraffic(io.clock().nanoTime());
            if (!decodeBuffered()) {
                return;
            }
        }
    }

    /**
     * Reads the rest of a large body straight into its message (see {@link #messageBodyDestination}). Returns
     * false if nothing more can be read now, the engine closed, or input stopped.
     */
    private boolean readBody(int due) throws IOException {
        int length = inbound.frameLength(sinkFrame);
        int n = channel.read(inbound.frameIo(sinkFrame, length - due));
        if (n < 0) {
            fail(EngineTermination.Kind.PEER_CLOSED, "the peer closed the connection");
            return false;
        }
        if (n == 0) {
            return false;
        }
        heartbeat.onTraffic(io.clock().nanoTime());
        try {
            conn.bodyArrived(n, this);
        } catch (ProtocolException e) {
            protocolFailure(e);
            return false;
        }
        if (inputBlocked) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            return false;
        }
        return !closed;
    }

    /**
     * Decodes what is buffered. Returns false if the engine closed or stopped reading (inbound pipe full, or
     * authentication pending).
     */
    private boolean decodeBuffered() throws IOException {
        while (readStart < readEnd) {
            int consumed;
            try {
                consumed = conn.receive(readView, readStart, readEnd - readStart, this);
                readStart += consumed;
                if (peer == null && conn.isReady()) {
                    attach();
                }
                if (peer == null && answerAuthRequest()) {
                    continue;
                }
            } catch (ProtocolException e) {
                protocolFailure(e);
                return false;
            }
            flushOutput();
            if (closed) {
                return false;
            }
            if (inputBlocked) {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
                return false;
            }
            if (consumed == 0) {
                break;
            }
        }
        if (readStart == readEnd) {
            readStart = 0;
            readEnd = 0;
        }
        flushOutput();
        return !closed;
    }

    /**
     * Answers a pending authentication question, if any; only asked before the handshake ends. Kept out of the
     * traffic path, so that compiling that path never needs {@link AuthRequest} loaded (a class loaded mid-run
     * allocates).
     *
     * @return true if there was a question
     */
    private boolean answerAuthRequest() throws ProtocolException {
        AuthRequest question = conn.authRequest();
        if (question == null) {
            return false;
        }
        authenticate(question);
        return true;
    }

    private void authenticate(AuthRequest question) throws ProtocolException {
        AuthResult answer = config.authenticator() == null
            ? AuthResult.refuse("no authenticator is configured")
            : config.authenticator().apply(question, peerAddress);
        conn.authenticated(answer);
    }

    private void compactRead() {
        int left = readEnd - readStart;
        readView.putBytes(0, readView, readStart, left);
        readStart = 0;
        readEnd = left;
    }

    private void attach() {
        peer = owner.onHandshakeComplete(this);
        in = peer.in();
        inRecycler = peer.inRecycler();
        output.attach(peer.out(), peer.outRecycler(), peer.connections());
        if (handshakeTimer != 0) {
            io.cancelTimer(handshakeTimer);
            handshakeTimer = 0;
        }
        long now = io.clock().nanoTime();
        heartbeat.onHandshakeComplete(now);
        scheduleHeartbeat();
        if (lingering) {
            io.execute(this::outputReady); // closing: send what waited for this handshake, then close
        }
    }

    /**
     * A large message body split across reads goes straight into the message that will carry it, and the rest of
     * it is read from the channel into that message ({@link #readBody}): no copy through the decoder.
     */
    @Override
    public MutableDirectBuffer messageBodyDestination(int length) {
        if (length < DIRECT_BODY_MIN) {
            return null;
        }
        if (peer == null) {
            attach();
        }
        if (inbound == null) {
            inbound = inRecycler.take();
        }
        largeBodies = length >= BUFFER_SIZE / 2;
        sinkFrame = inbound.reserveFrame(length);
        inbound.wrapFrame(sinkFrame, sinkView);
        return sinkView;
    }

    @Override
    public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
        if (peer == null) {
            attach();
        }
        if (inbound == null) {
            inbound = inRecycler.take();
        }
        if (buffer == sinkView) {
            sinkView.wrap(EMPTY); // the body was gathered in place: the frame is already in the message
        } else {
            inbound.addFrame(buffer, offset, length);
            largeBodies &= length >= BUFFER_SIZE / 2;
        }
        if (more) {
            return true;
        }
        inboundComplete = true;
        if (offerInbound(inbound)) {
            inbound = null;
            inboundComplete = false;
            return true;
        }
        inputBlocked = true;
        return false;
    }

    /** Offers a whole message to the socket; true if it is gone (delivered, or dropped because the socket left). */
    private boolean offerInbound(Msg m) {
        if (in.offerQuietly(m)) { // published once per batch: see publishInbound
            return true;
        }
        if (in.isClosed()) {
            inRecycler.recycle(m);
            return true;
        }
        return false;
    }

    @Override
    public void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length) {
        heartbeat.onPing(ttlDeciseconds, io.clock().nanoTime());
        scheduleHeartbeat();
        output.queuePong(context, offset, length); // RFC 37 37-PING-4: a PONG echoing the PING's context
    }

    @Override
    public void onPong(DirectBuffer context, int offset, int length) {
        // Any traffic already counted as life; a PONG carries nothing else.
    }

    @Override
    public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
        // Subscriptions reach the socket in the legacy message form (0x01/0x00 + topic) whatever form they had on the
        // wire, so that PUB and XPUB see one form. They wait under back-pressure like messages: never dropped.
        if (peer == null) {
            attach();
        }
        Msg m = inRecycler.take();
        m.addFrame(subscribe ? 1 : 0, topic, offset, length);
        if (offerInbound(m)) {
            return true;
        }
        heldSubscription = m;
        inputBlocked = true;
        return false;
    }

    private void flushOutput() throws IOException {
        if (closed) {
            return;
        }
        boolean full = output.flush(channel);
        setWriteInterest(full);
        if (!full && lingering && output.isIdle()) {
            close();
        }
    }

    private void setWriteInterest(boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int wanted = on ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        if (closed) {
            return;
        }
        if (timerId == handshakeTimer) {
            handshakeTimer = 0;
            fail(EngineTermination.Kind.HANDSHAKE_TIMEOUT, "the handshake did not complete in time");
            return;
        }
        if (timerId == heartbeatTimer) {
            heartbeatTimer = 0;
            heartbeatTimerAt = Long.MAX_VALUE;
            HeartbeatPolicy.Action action = heartbeat.poll(nowNanos);
            if (action == HeartbeatPolicy.Action.TIMED_OUT) {
                fail(EngineTermination.Kind.HEARTBEAT_TIMEOUT, "no traffic from the peer within the heartbeat timeout");
                return;
            }
            if (action == HeartbeatPolicy.Action.SEND_PING && output.queuePing(heartbeat.pingTtlDeciseconds())) {
                outputReady();
            }
            scheduleHeartbeat();
        }
    }

    private void scheduleHeartbeat() {
        long next = heartbeat.nextDeadline();
        if (next == Long.MAX_VALUE || next >= heartbeatTimerAt) {
            return;
        }
        if (heartbeatTimer != 0) {
            io.cancelTimer(heartbeatTimer);
        }
        heartbeatTimer = io.scheduleTimer(next, this);
        heartbeatTimerAt = next;
    }

    private void protocolFailure(ProtocolException e) {
        if (e.errorReply() != null && !closed) {
            // RFC 23 23-STYPE-3, 23-ERROR-2: tell the peer why before closing, best effort.
            output.writeErrorAndStop(channel, Commands.error(e.errorReply()));
        }
        finish(new EngineTermination(EngineTermination.Kind.PROTOCOL_ERROR, e.error(), conn.isReady(), e.getMessage()));
    }

    private void fail(EngineTermination.Kind kind, String detail) {
        finish(new EngineTermination(kind, null, conn.isReady(), detail));
    }

    private void finish(EngineTermination termination) {
        if (closed) {
            return;
        }
        closed = true;
        if (handshakeTimer != 0) {
            io.cancelTimer(handshakeTimer);
        }
        if (heartbeatTimer != 0) {
            io.cancelTimer(heartbeatTimer);
        }
        if (key != null) {
            io.closeChannel(key);
        } else {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        // A message whose last frame never arrived is dropped: no partial message is ever delivered.
        if (inbound != null && inRecycler != null) {
            inRecycler.recycle(inbound);
        }
        inbound = null;
        if (heldSubscription != null) {
            inRecycler.recycle(heldSubscription);
            heldSubscription = null;
        }
        output.release();
        owner.onEngineClosed(this, termination);
    }
}
