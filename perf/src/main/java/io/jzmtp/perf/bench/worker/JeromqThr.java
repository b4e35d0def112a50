package io.jzmtp.perf.bench.worker;

import java.util.Arrays;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** JeroMQ 0.6.0 throughput: {@code send(byte[], 0)} and {@code recv(0)} (or {@code recv(DONTWAIT)} in a loop). */
final class JeromqThr implements ThrPeers {
    private final ZContext context = new ZContext();
    private final int size;
    private final boolean spin;
    private final byte[] body;
    private ZMQ.Socket pull;
    private ZMQ.Socket push;

    /**
     * @param size the message size
     * @param spin true to receive by polling
     */
    JeromqThr(int size, boolean spin) {
        this.size = size;
        this.spin = spin;
        this.body = new byte[size];
        Arrays.fill(body, (byte) 'x');
    }

    @Override
    public String bindReceiver(String endpoint) {
        pull = Jeromq.socket(context, SocketType.PULL);
        return Jeromq.bind(pull, endpoint);
    }

    @Override
    public void receive() {
        Jeromq.receive(pull, spin, size);
    }

    @Override
    public void closeReceiver() {
        pull.close();
    }

    @Override
    public void connectSender(String endpoint) {
        push = Jeromq.socket(context, SocketType.PUSH);
        Jeromq.connect(push, endpoint);
    }

    @Override
    public void send() {
        Jeromq.send(push, body);
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
