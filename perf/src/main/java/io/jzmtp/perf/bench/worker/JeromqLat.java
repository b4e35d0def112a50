package io.jzmtp.perf.bench.worker;

import java.util.Arrays;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** JeroMQ 0.6.0 latency: the server sends back the bytes it received. */
final class JeromqLat implements LatPeers {
    private final ZContext context = new ZContext();
    private final int size;
    private final boolean spin;
    private final byte[] body;
    private ZMQ.Socket rep;
    private ZMQ.Socket req;

    /**
     * @param size the request and reply size
     * @param spin true to receive by polling
     */
    JeromqLat(int size, boolean spin) {
        this.size = size;
        this.spin = spin;
        this.body = new byte[size];
        Arrays.fill(body, (byte) 'x');
    }

    @Override
    public String bindServer(String endpoint) {
        rep = Jeromq.socket(context, SocketType.REP);
        return Jeromq.bind(rep, endpoint);
    }

    @Override
    public void echo() {
        Jeromq.send(rep, Jeromq.receive(rep, spin, size));
    }

    @Override
    public void closeServer() {
        rep.close();
    }

    @Override
    public void connectClient(String endpoint) {
        req = Jeromq.socket(context, SocketType.REQ);
        Jeromq.connect(req, endpoint);
    }

    @Override
    public void roundTrip() {
        Jeromq.send(req, body);
        Jeromq.receive(req, spin, size);
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
