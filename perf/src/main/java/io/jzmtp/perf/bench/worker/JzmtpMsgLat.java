package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import java.util.Arrays;

/** jzmtp latency through the convenience API: the server sends back the {@link Message} it received. */
final class JzmtpMsgLat implements LatPeers {
    private final Context context;
    private final int size;
    private final boolean spin;
    private final byte[] body;
    private RepSocket rep;
    private ReqSocket req;

    /**
     * @param size the request and reply size
     * @param spin true to receive by polling
     */
    JzmtpMsgLat(int size, boolean spin) {
        this.size = size;
        this.spin = spin;
        this.body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        this.context = Jzmtp.context(spin);
    }

    @Override
    public String bindServer(String endpoint) {
        rep = context.rep();
        return rep.bind(endpoint);
    }

    @Override
    public void echo() {
        Message m;
        if (spin) {
            while ((m = rep.tryReceive()) == null) {
                Thread.onSpinWait();
            }
        } else {
            m = rep.receive();
        }
        if (!rep.send(Jzmtp.check(m, size))) {
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
        if (!req.send(Message.of(body))) {
            throw new IllegalStateException("REQ send without a time limit returned false");
        }
        Message m;
        if (spin) {
            while ((m = req.tryReceive()) == null) {
                Thread.onSpinWait();
            }
        } else {
            m = req.receive();
        }
        Jzmtp.check(m, size);
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
