package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import java.util.Arrays;

/**
 * jzmtp latency through a convenience API; REQ sends the same array each time and REP sends back what it received:
 * <ul>
 *   <li>Message ({@code jzmtp-msg}): the {@link Message} received;</li>
 *   <li>byte[] ({@code jzmtp-bytes}): the array {@code receiveBytes()} returned, with {@code send(byte[])}.</li>
 * </ul>
 */
final class JzmtpMsgLat implements LatPeers {
    private final Context context;
    private final int size;
    private final boolean bytes;
    private final byte[] body;
    private RepSocket rep;
    private ReqSocket req;

    /**
     * @param size the request and reply size
     * @param spin true for a busy-spinning context (its I/O thread and its sockets' waits spin)
     * @param bytes true for the byte[] API, false for the Message API
     */
    JzmtpMsgLat(int size, boolean spin, boolean bytes) {
        this.size = size;
        this.bytes = bytes;
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
        boolean sent;
        if (bytes) {
            byte[] request;
            request = rep.receiveBytes();
            sent = rep.send(Jzmtp.check(request, rep.hasMore(), size));
        } else {
            Message m;
            m = rep.receive();
            sent = rep.send(Jzmtp.check(m, size));
        }
        if (!sent) {
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
        if (!(bytes ? req.send(body) : req.send(Message.of(body)))) {
            throw new IllegalStateException("REQ send without a time limit returned false");
        }
        if (bytes) {
            byte[] reply;
            reply = req.receiveBytes();
            Jzmtp.check(reply, req.hasMore(), size);
            return;
        }
        Message m;
        m = req.receive();
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
