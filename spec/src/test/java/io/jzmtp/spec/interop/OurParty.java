package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.Context;
import io.jzmtp.HostUnreachableException;
import io.jzmtp.Message;
import io.jzmtp.Receiver;
import io.jzmtp.Sender;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XSubSocket;
import io.jzmtp.ZSocket;
import io.jzmtp.core.SocketType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** jzmtp as a party: sockets of one {@link Context}, used from the test's thread. Test code only. */
final class OurParty implements Party {
    private final Context context;

    /** @param context the context the sockets are made in (the caller closes it) */
    OurParty(Context context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "our";
    }

    @Override
    public InteropSocket open(String type, byte[] routingId) {
        SocketOptions.Builder b = SocketOptions.builder().linger(Duration.ofMillis(200));
        if (routingId != null) {
            b.routingId(routingId);
        }
        if (type.equals("ROUTER")) {
            b.routerMandatory(true);
        }
        return wrap(context.socket(SocketType.valueOf(type), b.build()));
    }

    /** @return an interop view of a jzmtp socket made by the caller (for feature tests with special options) */
    static InteropSocket wrap(ZSocket socket) {
        return new Ours(socket);
    }

    /** A jzmtp socket. */
    private static final class Ours implements InteropSocket {
        private final ZSocket s;

        Ours(ZSocket s) {
            this.s = s;
        }

        @Override
        public String who() {
            return "our " + s.type();
        }

        @Override
        public String type() {
            return s.type().name();
        }

        @Override
        public String bind(String endpoint) {
            return s.bind(endpoint);
        }

        @Override
        public void connect(String endpoint) {
            s.connect(endpoint);
        }

        @Override
        public void send(List<byte[]> frames) {
            if (!(s instanceof Sender sender)) {
                throw new IllegalStateException(who() + " cannot send");
            }
            assertTrue(sender.send(Message.ofFrames(frames), SEND_WAIT),
                who() + " could not send " + Frames.show(frames) + " within " + SEND_WAIT);
        }

        @Override
        public void sendRouted(List<byte[]> frames, Duration retryFor) {
            long deadline = System.nanoTime() + retryFor.toNanos();
            while (true) {
                try {
                    send(frames);
                    return;
                } catch (HostUnreachableException e) {
                    if (System.nanoTime() - deadline > 0) {
                        fail(who() + " found no route to " + Frames.show(frames.get(0)) + " within " + retryFor, e);
                    }
                    LockSupport.parkNanos(2_000_000L); // polling for the handshake, bounded by the deadline
                }
            }
        }

        @Override
        public List<byte[]> receive(Duration timeout) {
            if (!(s instanceof Receiver receiver)) {
                throw new IllegalStateException(who() + " cannot receive");
            }
            Message m = receiver.receive(timeout);
            return m == null ? null : m.frames();
        }

        @Override
        public void subscribe(String topic) {
            if (s instanceof SubSocket sub) {
                sub.subscribe(topic);
            } else if (s instanceof XSubSocket) {
                send(List.of(Frames.subscription(true, topic)));
            } else {
                throw new IllegalStateException(who() + " cannot subscribe");
            }
        }

        @Override
        public void unsubscribe(String topic) {
            if (s instanceof SubSocket sub) {
                sub.unsubscribe(topic);
            } else if (s instanceof XSubSocket) {
                send(List.of(Frames.subscription(false, topic)));
            } else {
                throw new IllegalStateException(who() + " cannot unsubscribe");
            }
        }

        @Override
        public void service() {
            s.peerCount();
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
