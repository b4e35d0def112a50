package io.jzmtp.transport.engine;

import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.Mechanism;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What an engine needs to know: the mechanism for each new connection, limits and timers. Immutable and
 * thread-safe.
 *
 * @param mechanisms makes a fresh mechanism for each connection
 * @param authenticator answers a server mechanism's authentication question, given the request and the peer's
 *     address; null refuses every request that arises (a PLAIN server without one cannot accept anybody)
 * @param maxMessageSize the largest frame accepted, in bytes; negative for no limit but the JVM's
 * @param handshakeTimeoutNanos how long the greeting and handshake may take; 0 for no limit
 * @param heartbeatIntervalNanos PING interval; 0 disables heartbeats
 * @param heartbeatTimeoutNanos how long to wait for traffic after a PING; negative means "the interval"
 * @param heartbeatTtlNanos the TTL announced in PINGs
 * @param greetingPadding the value of the greeting's padding octets (routing-id length + 1)
 * @param subscriptionCommands send one-frame messages starting with 0x01/0x00 (a SUB's or XSUB's subscriptions) as
 *     SUBSCRIBE/CANCEL commands to ZMTP 3.1 peers (RFC 37), and as messages to 3.0 peers
 */
public record EngineConfig(Supplier<Mechanism> mechanisms,
                           BiFunction<AuthRequest, String, AuthResult> authenticator,
                           long maxMessageSize,
                           long handshakeTimeoutNanos,
                           long heartbeatIntervalNanos,
                           long heartbeatTimeoutNanos,
                           long heartbeatTtlNanos,
                           long greetingPadding,
                           boolean subscriptionCommands) {
    /** The default handshake timeout: 30 s, as libzmq's {@code ZMQ_HANDSHAKE_IVL}. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_NANOS = 30_000_000_000L;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public EngineConfig {
        Objects.requireNonNull(mechanisms, "mechanisms");
        if (handshakeTimeoutNanos < 0) {
            throw new IllegalArgumentException("handshake timeout " + handshakeTimeoutNanos + " ns: expected 0 or more");
        }
        if (heartbeatIntervalNanos < 0 || heartbeatTtlNanos < 0) {
            throw new IllegalArgumentException("heartbeat interval " + heartbeatIntervalNanos + " ns and TTL "
                + heartbeatTtlNanos + " ns: expected 0 or more");
        }
    }
}
