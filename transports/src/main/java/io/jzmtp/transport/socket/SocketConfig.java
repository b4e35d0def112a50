package io.jzmtp.transport.socket;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import io.jzmtp.transport.engine.EngineConfig;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The transport-level settings of one socket, already validated by the public options builder. Immutable and
 * thread-safe. Times are in nanoseconds; HWMs in messages (0 = unlimited).
 *
 * @param type the socket type
 * @param sendHwm the outbound HWM per peer
 * @param receiveHwm the inbound HWM per peer
 * @param lingerNanos how long pending outbound messages may hold a closing socket's connections open; negative
 *     for no limit
 * @param reconnectIntervalNanos the base reconnect interval; 0 or less disables reconnection
 * @param reconnectIntervalMaxNanos the largest reconnect interval; 0 for a fixed interval
 * @param immediate queue messages only to connections whose handshake is complete
 * @param routingId the routing id announced in the handshake (0 to 255 bytes)
 * @param metadata application metadata (X- properties)
 * @param maxMessageSize the largest inbound frame; negative for no limit
 * @param handshakeTimeoutNanos the handshake deadline; 0 for none
 * @param heartbeatIntervalNanos the PING interval; 0 for none
 * @param heartbeatTimeoutNanos the PING timeout; negative for the interval
 * @param heartbeatTtlNanos the TTL announced in PINGs
 * @param plainServer act as a PLAIN server
 * @param plainUsername the PLAIN username, or null for NULL security (client side)
 * @param plainPassword the PLAIN password
 * @param authenticator answers authentication questions on the server side; may be null
 * @param ipv6 resolve and bind IPv6 as well as IPv4
 * @param tcpKeepalive enable SO_KEEPALIVE on tcp connections
 */
public record SocketConfig(SocketType type, int sendHwm, int receiveHwm, long lingerNanos,
                           long reconnectIntervalNanos, long reconnectIntervalMaxNanos, boolean immediate,
                           byte[] routingId, Metadata metadata, long maxMessageSize, long handshakeTimeoutNanos,
                           long heartbeatIntervalNanos, long heartbeatTimeoutNanos, long heartbeatTtlNanos,
                           boolean plainServer, byte[] plainUsername, byte[] plainPassword,
                           BiFunction<AuthRequest, String, AuthResult> authenticator, boolean ipv6,
                           boolean tcpKeepalive) {
    /** libzmq's default HWM. */
    public static final int DEFAULT_HWM = 1000;
    /**
     * The default linger: 1 s. libzmq waits forever by default, which makes closing a context hang whenever a peer is
     * gone; one second flushes what a live peer can take and bounds the wait when it cannot.
     */
    public static final long DEFAULT_LINGER_NANOS = 1_000_000_000L;
    /** libzmq's default reconnect interval: 100 ms. */
    public static final long DEFAULT_RECONNECT_NANOS = 100_000_000L;

    /**
     * Validates what the builder cannot.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public SocketConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(routingId, "routingId");
        Objects.requireNonNull(metadata, "metadata");
        if (sendHwm < 0 || receiveHwm < 0) {
            throw new IllegalArgumentException("HWM " + sendHwm + "/" + receiveHwm + ": expected 0 or more");
        }
    }

    /**
     * @param type the socket type
     * @return libzmq's defaults, except the linger (see {@link #DEFAULT_LINGER_NANOS})
     */
    public static SocketConfig defaults(SocketType type) {
        return new SocketConfig(type, DEFAULT_HWM, DEFAULT_HWM, DEFAULT_LINGER_NANOS, DEFAULT_RECONNECT_NANOS, 0,
            false, new byte[0], Metadata.EMPTY, -1, EngineConfig.DEFAULT_HANDSHAKE_TIMEOUT_NANOS, 0, -1, 0,
            false, null, null, null, false, false);
    }

    /** @return the engine settings these options imply. */
    public EngineConfig engineConfig() {
        HandshakeConfig hs = new HandshakeConfig(type, routingId, metadata);
        java.util.function.Supplier<Mechanism> mechanisms;
        if (plainServer) {
            mechanisms = () -> new PlainServerMechanism(hs);
        } else if (plainUsername != null) {
            byte[] user = plainUsername.clone();
            byte[] pass = plainPassword == null ? new byte[0] : plainPassword.clone();
            mechanisms = () -> new PlainClientMechanism(hs, user, pass);
        } else {
            mechanisms = () -> new NullMechanism(hs, false);
        }
        return new EngineConfig(mechanisms, authenticator, maxMessageSize, handshakeTimeoutNanos,
            heartbeatIntervalNanos, heartbeatTimeoutNanos, heartbeatTtlNanos, routingId.length + 1L,
            type == SocketType.SUB || type == SocketType.XSUB);
    }
}
