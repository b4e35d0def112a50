package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import java.util.Arrays;

/**
 * jzmtp latency through the one-object convenience API: REQ sends the same array each time with {@code send(byte[])};
 * REP receives the request with {@code receiveBytes()} and sends that array back as the reply.
 */
final class JzmtpBytesLat implements LatPeers {
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
    JzmtpBytesLat(int size, boolean spin) {
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
        byte[] request;
        if (spin) {
            while ((request = rep.tryReceiveBytes()) == null) {
                Thread.onSpinWait();
            }
        } else {
            request = rep.receiveBytes();
        }
        if (!rep.send(Jzmtp.check(request, rep.hasMore(), size))) {
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
        if (!req.send(body)) {
            throw new IllegalStateException("REQ send without a time limit returned false");
        }
        byte[] reply;
        if (spin) {
            while ((reply = req.tryReceiveBytes()) == null) {
                Thread.onSpinWait();
            }
        } else {
            reply = req.receiveBytes();
        }
        Jzmtp.check(reply, req.hasMore(), size);
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
