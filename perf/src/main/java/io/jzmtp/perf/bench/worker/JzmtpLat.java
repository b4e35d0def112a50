package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.FrameConsumer;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * jzmtp latency through the garbage-free frame API. The server copies each request into its own buffer and sends
 * that back; the client sends from one buffer and notes the reply's length. The two consumers are fields, made
 * once.
 */
final class JzmtpLat implements LatPeers {
    private final Context context;
    private final int size;
    private final UnsafeBuffer request;
    private final UnsafeBuffer echoBuffer;
    private final FrameConsumer copyRequest = this::copyRequest;
    private final FrameConsumer noteReply = this::noteReply;
    private RepSocket rep;
    private ReqSocket req;
    private int requestLength;
    private int replyLength;

    /**
     * @param size the request and reply size
     * @param spin true for a busy-spinning context (its I/O thread and its sockets' waits spin)
     */
    JzmtpLat(int size, boolean spin) {
        this.size = size;
        this.request = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
        request.setMemory(0, size, (byte) 'x');
        this.echoBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
        this.context = Jzmtp.context(spin);
    }

    private void copyRequest(DirectBuffer buffer, int offset, int length, boolean more) {
        requestLength = length;
        if (length <= echoBuffer.capacity()) {
            echoBuffer.putBytes(0, buffer, offset, length);
        }
    }

    private void noteReply(DirectBuffer buffer, int offset, int length, boolean more) {
        replyLength = length;
    }

    @Override
    public String bindServer(String endpoint) {
        rep = context.rep();
        return rep.bind(endpoint);
    }

    @Override
    public void echo() {
        int frames;
        frames = rep.receive(copyRequest, -1);
        Jzmtp.check(frames, requestLength, size);
        if (!rep.send(echoBuffer, 0, size, -1)) {
            throw new IllegalStateException("REP send without a time limit returned false");
        }
    }

    @Override
    public void closeServer() {
        rep.close();
    }

    @Override
    public void connectClient(String endpoint) {
        req = context.req();
        req.connect(endpoint);
    }

    @Override
    public void roundTrip() {
        if (!req.send(request, 0, size, -1)) {
            throw new IllegalStateException("REQ send without a time limit returned false");
        }
        int frames;
        frames = req.receive(noteReply, -1);
        Jzmtp.check(frames, replyLength, size);
    }

    @Override
    public void closeClient() {
        req.close();
    }

    @Override
    public void close() {
        context.close();
    }
}
