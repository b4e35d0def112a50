package io.jzmtp.transport.engine;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * One gathering write of an engine's output: stretches of its write buffer (frame headers, small frames)
 * interleaved with large frame bodies taken where they lie, in their messages' native storage, so that large
 * messages reach the channel without being copied into the write buffer first.
 *
 * <p>A message whose body is in the batch stays out of its recycler until the batch is written. A message offers
 * at most one body to a batch (its storage has one channel view); further large frames of it are copied.
 *
 * <p>Owned by the engine's I/O thread. Allocates only when created.
 */
final class GatherBatch {
    /** The most bodies one write carries. */
    static final int MAX_BODIES = 16;
    /** A batch takes no more bodies once they add up to this: a write stays within one flush's budget. */
    static final long MAX_BODY_BYTES = EngineOutput.FLUSH_BUDGET;

    private final ByteBuffer[] iov = new ByteBuffer[2 * MAX_BODIES + 1];
    /** Views on the write buffer, one per stretch, each with its own position and limit. */
    private final ByteBuffer[] stretches = new ByteBuffer[MAX_BODIES + 1];
    private final Msg[] owners = new Msg[MAX_BODIES];
    private int bodies;
    private long bodyBytes;
    private int entries;
    private int firstUnwritten;
    private int stretchStart;
    private boolean sealed;

    /** @param writeBuffer the engine's write buffer, whose stretches go between the bodies */
    GatherBatch(ByteBuffer writeBuffer) {
        for (int i = 0; i < stretches.length; i++) {
            stretches[i] = writeBuffer.duplicate();
        }
    }

    /** @return true if no body was added since the last write completed */
    boolean isEmpty() {
        return bodies == 0;
    }

    /** @return true if the batch takes no more bodies: it must be written first */
    boolean isFull() {
        return bodies == MAX_BODIES || sealed || bodyBytes >= MAX_BODY_BYTES;
    }

    /** @return true if the batch being written holds bodies and nothing more may be encoded until it is written */
    boolean isSealed() {
        return sealed;
    }

    /**
     * @param m a message
     * @return true if one of its bodies is in the batch
     */
    boolean holds(Msg m) {
        for (int i = 0; i < bodies; i++) {
            if (owners[i] == m) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a body after the write buffer's bytes so far.
     *
     * @param writeStart where the write buffer's unwritten bytes start (used by the first body of a batch)
     * @param writeEnd where they end now: the stretch before the body ends here
     * @param body the body, positioned for the write
     * @param owner its message, recycled after the write
     */
    void add(int writeStart, int writeEnd, ByteBuffer body, Msg owner) {
        if (bodies == 0) {
            stretchStart = writeStart;
        }
        closeStretch(writeEnd);
        iov[entries++] = body;
        bodyBytes += body.remaining();
        owners[bodies++] = owner;
    }

    /**
     * Writes as much of the batch as the channel takes. The first call seals the batch: the write buffer's bytes
     * up to {@code writeEnd} are its last stretch.
     *
     * @param channel the channel
     * @param writeEnd where the write buffer's bytes end
     * @return how many bytes were written; {@link #isWritten()} tells whether that was all
     * @throws IOException if the write fails
     */
    long write(GatheringByteChannel channel, int writeEnd) throws IOException {
        if (!sealed) {
            closeStretch(writeEnd);
            sealed = true;
        }
        long n = channel.write(iov, firstUnwritten, entries - firstUnwritten);
        while (firstUnwritten < entries && !iov[firstUnwritten].hasRemaining()) {
            iov[firstUnwritten++] = null;
        }
        return n;
    }

    /** @return true once the whole sealed batch is written */
    boolean isWritten() {
        return firstUnwritten == entries;
    }

    /**
     * Empties the batch after it was written (or abandoned), recycling its messages.
     *
     * @param recycler where spent messages go
     * @param inUse a message still being encoded, which its encoder recycles later; may be null
     */
    void reset(MsgRecycler recycler, Msg inUse) {
        for (int i = 0; i < bodies; i++) {
            if (owners[i] != inUse && recycler != null) {
                recycler.recycle(owners[i]);
            }
            owners[i] = null;
        }
        for (int i = 0; i < entries; i++) {
            iov[i] = null;
        }
        bodies = 0;
        bodyBytes = 0;
        entries = 0;
        firstUnwritten = 0;
        sealed = false;
    }

    private void closeStretch(int end) {
        if (end > stretchStart) {
            ByteBuffer s = stretches[bodies];
            s.limit(end).position(stretchStart);
            iov[entries++] = s;
        }
        stretchStart = end;
    }
}
