package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.AuthResult;
import io.jzmtp.transport.socket.SocketConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A socket's options, validated once when built. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p>Defaults follow libzmq except the linger, which is 1 second rather than forever (see
 * {@link Builder#linger(Duration)}).
 */
public final class SocketOptions {
    /** libzmq's defaults. */
    public static final SocketOptions DEFAULTS = builder().build();

    private final Builder b;

    private SocketOptions(Builder b) {
        this.b = b.copy();
    }

    /** @return a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options. */
    public Builder toBuilder() {
        return b.copy();
    }

    /** @return the send high-water mark, in messages per peer (0 = unlimited). */
    public int sendHwm() {
        return b.sendHwm;
    }

    /** @return the receive high-water mark, in messages per peer (0 = unlimited). */
    public int receiveHwm() {
        return b.receiveHwm;
    }

    /** @return the linger, or null for "forever". */
    public Duration linger() {
        return b.linger;
    }

    /** @return the timeout of a plain {@code send(Message)}, or null to wait as long as it takes */
    public Duration sendTimeout() {
        return b.sendTimeout;
    }

    /** @return the timeout of a plain {@code receive()}, or null to wait as long as it takes */
    public Duration receiveTimeout() {
        return b.receiveTimeout;
    }

    /** @return true if receiving returns only the newest queued message */
    public boolean conflate() {
        return b.conflate;
    }

    /** @return true if tcp connections use SO_KEEPALIVE */
    public boolean tcpKeepalive() {
        return b.tcpKeepalive;
    }

    /** @return true if a ROUTER reports unroutable messages instead of dropping them */
    public boolean routerMandatory() {
        return b.routerMandatory;
    }

    /** @return true if a ROUTER hands a routing id over to a new peer that claims it */
    public boolean routerHandover() {
        return b.routerHandover;
    }

    /** @return true if the socket sends an empty message on each new connection */
    public boolean probeRouter() {
        return b.probeRouter;
    }

    /** @return true if a REQ may send a new request before the reply to the last one */
    public boolean reqRelaxed() {
        return b.reqRelaxed;
    }

    /** @return true if a REQ tags requests with an id and accepts only the matching reply */
    public boolean reqCorrelate() {
        return b.reqCorrelate;
    }

    /**
     * The transport-level settings for a socket of the given type.
     *
     * @param type the socket type
     * @return the settings
     */
    SocketConfig toConfig(SocketType type) {
        return new SocketConfig(type, b.conflate ? 1 : b.sendHwm, b.receiveHwm, nanos(b.linger, -1),
            nanos(b.reconnectInterval, -1), nanos(b.reconnectIntervalMax, 0), b.immediate, b.routingId.clone(),
            b.metadata.build(), b.maxMessageSize, nanos(b.handshakeTimeout, 0), nanos(b.heartbeatInterval, 0),
            nanos(b.heartbeatTimeout, -1), nanos(b.heartbeatTtl, 0), b.plainServer, b.plainUsername,
            b.plainPassword, b.authenticator, b.ipv6, b.tcpKeepalive);
    }

    private static long nanos(Duration d, long ifNull) {
        if (d == null) {
            return ifNull;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Builds {@link SocketOptions}. Each setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private int sendHwm = SocketConfig.DEFAULT_HWM;
        private int receiveHwm = SocketConfig.DEFAULT_HWM;
        private Duration linger = Duration.ofNanos(SocketConfig.DEFAULT_LINGER_NANOS);
        private Duration reconnectInterval = Duration.ofNanos(SocketConfig.DEFAULT_RECONNECT_NANOS);
        private Duration reconnectIntervalMax;
        private boolean immediate;
        private byte[] routingId = new byte[0];
        private Metadata.Builder metadata = Metadata.builder();
        private long maxMessageSize = -1;
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private Duration heartbeatInterval;
        private Duration heartbeatTimeout;
        private Duration heartbeatTtl;
        private boolean plainServer;
        private byte[] plainUsername;
        private byte[] plainPassword;
        private BiFunction<AuthRequest, String, AuthResult> authenticator;
        private boolean ipv6;
        private boolean routerMandatory;
        private boolean routerHandover;
        private boolean probeRouter;
        private boolean reqRelaxed;
        private boolean reqCorrelate;
        private boolean tcpKeepalive;
        private boolean conflate;
        private Duration sendTimeout;
        private Duration receiveTimeout;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.sendHwm = sendHwm;
            c.receiveHwm = receiveHwm;
            c.linger = linger;
            c.reconnectInterval = reconnectInterval;
            c.reconnectIntervalMax = reconnectIntervalMax;
            c.immediate = immediate;
            c.routingId = routingId.clone();
            c.metadata = Metadata.builder().putAll(metadata.build());
            c.maxMessageSize = maxMessageSize;
            c.handshakeTimeout = handshakeTimeout;
            c.heartbeatInterval = heartbeatInterval;
            c.heartbeatTimeout = heartbeatTimeout;
            c.heartbeatTtl = heartbeatTtl;
            c.plainServer = plainServer;
            c.plainUsername = plainUsername;
            c.plainPassword = plainPassword;
            c.authenticator = authenticator;
            c.ipv6 = ipv6;
            c.routerMandatory = routerMandatory;
            c.routerHandover = routerHandover;
            c.probeRouter = probeRouter;
            c.reqRelaxed = reqRelaxed;
            c.reqCorrelate = reqCorrelate;
            c.tcpKeepalive = tcpKeepalive;
            c.conflate = conflate;
            c.sendTimeout = sendTimeout;
            c.receiveTimeout = receiveTimeout;
            return c;
        }

        private static int hwm(String name, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " " + value + ": expected 0 (unlimited) or more messages");
            }
            return value;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " " + d + ": expected a positive duration");
            }
            return d;
        }

        /** @param messages per peer, 0 for unlimited (libzmq default 1000) @return this */
        public Builder sendHwm(int messages) {
            sendHwm = hwm("send HWM", messages);
            return this;
        }

        /** @param messages per peer, 0 for unlimited (libzmq default 1000) @return this */
        public Builder receiveHwm(int messages) {
            receiveHwm = hwm("receive HWM", messages);
            return this;
        }

        /**
         * How long closing the socket (or its context) may wait to send queued messages. Default 1 second: libzmq
         * waits forever, which makes a close hang whenever a peer is gone.
         *
         * @param linger zero or more; null waits forever
         * @return this
         */
        public Builder linger(Duration linger) {
            if (linger != null && linger.isNegative()) {
                throw new IllegalArgumentException("linger " + linger + ": expected zero or more, or null for forever");
            }
            this.linger = linger;
            return this;
        }

        /** @param interval the base reconnect interval; null disables reconnection @return this */
        public Builder reconnectInterval(Duration interval) {
            this.reconnectInterval = interval == null ? null : positive("reconnect interval", interval);
            return this;
        }

        /** @param max the largest reconnect interval (exponential back-off up to it); null for fixed @return this */
        public Builder reconnectIntervalMax(Duration max) {
            this.reconnectIntervalMax = max == null ? null : positive("reconnect interval maximum", max);
            return this;
        }

        /** @param immediate queue messages only to completed connections @return this */
        public Builder immediate(boolean immediate) {
            this.immediate = immediate;
            return this;
        }

        /**
         * @param id 1 to 255 bytes, not starting with 0x00 (RFC 37: ids starting with zero are reserved)
         * @return this
         */
        public Builder routingId(byte[] id) {
            Objects.requireNonNull(id, "routing id");
            if (id.length < 1 || id.length > 255 || id[0] == 0) {
                throw new IllegalArgumentException("routing id of " + id.length + " bytes" + (id.length > 0
                    && id[0] == 0 ? " starting with 0x00" : "") + ": expected 1 to 255 bytes not starting with 0x00");
            }
            this.routingId = id.clone();
            return this;
        }

        /** @param id a routing id as UTF-8 text @return this */
        public Builder routingId(String id) {
            return routingId(id.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param name a property name starting with {@code X-} (RFC 23 reserves those for applications)
         * @param value its value
         * @return this
         */
        public Builder metadata(String name, String value) {
            if (!name.regionMatches(true, 0, "X-", 0, 2)) {
                throw new IllegalArgumentException("metadata name '" + name + "': expected a name starting with X-");
            }
            metadata.put(name, value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** @param bytes the largest inbound frame; a peer sending more is disconnected; -1 for no limit @return this */
        public Builder maxMessageSize(long bytes) {
            if (bytes < -1 || bytes > io.jzmtp.core.frame.FrameDecoder.MAX_FRAME_SIZE_LIMIT) {
                throw new IllegalArgumentException("maximum message size " + bytes + ": expected -1 (no limit) or 0 to "
                    + io.jzmtp.core.frame.FrameDecoder.MAX_FRAME_SIZE_LIMIT);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** @param timeout how long a greeting and handshake may take; null for no limit (default 30 s) @return this */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout == null ? null : positive("handshake timeout", timeout);
            return this;
        }

        /** @param interval send a PING this often (ZMTP 3.1 heartbeats); null disables @return this */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval == null ? null : positive("heartbeat interval", interval);
            return this;
        }

        /** @param timeout close if nothing arrives this long after a PING; null means the interval @return this */
        public Builder heartbeatTimeout(Duration timeout) {
            this.heartbeatTimeout = timeout == null ? null : positive("heartbeat timeout", timeout);
            return this;
        }

        /** @param ttl the TTL announced in PINGs (whole deciseconds, at most 6553.5 s) @return this */
        public Builder heartbeatTtl(Duration ttl) {
            if (ttl != null && (ttl.isNegative() || ttl.toMillis() > 6_553_500)) {
                throw new IllegalArgumentException("heartbeat TTL " + ttl + ": expected 0 to 6553.5 seconds");
            }
            this.heartbeatTtl = ttl;
            return this;
        }

        /**
         * Makes the socket a PLAIN server (RFC 24) that asks the authenticator about each client.
         *
         * @param authenticator given the request and the client's address, decides; must not block for long
         * @return this
         */
        public Builder plainServer(BiFunction<AuthRequest, String, AuthResult> authenticator) {
            this.plainServer = true;
            this.plainUsername = null;
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Makes the socket a PLAIN client (RFC 24) with these credentials.
         *
         * @param username up to 255 bytes of UTF-8
         * @param password up to 255 bytes of UTF-8
         * @return this
         */
        public Builder plainClient(String username, String password) {
            byte[] u = username.getBytes(StandardCharsets.UTF_8);
            byte[] p = password.getBytes(StandardCharsets.UTF_8);
            if (u.length > 255 || p.length > 255) {
                throw new IllegalArgumentException("PLAIN username of " + u.length + " and password of " + p.length
                    + " bytes: expected at most 255 bytes each");
            }
            this.plainServer = false;
            this.plainUsername = u;
            this.plainPassword = p;
            return this;
        }

        /** @param ipv6 resolve and bind IPv6 addresses too @return this */
        public Builder ipv6(boolean ipv6) {
            this.ipv6 = ipv6;
            return this;
        }

        /**
         * ROUTER: report a message to an unknown peer with {@link HostUnreachableException}, and treat a peer at its
         * HWM as back-pressure, instead of dropping silently (the default).
         *
         * @param on the setting
         * @return this
         */
        public Builder routerMandatory(boolean on) {
            this.routerMandatory = on;
            return this;
        }

        /** @param on ROUTER: a new peer claiming a routing id in use takes it over (the old peer is dropped) @return this */
        public Builder routerHandover(boolean on) {
            this.routerHandover = on;
            return this;
        }

        /** @param on ROUTER, DEALER, REQ: send an empty message to each new peer (a probe) @return this */
        public Builder probeRouter(boolean on) {
            this.probeRouter = on;
            return this;
        }

        /** @param on REQ: allow a new request before the previous reply; the older reply is then dropped @return this */
        public Builder reqRelaxed(boolean on) {
            this.reqRelaxed = on;
            return this;
        }

        /** @param on REQ: prefix each request with a request id and accept only the matching reply @return this */
        public Builder reqCorrelate(boolean on) {
            this.reqCorrelate = on;
            return this;
        }

        /**
         * How long a plain {@code send(Message)} waits for room before returning false (libzmq's SNDTIMEO).
         *
         * @param timeout zero or more; null (the default) waits as long as it takes
         * @return this
         */
        public Builder sendTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("send timeout " + timeout + ": expected zero or more, or null");
            }
            this.sendTimeout = timeout;
            return this;
        }

        /**
         * How long a plain {@code receive()} waits before returning null (libzmq's RCVTIMEO).
         *
         * @param timeout zero or more; null (the default) waits as long as it takes
         * @return this
         */
        public Builder receiveTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("receive timeout " + timeout + ": expected zero or more, or null");
            }
            this.receiveTimeout = timeout;
            return this;
        }

        /** @param on enable TCP keepalive (SO_KEEPALIVE) on tcp connections @return this */
        public Builder tcpKeepalive(boolean on) {
            this.tcpKeepalive = on;
            return this;
        }

        /**
         * Keep only the newest message (for state updates where only the latest value matters). Receiving: a receive
         * takes everything queued and returns the last one. Sending (PUB, XPUB, PUSH, DEALER): the pipe to a peer
         * holds one message, a send never waits, and a message that cannot be queued yet replaces the one waiting
         * for room, so the newest is what goes out next (once there is room, at the socket's next call).
         *
         * @param on the setting
         * @return this
         */
        public Builder conflate(boolean on) {
            this.conflate = on;
            return this;
        }

        /** @return the options */
        public SocketOptions build() {
            return new SocketOptions(this);
        }
    }
}
