package io.jzmtp;

import io.jzmtp.transport.context.ContextCore;
import io.jzmtp.transport.io.IoIdleStrategy;
import io.jzmtp.transport.socket.SocketConfig;
import java.time.Duration;
import org.agrona.concurrent.SystemNanoClock;

/**
 * A jzmtp context: the I/O threads and inproc names that its sockets share. Thread-safe; create sockets from any
 * thread. Closing it wakes every thread blocked in one of its sockets with a
 * {@link io.jzmtp.core.ContextClosedException}, lets connections send queued messages for at most the linger, and
 * leaves no thread, file descriptor or ipc file behind.
 *
 * <pre>{@code
 * try (Context ctx = Context.create();
 *      PushSocket push = ctx.push();
 *      PullSocket pull = ctx.pull()) {
 *     String endpoint = pull.bind("tcp://127.0.0.1:*");
 *     push.connect(endpoint);
 *     push.send("hello");
 *     String text = pull.receiveString();
 * }
 * }</pre>
 */
public final class Context implements AutoCloseable {
    private final ContextCore core;

    private Context(Builder b) {
        this.core = new ContextCore(b.ioThreads,
            b.idle == IdleStrategy.BUSY_SPIN ? IoIdleStrategy.BUSY_SPIN : IoIdleStrategy.BLOCKING,
            SystemNanoClock.INSTANCE);
    }

    /** @return a context with one I/O thread that blocks when idle. Starts a thread; allocates. */
    public static Context create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    ContextCore core() {
        return core;
    }

    /** @return a PAIR socket with default options */
    public PairSocket pair() {
        return pair(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a PAIR socket */
    public PairSocket pair(SocketOptions options) {
        return new PairSocket(this, options);
    }

    /** @return a PUSH socket with default options */
    public PushSocket push() {
        return push(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a PUSH socket */
    public PushSocket push(SocketOptions options) {
        return new PushSocket(this, options);
    }

    /** @return a PULL socket with default options */
    public PullSocket pull() {
        return pull(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a PULL socket */
    public PullSocket pull(SocketOptions options) {
        return new PullSocket(this, options);
    }

    /** @return a DEALER socket with default options */
    public DealerSocket dealer() {
        return dealer(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a DEALER socket */
    public DealerSocket dealer(SocketOptions options) {
        return new DealerSocket(this, options);
    }

    /** @return a ROUTER socket with default options */
    public RouterSocket router() {
        return router(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a ROUTER socket */
    public RouterSocket router(SocketOptions options) {
        return new RouterSocket(this, options);
    }

    /** @return a REQ socket with default options */
    public ReqSocket req() {
        return req(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a REQ socket */
    public ReqSocket req(SocketOptions options) {
        return new ReqSocket(this, options);
    }

    /** @return a REP socket with default options */
    public RepSocket rep() {
        return rep(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a REP socket */
    public RepSocket rep(SocketOptions options) {
        return new RepSocket(this, options);
    }

    /** @return a PUB socket with default options */
    public PubSocket pub() {
        return pub(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a PUB socket */
    public PubSocket pub(SocketOptions options) {
        return new PubSocket(this, options);
    }

    /** @return a SUB socket with default options */
    public SubSocket sub() {
        return sub(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a SUB socket */
    public SubSocket sub(SocketOptions options) {
        return new SubSocket(this, options);
    }

    /** @return a XSUB socket with default options */
    public XSubSocket xsub() {
        return xsub(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a XSUB socket */
    public XSubSocket xsub(SocketOptions options) {
        return new XSubSocket(this, options);
    }

    /** @return an XPUB socket with default options */
    public XPubSocket xpub() {
        return xpub(SocketOptions.DEFAULTS, XPubOptions.DEFAULTS);
    }

    /**
     * @param options the socket's options
     * @param xpub the XPUB-specific options
     * @return an XPUB socket
     */
    public XPubSocket xpub(SocketOptions options, XPubOptions xpub) {
        return new XPubSocket(this, options, xpub);
    }

    /** @return a STREAM socket (raw TCP) with default options */
    public StreamSocket stream() {
        return stream(SocketOptions.DEFAULTS);
    }

    /** @param options the socket's options @return a STREAM socket (raw TCP) */
    public StreamSocket stream(SocketOptions options) {
        return new StreamSocket(this, options);
    }

    /**
     * Creates a socket of a type chosen at run time, for configuration-driven code; cast it to {@link Sender} or
     * {@link Receiver} (or its class) to use it.
     *
     * @param type the type
     * @param options the socket's options
     * @return the socket
     * @throws IllegalArgumentException for a type jzmtp does not provide (the draft types, for now)
     */
    public ZSocket socket(io.jzmtp.core.SocketType type, SocketOptions options) {
        switch (type) {
            case PAIR: return pair(options);
            case PUB: return pub(options);
            case SUB: return sub(options);
            case REQ: return req(options);
            case REP: return rep(options);
            case DEALER: return dealer(options);
            case ROUTER: return router(options);
            case PULL: return pull(options);
            case PUSH: return push(options);
            case XPUB: return xpub(options, XPubOptions.DEFAULTS);
            case XSUB: return xsub(options);
            case STREAM: return stream(options);
            default:
                throw new IllegalArgumentException("socket type " + type
                    + ": expected PAIR, PUB, SUB, REQ, REP, DEALER, ROUTER, PULL, PUSH, XPUB, XSUB or STREAM");
        }
    }

    /**
     * @param type the type
     * @return a socket of that type with default options; see {@link #socket(io.jzmtp.core.SocketType, SocketOptions)}
     */
    public ZSocket socket(io.jzmtp.core.SocketType type) {
        return socket(type, SocketOptions.DEFAULTS);
    }

    /** @return the number of sockets not yet closed */
    public int openSockets() {
        return core.openSockets();
    }

    /**
     * Closes the context with the default linger of 1 second. Blocks for at most about that long.
     */
    @Override
    public void close() {
        core.close(SocketConfig.DEFAULT_LINGER_NANOS);
    }

    /**
     * Closes the context.
     *
     * @param linger how long connections may keep sending queued messages; null waits without limit
     */
    public void close(Duration linger) {
        core.close(linger == null ? -1 : linger.toNanos());
    }

    /** Builds a {@link Context}. Not thread-safe. */
    public static final class Builder {
        private int ioThreads = 1;
        private IdleStrategy idle = IdleStrategy.BLOCKING;

        private Builder() {
        }

        /** @param n the number of I/O threads, 1 to 64 (default 1) @return this */
        public Builder ioThreads(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("I/O threads " + n + ": expected 1 to 64");
            }
            this.ioThreads = n;
            return this;
        }

        /**
         * @param idle what idle I/O threads do, and how threads wait in this context's sockets (default
         *     {@link IdleStrategy#BLOCKING})
         * @return this
         */
        public Builder idleStrategy(IdleStrategy idle) {
            this.idle = java.util.Objects.requireNonNull(idle, "idle");
            return this;
        }

        /** @return the context, with its I/O threads started */
        public Context build() {
            return new Context(this);
        }
    }
}
