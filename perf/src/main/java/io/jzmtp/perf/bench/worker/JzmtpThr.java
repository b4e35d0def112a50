package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.FrameConsumer;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * jzmtp throughput through the garbage-free frame API: the sender sends from one direct buffer, the receiver hands
 * each frame to this object (a {@link FrameConsumer}) which only notes its length. With {@code lent} ({@code
 * jzmtp-zc}) the sender lends the buffer instead of having it copied ({@code sendLent}), as libzmq's worker sends
 * its one payload by reference: each message gets one of a pool of views on the same memory, which comes back
 * through the release callback.
 */
final class JzmtpThr implements ThrPeers, FrameConsumer {
    /** Views in the lending pool: more than a pipe and an engine hold at once, so the HWM stops the sender first. */
    static final int LENT_VIEWS = 8192;

    private final Context context;
    private final int size;
    private final UnsafeBuffer payload;
    /** Views on the payload free to lend; null unless lending. Released views come back from any thread. */
    private final ManyToOneConcurrentArrayQueue<ByteBuffer> freeViews;
    private final Consumer<ByteBuffer> giveBack;
    private PullSocket pull;
    private PushSocket push;
    private int lastLength;

    /**
     * @param size the message size
     * @param spin true for a busy-spinning context (its I/O thread and its sockets' waits spin)
     */
    JzmtpThr(int size, boolean spin, boolean lent) {
        this.size = size;
        ByteBuffer memory = ByteBuffer.allocateDirect(size);
        this.payload = new UnsafeBuffer(memory);
        payload.setMemory(0, size, (byte) 'x');
        this.context = Jzmtp.context(spin);
        if (lent) {
            freeViews = new ManyToOneConcurrentArrayQueue<>(LENT_VIEWS);
            for (int i = 0; i < LENT_VIEWS; i++) {
                freeViews.offer(memory.duplicate());
            }
            giveBack = freeViews::offer;
        } else {
            freeViews = null;
            giveBack = null;
        }
    }

    @Override
    public String bindReceiver(String endpoint) {
        pull = context.pull();
        return pull.bind(endpoint);
    }

    @Override
    public void onFrame(DirectBuffer buffer, int offset, int length, boolean more) {
        lastLength = length;
    }

    @Override
    public void receive() {
        int frames;
        frames = pull.receive(this, -1);
        Jzmtp.check(frames, lastLength, size);
    }

    @Override
    public void closeReceiver() {
        pull.close();
    }

    @Override
    public void connectSender(String endpoint) {
        push = context.push();
        push.connect(endpoint);
    }

    @Override
    public void send() {
        boolean sent;
        if (freeViews == null) {
            sent = push.send(payload, 0, size, -1);
        } else {
            ByteBuffer view;
            while ((view = freeViews.poll()) == null) {
                Thread.yield();
            }
            sent = push.sendLent(view, giveBack, -1);
        }
        if (!sent) {
            throw new IllegalStateException("send without a time limit returned false");
        }
    }

    @Override
    public void closeSender() {
        push.close();
    }

    @Override
    public void close() {
        context.close();
    }
}
