package io.jzmtp.core.mechanism;

import io.jzmtp.core.AuthResult;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.Metadata;

/**
 * A ZMTP security mechanism's handshake, as a pure state machine: commands in, commands out (RFC 23, "Security
 * Mechanisms"; RFC 24 PLAIN; RFC 25 CURVE).
 *
 * <p>The caller (a connection) alternates {@link #nextCommand()} until it returns null, sends those command
 * bodies as command frames, and feeds each inbound command frame to {@link #receiveCommand}. When the
 * mechanism needs an authentication decision it exposes an {@link AuthRequest}; the caller obtains an
 * {@link AuthResult} (from ZAP, RFC 27, or a local authenticator), possibly later, and passes it to
 * {@link #authenticated}. Once {@link #isReady()} the handshake is over and traffic flows through
 * {@link #trafficCodec()}.
 *
 * <p>Failures are {@link ProtocolException}s. One that carries an {@link ProtocolException#errorReply()} must
 * be answered with an ERROR command carrying that reason before the connection closes (RFC 23: a peer that
 * rejects the other "SHOULD ... send an ERROR command").
 *
 * <p>Not thread-safe: one owner (the connection's I/O thread). Control path: methods may allocate.
 */
public interface Mechanism {
    /** @return the name sent in the greeting, such as "NULL". */
    String name();

    /** @return the as-server flag sent in the greeting (never checked on receipt; see RFC 23 and libzmq). */
    boolean asServer();

    /**
     * The next handshake command to send.
     *
     * @return a command body ({@code name-size name data}), or null if nothing is to be sent now
     * @throws ProtocolException if the handshake cannot proceed
     */
    byte[] nextCommand() throws ProtocolException;

    /**
     * Consumes one inbound command frame of the handshake.
     *
     * @param command the command, already checked for form by {@link CommandView#wrap}
     * @throws ProtocolException if the command is unexpected, malformed, or rejects us
     */
    void receiveCommand(CommandView command) throws ProtocolException;

    /** @return the pending authentication question, or null if none is pending. */
    AuthRequest authRequest();

    /**
     * Answers the pending authentication question.
     *
     * @param result the decision
     * @throws ProtocolException with {@link io.jzmtp.core.ProtocolError#AUTHENTICATION_FAILED} (and an ERROR
     *     reply) if the peer was refused
     * @throws IllegalStateException if no question is pending
     */
    void authenticated(AuthResult result) throws ProtocolException;

    /** @return true once the peer's metadata is accepted and all our handshake commands have been produced. */
    boolean isReady();

    /** @return the peer's metadata, or null before it arrived. */
    Metadata peerMetadata();

    /** @return the user id that authentication assigned to the peer, or null. */
    String userId();

    /**
     * How message and command frames travel once the handshake is over: as they are (NULL, PLAIN), or wrapped
     * (CURVE's MESSAGE commands).
     *
     * @return the codec; {@link TrafficCodec#PLAINTEXT} for clear-text mechanisms
     */
    default TrafficCodec trafficCodec() {
        return TrafficCodec.PLAINTEXT;
    }
}
