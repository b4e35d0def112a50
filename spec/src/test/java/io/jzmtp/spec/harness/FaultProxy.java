package io.jzmtp.spec.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-test TCP forwarder on loopback that can delay, blackhole, reset or half-close the connections it
 * carries, to test disconnects and reconnects without iptables. Test code only; traffic stays on 127.0.0.1.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does to bytes in flight. */
    public enum Mode {
        /** Forward everything. */
        PASS,
        /** Keep connections open but drop every byte (a silent peer, or a partition). */
        BLACKHOLE
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
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
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
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

    /** @return the number of connections the proxy has accepted and not yet closed. */
    public int openConnections() {
        return (int) sockets.stream().filter(s -> !s.isClosed()).count() / 2;
    }

    /** Resets every carried connection (RST to both sides). */
    public void resetAll() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    /** Half-closes every carried connection: both sides see end of stream, but may still write. */
    public void halfCloseAll() {
        for (Socket s : sockets) {
            try {
                s.shutdownOutput();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket target = new Socket();
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                pump(client, target, "c2t");
                pump(target, client, "t2c");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    long d = delayMillis;
                    if (d > 0) {
                        Thread.sleep(d); // the injected fault itself, not synchronisation
                    }
                    if (mode == Mode.PASS) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "fault-proxy-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
