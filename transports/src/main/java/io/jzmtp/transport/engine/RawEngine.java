package io.jzmtp.transport.engine;

import io.jzmtp.core.Metadata;
import io.jzmtp.transport.io.IoHandler;
import io.jzmtp.transport.io.IoThread;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import io.jzmtp.transport.pipe.SpscPipe;
import io.jzmtp.transport.socket.Peer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine of a STREAM socket's connection: raw bytes, no ZMTP. Each chunk read becomes one message; each message
 * written is sent as its bytes. A zero-length message announces the connection and, at the end, its loss; writing a
 * zero-length message closes the connection (libzmq's STREAM semantics). Back-pressure works as in
 * {@link ZmtpEngine}: a full inbound pipe stops reading. Owned by one I/O thread; steady traffic allocates nothing.
 */
public final class RawEngine implements Engine, IoHandler {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_READS_PER_EVENT = 8;

    private final IoThread io;
    private final SocketChannel channel;
    private final EngineOwner owner;
    private final String peerAddress;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final UnsafeBuffer readView = new UnsafeBuffer(readBuffer);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final UnsafeBuffer writeView = new UnsafeBuffer(writeBuffer);
    private int writeStart;
    private int writeEnd;
    private SelectionKey key;
    private SpscPipe<Msg> in;
    private MsgRecycler inRecycler;
    private SpscPipe<Msg> out;
    private MsgRecycler outRecycler;
    private Msg held;
    private Msg outbound;
    private int outFrame;
    private int outDone;
    private boolean closed;
    private boolean lingering;
    private boolean outIdle;

    /**
     * @param io the I/O thread that owns the engine
     * @param channel a connected channel
     * @param owner the session
     * @param peerAddress the peer's address
     */
    public RawEngine(IoThread io, SocketChannel channel, EngineOwner owner, String peerAddress) {
        this.io = io;
        this.channel = channel;
        this.owner = owner;
        this.peerAddress = peerAddress;
    }

    /**
     * Registers the channel, attaches the peer at once (there is no handshake) and announces the connection with a
     * zero-length message. I/O thread only.
     *
     * @throws IOException if the channel cannot be registered
     */
    public void start() throws IOException {
        key = io.register(channel, SelectionKey.OP_READ, this);
        Peer peer = owner.onHandshakeComplete(this);
        in = peer.in();
        inRecycler = peer.inRecycler();
        out = peer.out();
        outRecycler = peer.outRecycler();
        deliver(inRecycler.take());
        outputReady();
    }

    @Override
    public void onReady(int readyOps) throws IOException {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if (!closed && (readyOps & SelectionKey.OP_READ) != 0) {
            read();
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        finish(new EngineTermination(cause == null ? EngineTermination.Kind.LOCAL_CLOSE : EngineTermination.Kind.IO_ERROR,
            null, true, cause == null ? "closed" : String.valueOf(cause.getMessage())));
    }

    private void read() throws IOException {
        for (int i = 0; i < MAX_READS_PER_EVENT && !closed && held == null; i++) {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                finish(new EngineTermination(EngineTermination.Kind.PEER_CLOSED, null, true, "the peer closed"));
                return;
            }
            if (n == 0) {
                return;
            }
            Msg m = inRecycler.take();
            m.addFrame(readView, 0, n);
            deliver(m);
        }
    }

    private void deliver(Msg m) {
        if (in.offer(m)) {
            return;
        }
        if (in.isClosed()) {
            inRecycler.recycle(m);
            return;
        }
        held = m;
        key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
    }

    @Override
    public void inputReady() {
        if (closed || held == null || !in.offer(held)) {
            return;
        }
        held = null;
        key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        try {
            read();
        } catch (IOException e) {
            finish(new EngineTermination(EngineTermination.Kind.IO_ERROR, null, true, e.toString()));
        }
    }

    @Override
    public void outputReady() {
        if (!closed) {
            try {
                flush();
            } catch (IOException e) {
                finish(new EngineTermination(EngineTermination.Kind.IO_ERROR, null, true, e.toString()));
            }
        }
    }

    private void flush() throws IOException {
        while (!closed) {
            if (!fill()) {
                return;
            }
            if (writeStart == writeEnd) {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
                if (lingering && outIdle) {
                    close();
                }
                return;
            }
            writeBuffer.limit(writeEnd).position(writeStart);
            writeStart += channel.write(writeBuffer);
            if (writeStart < writeEnd) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                return;
            }
            writeStart = 0;
            writeEnd = 0;
        }
    }

    /** Copies queued bytes into the write buffer; false if the engine closed (a zero-length message asked it to). */
    private boolean fill() {
        while (writeEnd < BUFFER_SIZE) {
            if (outbound == null) {
                outbound = out.poll();
                outIdle = outbound == null;
                if (outbound == null) {
                    return true;
                }
                outFrame = 0;
                outDone = 0;
                if (outbound.totalLength() == 0) {
                    outRecycler.recycle(outbound);
                    outbound = null;
                    close();
                    return false;
                }
            }
            Msg m = outbound;
            while (outFrame < m.frameCount() && writeEnd < BUFFER_SIZE) {
                int n = Math.min(m.frameLength(outFrame) - outDone, BUFFER_SIZE - writeEnd);
                writeView.putBytes(writeEnd, m.frameBuffer(outFrame), m.frameOffset(outFrame) + outDone, n);
                writeEnd += n;
                outDone += n;
                if (outDone == m.frameLength(outFrame)) {
                    outFrame++;
                    outDone = 0;
                }
            }
            if (outFrame < m.frameCount()) {
                return true;
            }
            outbound = null;
            outRecycler.recycle(m);
        }
        return true;
    }

    @Override
    public void closeWhenFlushed() {
        lingering = true;
        outputReady();
    }

    @Override
    public void close() {
        if (!closed) {
            finish(new EngineTermination(EngineTermination.Kind.LOCAL_CLOSE, null, true, "closed locally"));
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public String peerAddress() {
        return peerAddress;
    }

    @Override
    public Metadata peerMetadata() {
        return Metadata.EMPTY;
    }

    private void finish(EngineTermination t) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            io.closeChannel(key);
        }
        if (held != null) {
            inRecycler.recycle(held);
            held = null;
        }
        if (outbound != null) {
            outRecycler.recycle(outbound);
            outbound = null;
        }
        if (in != null) {
            // A zero-length message tells the application the connection is gone.
            Msg gone = inRecycler.take();
            if (!in.offer(gone)) {
                inRecycler.recycle(gone);
            }
        }
        owner.onEngineClosed(this, t);
    }
}
