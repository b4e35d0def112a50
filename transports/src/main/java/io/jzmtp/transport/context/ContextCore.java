package io.jzmtp.transport.context;

import io.jzmtp.core.ContextClosedException;
import io.jzmtp.transport.io.IoIdleStrategy;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.io.IoThreadGroup;
import io.jzmtp.transport.socket.SocketConfig;
import io.jzmtp.transport.socket.SocketCore;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.NanoClock;

/**
 * The shared part of a context: its I/O threads, its transports (with the inproc registry), its clock and its open
 * sockets. Thread-safe.
 */
public final class ContextCore implements AutoCloseable {
    private final IoThreadGroup io;
    private final NanoClock clock;
    private final IoIdleStrategy idle;
    private final Transports transports;
    private final Set<SocketCore> sockets = ConcurrentHashMap.newKeySet();
    private final Resources resources = new Resources();
    private volatile boolean closed;

    /**
     * Starts the I/O threads.
     *
     * @param ioThreads how many, 1 or more
     * @param idle what an idle I/O thread does
     * @param clock the clock for every timer and deadline
     * @throws IllegalArgumentException if {@code ioThreads} is below 1
     */
    public ContextCore(int ioThreads, IoIdleStrategy idle, NanoClock clock) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("I/O threads " + ioThreads + ": expected 1 or more");
        }
        this.clock = clock;
        this.idle = Objects.requireNonNull(idle, "idle");
        this.io = IoThreadGroup.start(ioThreads, idle, clock);
        this.transports = new Transports(this);
    }

    /** @return the clock. */
    public NanoClock clock() {
        return clock;
    }

    /** @return what idle I/O threads do; sockets wait the same way (park, or spin) */
    public IoIdleStrategy idleStrategy() {
        return idle;
    }

    /** @return the next I/O thread, round-robin. */
    public IoThread nextIoThread() {
        return io.next();
    }

    /** @return the transports. */
    public Transports transports() {
        return transports;
    }

    /** @return the live listeners and connection sessions, for lingering at close. */
    public Resources resources() {
        return resources;
    }

    /** @return true once closing began. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Registers a new socket.
     *
     * @param socket the socket
     * @throws io.jzmtp.core.ContextClosedException if the context is closed
     */
    public void register(SocketCore socket) {
        if (closed) {
            throw new ContextClosedException();
        }
        sockets.add(socket);
    }

    /** @param socket a socket that closed */
    public void unregister(SocketCore socket) {
        sockets.remove(socket);
    }

    /** @return the number of open sockets. */
    public int openSockets() {
        return sockets.size();
    }

    /**
     * Closes the context: wakes every thread blocked in one of its sockets (they get a
     * {@link io.jzmtp.core.ContextClosedException}), lets connections send what is queued for at most the given
     * linger, then stops the I/O threads, which closes every channel. Any thread; blocks for at most the linger
     * plus the I/O threads' shutdown.
     *
     * @param lingerNanos how long queued messages may delay the close; negative waits without limit
     */
    public void close(long lingerNanos) {
        if (closed) {
            return;
        }
        closed = true;
        for (SocketCore s : sockets) {
            s.wake();
        }
        resources.closeAll(clock, lingerNanos);
        io.close();
        transports.cleanUp();
        // Sockets left open end their monitors too, so that a thread consuming one is not left waiting.
        for (SocketCore s : sockets) {
            s.stopMonitor("the context closed");
        }
    }

    @Override
    public void close() {
        close(SocketConfig.DEFAULT_LINGER_NANOS);
    }
}
