package io.jzmtp.spec.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP forwarder that records every byte each way (clients to the target, the target to clients), to see
 * which wire form a peer chose; optionally it orders the handshake (see {@link Gate}). Test code only.
 */
final class WireTap implements AutoCloseable {
    /** The ZMTP 3.x greeting's length. */
    private static final int GREETING = 64;

    /** Whether one side's READY is held back until the other side's READY has been forwarded. */
    enum Gate {
        /** Forward everything as it comes. */
        NONE,
        /** The client's bytes after its greeting wait until the target's first command (READY) went through. */
        CLIENT_WAITS,
        /** The target's bytes after its greeting wait until the client's first command (READY) went through. */
        TARGET_WAITS
    }

    private final Gate gate;
    private final ServerSocket server;
    private final int targetPort;
    private final ByteArrayOutputStream up = new ByteArrayOutputStream();
    private final ByteArrayOutputStream down = new ByteArrayOutputStream();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param targetPort the loopback port to forward to */
    WireTap(int targetPort) throws IOException {
        this(targetPort, Gate.NONE);
    }

    /**
     * @param targetPort the loopback port to forward to
     * @param gate which side's READY waits for the other's
     */
    WireTap(int targetPort, Gate gate) throws IOException {
        this.gate = gate;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop);
    }

    /** @return the endpoint clients connect to */
    String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** @return every byte clients sent so far */
    byte[] upstream() {
        synchronized (up) {
            return up.toByteArray();
        }
    }

    /** @return every byte the target sent so far */
    byte[] downstream() {
        synchronized (down) {
            return down.toByteArray();
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "wire-tap");
        t.setDaemon(true);
        t.start();
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
                CountDownLatch clientReady = new CountDownLatch(1);
                CountDownLatch targetReady = new CountDownLatch(1);
                start(() -> pump(client, target, up, clientReady, gate == Gate.CLIENT_WAITS ? targetReady : null));
                start(() -> pump(target, client, down, targetReady, gate == Gate.TARGET_WAITS ? clientReady : null));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /**
     * Forwards one direction. Counts down {@code sentReady} once this side's greeting and first frame went through;
     * with {@code waitFor}, holds this side's bytes after its greeting until that latch opens (bounded: 10 s).
     */
    private static void pump(Socket from, Socket to, ByteArrayOutputStream record,
                             CountDownLatch sentReady, CountDownLatch waitFor) {
        byte[] buf = new byte[65536];
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long total = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (record) {
                    record.write(buf, 0, n);
                }
                int off = 0;
                if (waitFor != null && waitFor.getCount() > 0 && total + n > GREETING) {
                    int first = (int) Math.max(0, GREETING - total);
                    out.write(buf, 0, first);
                    out.flush();
                    off = first;
                    if (!waitFor.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("the other side's READY never came");
                    }
                }
                out.write(buf, off, n - off);
                out.flush();
                total += n;
                if (sentReady.getCount() > 0) {
                    head.write(buf, 0, n);
                    byte[] h = head.toByteArray();
                    if (h.length > GREETING + 1 && h.length >= GREETING + 2 + (h[GREETING + 1] & 0xFF)) {
                        sentReady.countDown();
                    }
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** @return true if the needle occurs in the haystack */
    static boolean contains(byte[] haystack, byte[] needle) {
        return count(haystack, needle) > 0;
    }

    /** @return how many times the needle occurs in the haystack (overlapping occurrences counted) */
    static int count(byte[] haystack, byte[] needle) {
        int found = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
