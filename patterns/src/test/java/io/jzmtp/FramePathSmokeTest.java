package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FramePathSmokeTest {
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    @ParameterizedTest
    @ValueSource(strings = {"inproc://frames", "tcp://127.0.0.1:*"})
    void multipartFramesRoundTripThroughCallerBuffers(String endpoint) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind(endpoint));
            UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
            List<String> got = new ArrayList<>();
            FrameConsumer collect = (b, o, l, more) -> got.add(b.getStringWithoutLengthAscii(o, l) + (more ? "+" : ""));
            for (int i = 0; i < 100; i++) {
                int n = buf.putStringWithoutLengthAscii(0, "head" + i);
                push.sendMore(buf, 0, n);
                n = buf.putStringWithoutLengthAscii(0, "tail" + i);
                assertTrue(push.send(buf, 0, n, WAIT));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals(2, pull.receive(collect, WAIT));
            }
            assertEquals("head0+", got.get(0));
            assertEquals("tail99", got.get(199));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc://pubframes", "tcp://127.0.0.1:*"})
    void pubSubFramePathFiltersByTopic(String endpoint) {
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub();
             SubSocket sub = ctx.sub()) {
            sub.connect(pub.bind(endpoint));
            sub.subscribe("a");
            UnsafeBuffer a = new UnsafeBuffer("a-topic".getBytes(StandardCharsets.US_ASCII));
            UnsafeBuffer b = new UnsafeBuffer("b-topic".getBytes(StandardCharsets.US_ASCII));
            List<String> got = new ArrayList<>();
            FrameConsumer collect = (buf, o, l, more) -> got.add(buf.getStringWithoutLengthAscii(o, l));
            int frames = 0;
            for (int i = 0; i < 2000 && frames == 0; i++) {
                pub.send(b, 0, b.capacity(), 0);
                pub.send(a, 0, a.capacity(), 0);
                frames = sub.receive(collect, TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertEquals(1, frames);
            assertEquals("a-topic", got.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc://reqrepframes", "tcp://127.0.0.1:*"})
    void reqRepFramePathCarriesEnvelopeAndAlternates(String endpoint) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req(SocketOptions.builder().reqCorrelate(true).build())) {
            req.connect(rep.bind(endpoint));
            UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
            List<String> atRep = new ArrayList<>();
            List<String> atReq = new ArrayList<>();
            FrameConsumer toRep = (b, o, l, more) -> atRep.add(b.getStringWithoutLengthAscii(o, l) + (more ? "+" : ""));
            FrameConsumer toReq = (b, o, l, more) -> atReq.add(b.getStringWithoutLengthAscii(o, l) + (more ? "+" : ""));
            for (int i = 0; i < 100; i++) {
                req.sendMore(buf, 0, buf.putStringWithoutLengthAscii(0, "q" + i));
                assertTrue(req.send(buf, 0, buf.putStringWithoutLengthAscii(0, "end"), WAIT));
                assertThrows(IllegalStateException.class, () -> req.send(buf, 0, 1, WAIT), "REQ: reply first");
                assertEquals(2, rep.receive(toRep, WAIT), "REP gets the body without the envelope");
                assertThrows(IllegalStateException.class, () -> rep.receive(toRep, 0), "REP: reply first");
                assertTrue(rep.send(buf, 0, buf.putStringWithoutLengthAscii(0, "r" + i), WAIT));
                assertEquals(1, req.receive(toReq, WAIT));
            }
            assertEquals(List.of("q0+", "end"), atRep.subList(0, 2));
            assertEquals("q99+", atRep.get(198));
            assertEquals("r0", atReq.get(0));
            assertEquals("r99", atReq.get(99));
            assertThrows(IllegalStateException.class, () -> rep.send(buf, 0, 1, WAIT), "REP: no request pending");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc://repenvelope", "tcp://127.0.0.1:*"})
    void repFramePathReturnsTheWholeEnvelope(String endpoint) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             DealerSocket dealer = ctx.dealer()) {
            dealer.connect(rep.bind(endpoint));
            assertTrue(dealer.send(Message.of("hop-1", "hop-2", "", "body"), java.time.Duration.ofSeconds(10)));
            List<String> got = new ArrayList<>();
            assertEquals(1, rep.receive((b, o, l, more) -> got.add(b.getStringWithoutLengthAscii(o, l)), WAIT));
            assertEquals(List.of("body"), got);
            UnsafeBuffer buf = new UnsafeBuffer(new byte[16]);
            rep.sendMore(buf, 0, buf.putStringWithoutLengthAscii(0, "re"));
            assertTrue(rep.send(buf, 0, buf.putStringWithoutLengthAscii(0, "ply"), WAIT));
            Message reply = dealer.receive(java.time.Duration.ofSeconds(10));
            assertEquals(List.of("hop-1", "hop-2", "", "re", "ply"), reply.frames().stream()
                .map(f -> new String(f, StandardCharsets.US_ASCII)).toList());
        }
    }
}
