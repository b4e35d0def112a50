package io.jzmtp.spec.rfc;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.Receiver;
import io.jzmtp.Sender;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XPubOptions;
import io.jzmtp.XSubSocket;
import io.jzmtp.ZSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Lets one pub-sub test run against PUB and XPUB (publishers) or SUB and XSUB (subscribers): RFC 29 gives the pairs
 * the same queueing clauses. An XSUB subscribes by sending {@code 0x01+topic}; a SUB through its API.
 */
final class PubSubKinds {
    private PubSubKinds() {
    }

    /** A publisher under test. */
    record Pub(ZSocket socket, Sender sender) {
    }

    /** A subscriber under test. */
    record Sub(ZSocket socket, Receiver receiver, boolean extended) {
        void subscribe(String topic) {
            change(true, topic);
        }

        void unsubscribe(String topic) {
            change(false, topic);
        }

        private void change(boolean on, String topic) {
            if (socket instanceof SubSocket s) {
                if (on) {
                    s.subscribe(topic);
                } else {
                    s.unsubscribe(topic);
                }
            } else {
                ((XSubSocket) socket).send(Message.of(frame(on, topic)));
            }
        }
    }

    /** The publisher kinds. */
    enum PubKind {
        PUB, XPUB;

        Pub open(Context ctx, SocketOptions options) {
            if (this == PUB) {
                var s = ctx.pub(options);
                return new Pub(s, s);
            }
            var s = ctx.xpub(options, XPubOptions.DEFAULTS);
            return new Pub(s, s);
        }
    }

    /** The subscriber kinds. */
    enum SubKind {
        SUB, XSUB;

        Sub open(Context ctx, SocketOptions options) {
            if (this == SUB) {
                var s = ctx.sub(options);
                return new Sub(s, s, false);
            }
            var s = ctx.xsub(options);
            return new Sub(s, s, true);
        }
    }

    /** @return {@code 0x01+topic} or {@code 0x00+topic} */
    static byte[] frame(boolean subscribe, String topic) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[t.length + 1];
        f[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(t, 0, f, 1, t.length);
        return f;
    }

    static Stream<Arguments> pubKindsAndTransports() {
        List<Arguments> out = new ArrayList<>();
        for (PubKind k : PubKind.values()) {
            for (Rfc.Transport t : Rfc.Transport.values()) {
                out.add(Arguments.of(k, t));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> subKindsAndTransports() {
        List<Arguments> out = new ArrayList<>();
        for (SubKind k : SubKind.values()) {
            for (Rfc.Transport t : Rfc.Transport.values()) {
                out.add(Arguments.of(k, t));
            }
        }
        return out.stream();
    }
}
