package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** JeroMQ 0.6 as a party, in process: sockets of one {@link ZContext}, used from the test's thread. Test code only. */
final class JeromqParty implements Party {
    /**
     * JeroMQ 0.6.0 sockets here: a connecting JeroMQ socket now and then never sends its greeting (3 in 100
     * JeroMQ-to-JeroMQ connections on this machine, with no jzmtp involved); a handshake timeout of 1 s makes it
     * give up such a stalled attempt and reconnect, where the default (30 s) would fail the test.
     */
    static final int HANDSHAKE_RETRY_MILLIS = 1000;

    private final ZContext context;

    /** @param context the context the sockets are made in (the caller closes it) */
    JeromqParty(ZContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "JeroMQ";
    }

    @Override
    public InteropSocket open(String type, byte[] routingId) {
        ZMQ.Socket s = context.createSocket(SocketType.valueOf(type));
        s.setLinger(0);
        s.setHandshakeIvl(HANDSHAKE_RETRY_MILLIS);
        if (routingId != null) {
            s.setIdentity(routingId);
        }
        if (type.equals("ROUTER")) {
            s.setRouterMandatory(true);
        }
        return wrap(s, type);
    }

    /** @return an interop view of a JeroMQ socket made by the caller */
    static InteropSocket wrap(ZMQ.Socket s, String type) {
        return new Theirs(s, type);
    }

    /** A JeroMQ socket. */
    private static final class Theirs implements InteropSocket {
        private final ZMQ.Socket s;
        private final String type;

        Theirs(ZMQ.Socket s, String type) {
            this.s = s;
            this.type = type;
            s.setSendTimeOut((int) SEND_WAIT.toMillis());
        }

        @Override
        public String who() {
            return "JeroMQ " + type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String bind(String endpoint) {
            assertTrue(s.bind(endpoint), who() + " could not bind " + endpoint);
            return s.getLastEndpoint();
        }

        @Override
        public void connect(String endpoint) {
            assertTrue(s.connect(endpoint), who() + " could not connect " + endpoint);
        }

        @Override
        public void send(List<byte[]> frames) {
            for (int i = 0; i < frames.size(); i++) {
                boolean more = i < frames.size() - 1;
                assertTrue(s.send(frames.get(i), more ? ZMQ.SNDMORE : 0),
                    who() + " could not send " + Frames.show(frames) + " within " + SEND_WAIT);
            }
        }

        @Override
        public void sendRouted(List<byte[]> frames, Duration retryFor) {
            long deadline = System.nanoTime() + retryFor.toNanos();
            while (true) {
                try {
                    send(frames);
                    return;
                } catch (ZMQException e) {
                    if (e.getErrorCode() != zmq.ZError.EHOSTUNREACH || System.nanoTime() - deadline > 0) {
                        fail(who() + " could not route " + Frames.show(frames) + " within " + retryFor, e);
                    }
                    LockSupport.parkNanos(2_000_000L); // polling for the handshake, bounded by the deadline
                }
            }
        }

        @Override
        public List<byte[]> receive(Duration timeout) {
            s.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
            byte[] first = s.recv(0);
            if (first == null) {
                return null;
            }
            List<byte[]> out = new ArrayList<>();
            out.add(first);
            while (s.hasReceiveMore()) {
                out.add(s.recv(0));
            }
            return out;
        }

        @Override
        public void subscribe(String topic) {
            if (type.equals("SUB")) {
                assertTrue(s.subscribe(topic.getBytes(StandardCharsets.UTF_8)));
            } else {
                send(List.of(Frames.subscription(true, topic)));
            }
        }

        @Override
        public void unsubscribe(String topic) {
            if (type.equals("SUB")) {
                assertTrue(s.unsubscribe(topic.getBytes(StandardCharsets.UTF_8)));
            } else {
                send(List.of(Frames.subscription(false, topic)));
            }
        }

        @Override
        public void service() {
            s.getEvents();
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
