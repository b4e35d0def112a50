package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import java.util.Arrays;

/**
 * jzmtp throughput through a convenience API, sending the same array each time:
 * <ul>
 *   <li>Message ({@code jzmtp-msg}): a {@link Message} made per send, one returned per receive;</li>
 *   <li>byte[] ({@code jzmtp-bytes}): {@code send(byte[])}, and {@code receiveBytes()} returning one array per
 *       message (a copy over tcp and ipc, the sender's array over inproc).</li>
 * </ul>
 */
final class JzmtpMsgThr implements ThrPeers {
    private final Context context;
    private final int size;
    private final boolean bytes;
    private final byte[] body;
    private PullSocket pull;
    private PushSocket push;

    /**
     * @param size the message size
     * @param spin true for a busy-spinning context (its I/O thread and its sockets' waits spin)
     * @param bytes true for the byte[] API, false for the Message API
     */
    JzmtpMsgThr(int size, boolean spin, boolean bytes) {
        this.size = size;
        this.bytes = bytes;
        this.body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        this.context = Jzmtp.context(spin);
    }

    @Override
    public String bindReceiver(String endpoint) {
        pull = context.pull();
        return pull.bind(endpoint);
    }

    @Override
    public void receive() {
        if (bytes) {
            byte[] frame;
            frame = pull.receiveBytes();
            Jzmtp.check(frame, pull.hasMore(), size);
            return;
        }
        Message m;
        m = pull.receive();
        Jzmtp.check(m, size);
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
        if (!(bytes ? push.send(body) : push.send(Message.of(body)))) {
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
