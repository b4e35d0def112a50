package io.jzmtp.spec.harness;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A peer that speaks exact bytes over a plain blocking {@link Socket}, for tests of the engine against
 * hand-made wire input. Every read has a deadline. Test code only.
 */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a listening endpoint.
     *
     * @param host the host
     * @param port the port
     * @return the peer
     * @throws IOException if the connection fails
     */
    public static RawPeer connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 5_000);
        return new RawPeer(s);
    }

    /**
     * Accepts one connection on a server socket (for connect-side tests).
     *
     * @param server the listening socket
     * @param timeout how long to wait
     * @return the peer
     * @throws IOException if nothing connects in time
     */
    public static RawPeer accept(ServerSocket server, Duration timeout) throws IOException {
        server.setSoTimeout((int) timeout.toMillis());
        return new RawPeer(server.accept());
    }

    /**
     * Sends bytes.
     *
     * @param bytes the bytes
     * @throws IOException if the connection is broken
     */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many
     * @param timeout the deadline for all of them
     * @return the bytes
     * @throws IOException on timeout ({@link SocketTimeoutException}), end of stream ({@link EOFException}) or
     *     error
     */
    public byte[] read(int n, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream got = new ByteArrayOutputStream(n);
        byte[] buf = new byte[Math.max(1, Math.min(n, 65536))];
        while (got.size() < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("read " + got.size() + " of " + n + " bytes before the deadline");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int r = in.read(buf, 0, Math.min(buf.length, n - got.size()));
            if (r < 0) {
                throw new EOFException("peer closed after " + got.size() + " of " + n + " bytes");
            }
            got.write(buf, 0, r);
        }
        return got.toByteArray();
    }

    /**
     * Waits until the other side closes the connection, discarding whatever it sends first.
     *
     * @param timeout the deadline
     * @return true if the connection was closed (end of stream or reset) within the deadline
     * @throws IOException on an unexpected error
     */
    public boolean awaitClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
