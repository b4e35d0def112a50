package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import java.util.Arrays;

/**
 * jzmtp throughput through the one-object convenience API: {@code send(byte[])} of the same array each time,
 * {@code receiveBytes()} returning one array per message (a copy over tcp and ipc, the sender's array over inproc).
 */
final class JzmtpBytesThr implements ThrPeers {
    private final Context context;
    private final int size;
    private final boolean spin;
    private final byte[] body;
    private PullSocket pull;
    private PushSocket push;

    /**
     * @param size the message size
     * @param spin true to receive by polling
     */
    JzmtpBytesThr(int size, boolean spin) {
        this.size = size;
        this.spin = spin;
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
        byte[] frame;
        if (spin) {
            while ((frame = pull.tryReceiveBytes()) == null) {
                Thread.onSpinWait();
            }
        } else {
            frame = pull.receiveBytes();
        }
        Jzmtp.check(frame, pull.hasMore(), size);
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
        if (!push.send(body)) {
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
