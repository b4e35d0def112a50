package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.FrameConsumer;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * jzmtp throughput through the garbage-free frame API: the sender sends from one direct buffer, the receiver hands
 * each frame to this object (a {@link FrameConsumer}) which only notes its length.
 */
final class JzmtpThr implements ThrPeers, FrameConsumer {
    private final Context context;
    private final int size;
    private final UnsafeBuffer payload;
    private PullSocket pull;
    private PushSocket push;
    private int lastLength;

    /**
     * @param size the message size
     * @param spin true for a busy-spinning context (its I/O thread and its sockets' waits spin)
     */
    JzmtpThr(int size, boolean spin) {
        this.size = size;
        this.payload = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
        payload.setMemory(0, size, (byte) 'x');
        this.context = Jzmtp.context(spin);
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
        if (!push.send(payload, 0, size, -1)) {
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
