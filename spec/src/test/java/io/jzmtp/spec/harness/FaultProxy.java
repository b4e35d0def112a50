package io.jzmtp.spec.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test TCP forwarder on loopback that can delay, blackhole, reset or half-close the connections it
 * carries, to test disconnects and reconnects without iptables. Test code only; it listens on and connects to
 * 127.0.0.1 only, and {@link #close()} stops (and joins) every thread it started.
 *
 * <p>Semantics chosen to stay faithful to TCP:
 * <ul>
 *   <li>A connection that lost bytes to {@link Mode#BLACKHOLE} stays blackholed in both directions for good: TCP
 *       never delivers later bytes without the earlier ones, so resuming {@link Mode#PASS} only helps connections
 *       made (or idle) afterwards. This models a partition and never corrupts a stream.</li>
 *   <li>When the target refuses a connection, the client's connection is closed at once (as a refused connect
 *       would end), instead of being left open and silent.</li>
 *   <li>End of stream is forwarded as a half-close; a connection is closed when both directions have ended.</li>
 * </ul>
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does to bytes in flight. */
    public enum Mode {
        /** Forward everything. */
        PASS,
        /** Keep connections open but drop every byte (a silent peer, or a partition). */
        BLACKHOLE
    }

    private static final long JOIN_MILLIS = 5_000;

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMillis;
    private volatile boolean closed;

    /**
     * Starts a proxy that forwards to a local port.
     *
     * @param targetPort the port on 127.0.0.1 to forward to
     * @throws IOException if the proxy cannot listen
     */
    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop, "fault-proxy-accept");
    }

    /** @return the port clients should connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** @param mode what to do with bytes from now on */
    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** @param millis delay added before forwarding each chunk */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** @return the number of client connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** @return the number of carried connections not yet closed. */
    public int openConnections() {
        return links.size();
    }

    /** Resets every carried connection (RST to both sides). */
    public void resetAll() {
        for (Link l : links) {
            l.reset();
        }
    }

    /** Half-closes every carried connection: both sides see end of stream, but may still write. */
    public void halfCloseAll() {
        for (Link l : links) {
            l.halfClose();
        }
    }

    private void start(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            Socket target = new Socket();
            try {
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(target);
                closeQuietly(client);
                continue;
            }
            Link l = new Link(client, target);
            links.add(l);
            if (closed) {
                l.close();
                return;
            }
            start(() -> l.pump(client, target), "fault-proxy-c2t");
            start(() -> l.pump(target, client), "fault-proxy-t2c");
        }
    }

    /** One carried connection: the client's socket and ours to the target. */
    private final class Link {
        private final Socket client;
        private final Socket target;
        private final AtomicInteger ended = new AtomicInteger();
        private volatile boolean blackholed;

        Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void pump(Socket from, Socket to) {
            byte[] buf = new byte[65536];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    long d = delayMillis;
                    if (d > 0) {
                        Thread.sleep(d); // the injected fault itself, not synchronisation
                    }
                    if (mode == Mode.BLACKHOLE) {
                        blackholed = true;
                    }
                    if (!blackholed) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
                if (!blackholed) {
                    shutdownOutputQuietly(to);
                }
            } catch (IOException e) {
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            } finally {
                if (ended.incrementAndGet() == 2) {
                    close();
                }
            }
        }

        void reset() {
            try {
                client.setSoLinger(true, 0);
                target.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // already gone: closing is all that is left
            }
            close();
        }

        void halfClose() {
            shutdownOutputQuietly(client);
            shutdownOutputQuietly(target);
        }

        void close() {
            closeQuietly(client);
            closeQuietly(target);
            links.remove(this);
        }
    }

    private static void shutdownOutputQuietly(Socket s) {
        try {
            if (!s.isClosed() && !s.isOutputShutdown()) {
                s.shutdownOutput();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Stops accepting, closes every carried connection and waits (bounded) for the proxy's threads to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        // The acceptor first: once it has ended, no link or thread can be added behind our back.
        join(threads.get(0), deadline);
        for (Link l : links) {
            l.close();
        }
        for (Thread t : threads) {
            join(t, deadline);
        }
    }

    private static void join(Thread t, long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        try {
            t.join(Math.max(1, left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the fault proxy", e);
        }
        if (t.isAlive()) {
            throw new IllegalStateException("fault proxy thread " + t.getName() + " did not stop");
        }
    }
}
