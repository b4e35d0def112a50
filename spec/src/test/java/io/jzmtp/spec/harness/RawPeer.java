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
 * hand-made wire input. Every read has a deadline. Test code only; one thread at a time.
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
        try {
            s.connect(new InetSocketAddress(host, port), 5_000);
            return new RawPeer(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Accepts one connection on a server socket (for connect-side tests).
     *
     * @param server the listening socket
     * @param timeout how long to wait
     * @return the peer
     * @throws IOException if nothing connects in time ({@link SocketTimeoutException})
     */
    public static RawPeer accept(ServerSocket server, Duration timeout) throws IOException {
        server.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        return new RawPeer(server.accept());
    }

    /**
     * Sends bytes in one write.
     *
     * @param bytes the bytes
     * @throws IOException if the connection is broken
     */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends bytes one write per byte (with TCP_NODELAY, one segment each).
     *
     * @param bytes the bytes
     * @throws IOException if the connection is broken
     */
    public void sendByteByByte(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b & 0xFF);
            out.flush();
        }
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
     * Reads one ZMTP frame (flags, short or long size, body).
     *
     * @param timeout the deadline for the whole frame
     * @return the frame
     * @throws IOException on timeout, end of stream or error, or a size over 16 MiB
     */
    public Wire.Frame readFrame(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] flags = read(1, left(deadline));
        int f = flags[0] & 0xFF;
        byte[] sizeBytes = read((f & Wire.LONG) != 0 ? 8 : 1, left(deadline));
        long size = 0;
        for (byte b : sizeBytes) {
            size = (size << 8) | (b & 0xFF);
        }
        if (size < 0 || size > (1 << 24)) {
            throw new IOException("frame of " + size + " bytes: a raw peer reads at most 16 MiB");
        }
        byte[] body = read((int) size, left(deadline));
        return new Wire.Frame(f, body, Wire.concat(flags, sizeBytes, body));
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    /**
     * What arrived before the other side closed.
     *
     * @param bytes every byte read
     * @param closed true if the connection ended (end of stream or reset) within the deadline
     */
    public record Drained(byte[] bytes, boolean closed) {
    }

    /**
     * Reads everything until the other side closes the connection, or the deadline.
     *
     * @param timeout the deadline
     * @return what arrived and whether the connection ended
     * @throws IOException on an unexpected error
     */
    public Drained readUntilClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Drained(got.toByteArray(), false);
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int r;
            try {
                r = in.read(buf);
            } catch (SocketTimeoutException e) {
                return new Drained(got.toByteArray(), false);
            } catch (IOException reset) {
                return new Drained(got.toByteArray(), true);
            }
            if (r < 0) {
                return new Drained(got.toByteArray(), true);
            }
            got.write(buf, 0, r);
        }
    }

    /**
     * Waits until the other side closes the connection, discarding whatever it sends first.
     *
     * @param timeout the deadline
     * @return true if the connection was closed (end of stream or reset) within the deadline
     * @throws IOException on an unexpected error
     */
    public boolean awaitClosed(Duration timeout) throws IOException {
        return readUntilClosed(timeout).closed();
    }

    /**
     * Half-closes: the other side sees end of stream; this side may still read.
     *
     * @throws IOException if the socket is closed
     */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Closes abortively: the other side gets a reset (RST), not an orderly end of stream.
     *
     * @throws IOException if the socket cannot be closed
     */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
