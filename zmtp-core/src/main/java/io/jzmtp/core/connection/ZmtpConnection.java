package io.jzmtp.core.connection;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.frame.FrameHandler;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.greeting.GreetingExchange;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.TrafficCodec;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One ZMTP connection's protocol, with no I/O: greeting, security handshake, then traffic (RFC 23, "Connection
 * Lifecycle"). The owner feeds it the bytes read from the peer and sends the bytes it releases; after the
 * handshake it hands decoded frames and commands to a {@link ZmtpHandler}.
 *
 * <p>The same frame decoder serves the handshake and the traffic, so bytes that arrive right behind the peer's
 * last handshake command are never lost. Until the handshake is complete, only command frames are accepted
 * (a message frame is {@link ProtocolError#ZMTP_UNEXPECTED_COMMAND}). While authentication is pending, input
 * is not consumed past the command that asked for it; the owner passes the rest again after
 * {@link #authenticated}.
 *
 * <p>Not thread-safe: one owner (an I/O thread). Decoding traffic allocates nothing; the handshake allocates.
 */
public final class ZmtpConnection {
    /** Where a connection is in its lifecycle. */
    public enum Phase {
        /** Exchanging greetings. */
        GREETING,
        /** Running the mechanism's handshake. */
        HANDSHAKE,
        /** Handshake complete: messages and traffic commands flow. */
        TRAFFIC
    }

    private final Mechanism mechanism;
    private final long maxFrameSize;
    private final GreetingExchange greeting;
    private final ExpandableArrayBuffer output = new ExpandableArrayBuffer(128);
    private final CommandView command = new CommandView();
    private final FrameHandler handshakeFrames = this::onHandshakeFrame;
    private final FrameHandler trafficFrames = new FrameHandler() {
        @Override
        public boolean onFrame(DirectBuffer buffer, int offset, int length, int flags, long streamOffset)
            throws ProtocolException {
            return onTrafficFrame(buffer, offset, length, flags, streamOffset);
        }

        @Override
        public MutableDirectBuffer bodyDestination(int length, int flags) {
            // Only a clear-text message frame is the message's own bytes; commands and encrypted frames are not.
            return codec == TrafficCodec.PLAINTEXT && !FrameFlags.isCommand(flags)
                ? handler.messageBodyDestination(length) : null;
        }
    };
    private final FrameHandler carriedFrames = this::onCarriedFrame;
    private int outputStart;
    private int outputEnd;
    private Phase phase = Phase.GREETING;
    private FrameDecoder decoder;
    private TrafficCodec codec;
    private ZmtpHandler handler;

    /**
     * Creates a connection and releases the first 10 octets of our greeting.
     *
     * @param mechanism our security mechanism, fresh
     * @param maxFrameSize the largest frame body accepted from the peer (negative for the JVM's limit)
     * @param greetingPadding the value of the greeting's padding octets (routing-id length + 1, as libzmq sends)
     */
    public ZmtpConnection(Mechanism mechanism, long maxFrameSize, long greetingPadding) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        if (maxFrameSize > FrameDecoder.MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + ": expected at most "
                + FrameDecoder.MAX_FRAME_SIZE_LIMIT + " (or negative for that limit)");
        }
        this.maxFrameSize = maxFrameSize;
        this.greeting = new GreetingExchange(mechanism.name(), mechanism.asServer(), greetingPadding);
        pumpGreeting();
    }

    /** @return the current phase. */
    public Phase phase() {
        return phase;
    }

    /** @return true once the handshake is complete. */
    public boolean isReady() {
        return phase == Phase.TRAFFIC;
    }

    /** @return the mechanism. */
    public Mechanism mechanism() {
        return mechanism;
    }

    /** @return the negotiated revision, or null before the peer's greeting is complete. */
    public ZmtpVersion peerVersion() {
        return greeting.version();
    }

    /** @return the peer's greeting, or null before it is complete. */
    public Greeting peerGreeting() {
        return greeting.peerGreeting();
    }

    /** @return the peer's metadata, or null before the handshake delivered it. */
    public Metadata peerMetadata() {
        return mechanism.peerMetadata();
    }

    /** @return the stream offset of the next inbound byte expected. */
    public long position() {
        return decoder == null ? greeting.received() : decoder.position();
    }

    /** @return the traffic codec, or null before the handshake is complete. */
    public TrafficCodec trafficCodec() {
        return codec;
    }

    /** @return the pending authentication question, or null. */
    public AuthRequest authRequest() {
        return phase == Phase.HANDSHAKE ? mechanism.authRequest() : null;
    }

    /** @return how many released handshake bytes wait to be sent. */
    public int outputAvailable() {
        return outputEnd - outputStart;
    }

    /**
     * Copies released handshake bytes (greeting, handshake commands) out for sending.
     *
     * @param dst the destination
     * @param offset where to write
     * @param capacity how many bytes may be written
     * @return how many were written
     */
    public int takeOutput(MutableDirectBuffer dst, int offset, int capacity) {
        int n = Math.min(capacity, outputEnd - outputStart);
        dst.putBytes(offset, output, outputStart, n);
        outputStart += n;
        if (outputStart == outputEnd) {
            outputStart = 0;
            outputEnd = 0;
        }
        return n;
    }

    /**
     * Answers the pending authentication question and releases whatever the mechanism sends next.
     *
     * @param result the decision
     * @throws ProtocolException if the peer is refused (send the ERROR reply, then close)
     */
    public void authenticated(AuthResult result) throws ProtocolException {
        mechanism.authenticated(result);
        pumpMechanism();
    }

    /**
     * Consumes bytes read from the peer.
     *
     * @param src the input
     * @param offset where it starts
     * @param length how many bytes are available
     * @param handler receives traffic once the handshake is complete
     * @return how many bytes were consumed: fewer than {@code length} only while authentication is pending or
     *     when the handler asked to pause; pass the rest again later
     * @throws ProtocolException if the peer broke the protocol: the connection must be closed (after sending an
     *     ERROR command when {@link ProtocolException#errorReply()} is set)
     */
    public int receive(DirectBuffer src, int offset, int length, ZmtpHandler handler) throws ProtocolException {
        this.handler = handler;
        int consumed = 0;
        if (phase == Phase.GREETING) {
            try {
                consumed = greeting.receive(src, offset, length);
            } finally {
                // Release what the greeting exchange released before a bad octet too, so that the output does not
                // depend on how the peer's bytes were cut into reads (house rule 2).
                pumpGreeting();
            }
            if (!greeting.isComplete()) {
                return consumed;
            }
            phase = Phase.HANDSHAKE;
            decoder = new FrameDecoder(maxFrameSize, Greeting.LENGTH);
            pumpMechanism();
        }
        while (consumed < length) {
            if (phase == Phase.HANDSHAKE && mechanism.authRequest() != null) {
                break;
            }
            Phase before = phase;
            consumed += decoder.decode(src, offset + consumed, length - consumed,
                phase == Phase.TRAFFIC ? trafficFrames : handshakeFrames);
            if (phase == before) {
                // All input consumed, or the handler paused: either way, stop here.
                break;
            }
        }
        return consumed;
    }

    /**
     * How many bytes of a message frame's body are still due in the destination the handler gave for it
     * ({@link ZmtpHandler#messageBodyDestination}); 0 when none is being filled. The caller may read them straight
     * into that destination and report them with {@link #bodyArrived}.
     *
     * @return the bytes still due, or 0
     */
    public int bodyRemaining() {
        return phase == Phase.TRAFFIC ? decoder.bodyRemaining() : 0;
    }

    /**
     * Reports {@code n} body bytes the caller wrote into the handler's destination itself (see
     * {@link #bodyRemaining()}); when the body is complete, the handler receives the frame.
     *
     * @param n how many bytes arrived, 1 to {@link #bodyRemaining()}
     * @param handler receives the frame once complete
     * @return false if the handler asked to pause, else true
     * @throws ProtocolException if the frame breaks the protocol
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public boolean bodyArrived(int n, ZmtpHandler handler) throws ProtocolException {
        this.handler = handler;
        if (phase != Phase.TRAFFIC) {
            throw new IllegalArgumentException("body bytes " + n + ": expected none before the handshake completes");
        }
        return decoder.bodyArrived(n, trafficFrames);
    }

    private void pumpGreeting() {
        int n = greeting.outputAvailable();
        if (n > 0) {
            output.checkLimit(outputEnd + n);
            outputEnd += greeting.takeOutput(output, outputEnd, n);
        }
    }

    private void pumpMechanism() throws ProtocolException {
        for (byte[] body = mechanism.nextCommand(); body != null; body = mechanism.nextCommand()) {
            output.checkLimit(outputEnd + FrameEncoder.MAX_HEADER_LENGTH + body.length);
            outputEnd += FrameEncoder.writeFrame(output, outputEnd, FrameFlags.COMMAND, body, 0, body.length);
        }
        if (mechanism.isReady() && phase == Phase.HANDSHAKE) {
            phase = Phase.TRAFFIC;
            codec = mechanism.trafficCodec();
        }
    }

    private boolean onHandshakeFrame(DirectBuffer buffer, int offset, int length, int flags, long at)
        throws ProtocolException {
        try {
            if (!FrameFlags.isCommand(flags)) {
                // RFC 23: messages flow only after the security handshake.
                throw new ProtocolException(ProtocolError.ZMTP_UNEXPECTED_COMMAND,
                    "message frame during the handshake");
            }
            mechanism.receiveCommand(command.wrap(buffer, offset, length));
            pumpMechanism();
        } catch (ProtocolException e) {
            throw e.offset() == ProtocolException.NO_OFFSET ? e.at(at) : e;
        }
        if (phase == Phase.TRAFFIC) {
            // Pause so that receive() resumes with the traffic handler.
            return false;
        }
        return mechanism.authRequest() == null;
    }

    private boolean onTrafficFrame(DirectBuffer buffer, int offset, int length, int flags, long at)
        throws ProtocolException {
        return codec.decode(buffer, offset, length, flags, at, carriedFrames);
    }

    private boolean onCarriedFrame(DirectBuffer buffer, int offset, int length, int flags, long at)
        throws ProtocolException {
        if (!FrameFlags.isCommand(flags)) {
            return handler.onMessageFrame(buffer, offset, length, FrameFlags.isMore(flags));
        }
        try {
            CommandView c = command.wrap(buffer, offset, length);
            if (c.is(CommandNames.PING)) {
                int ttl = Commands.parsePingTtl(c);
                handler.onPing(ttl, buffer, c.dataOffset() + 2, c.dataLength() - 2);
            } else if (c.is(CommandNames.PONG)) {
                Commands.checkPong(c);
                handler.onPong(buffer, c.dataOffset(), c.dataLength());
            } else if (c.is(CommandNames.SUBSCRIBE)) {
                return handler.onSubscription(true, buffer, c.dataOffset(), c.dataLength());
            } else if (c.is(CommandNames.CANCEL)) {
                return handler.onSubscription(false, buffer, c.dataOffset(), c.dataLength());
            } else if (c.is(CommandNames.ERROR)) {
                throw new ProtocolException(ProtocolError.ERROR_RECEIVED, "peer sent ERROR: " + Commands.parseError(c));
            } else if (c.is(CommandNames.READY) || c.is(CommandNames.HELLO) || c.is(CommandNames.WELCOME)
                || c.is(CommandNames.INITIATE)) {
                throw new ProtocolException(ProtocolError.ZMTP_UNEXPECTED_COMMAND,
                    "handshake command " + c.name() + " after the handshake");
            }
            // Other commands are ignored, as libzmq does, so that later revisions can add commands.
        } catch (ProtocolException e) {
            throw e.offset() == ProtocolException.NO_OFFSET ? e.at(at) : e;
        }
        return true;
    }

    /**
     * Writes a subscription change in the form the peer's revision expects: a SUBSCRIBE or CANCEL command for
     * ZMTP 3.1 peers (RFC 37), a message {@code 0x01|0x00 + topic} for 3.0 peers (RFC 23), which do not
     * understand the commands.
     *
     * @param dst destination with {@link #subscriptionLength(int, boolean)} bytes of room
     * @param offset where to write
     * @param subscribe true to subscribe, false to cancel
     * @param topic holds the topic
     * @param topicOffset where it starts
     * @param topicLength its length
     * @return the number of bytes written
     * @throws IllegalStateException before the handshake is complete
     */
    public int writeSubscription(MutableDirectBuffer dst, int offset, boolean subscribe, DirectBuffer topic,
        int topicOffset, int topicLength) {
        ZmtpVersion v = requireVersion();
        if (v.subscriptionsAsCommands()) {
            return Commands.writeSubscription(dst, offset, subscribe, topic, topicOffset, topicLength);
        }
        int h = FrameEncoder.writeHeader(dst, offset, 0, 1L + topicLength);
        dst.putByte(offset + h, (byte) (subscribe ? 1 : 0));
        dst.putBytes(offset + h + 1, topic, topicOffset, topicLength);
        return h + 1 + topicLength;
    }

    /**
     * @param topicLength a topic's length
     * @param subscribe true for a subscription, false for a cancellation
     * @return exactly the bytes {@link #writeSubscription} writes for it
     */
    public int subscriptionLength(int topicLength, boolean subscribe) {
        if (requireVersion().subscriptionsAsCommands()) {
            return Commands.subscriptionFrameLength(topicLength, subscribe);
        }
        return FrameEncoder.headerLength(1L + topicLength) + 1 + topicLength;
    }

    private ZmtpVersion requireVersion() {
        ZmtpVersion v = greeting.version();
        if (v == null || phase != Phase.TRAFFIC) {
            throw new IllegalStateException("the handshake is not complete (phase " + phase + ")");
        }
        return v;
    }
}
