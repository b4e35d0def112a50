package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Over inproc, {@code send(byte[])} hands its very array to {@code receiveBytes()}: no copy on either side. */
class BytesZeroCopyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pushToPullHandsTheArrayOver() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("inproc://zc-push"));
            byte[] body = {1, 2, 3};
            push.send(body);
            assertSame(body, pull.receiveBytes(WAIT));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void requestAndReplyAreHandedOver() {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind("inproc://zc-rr"));
            byte[] request = {4, 5};
            req.send(request);
            byte[] got = rep.receiveBytes(WAIT);
            assertSame(request, got, "REQ's delimiter does not make the body a copy");
            rep.send(got);
            assertSame(request, req.receiveBytes(WAIT), "REP's envelope does not either");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void framesOfAMessageAreHandedOverOneByOne() {
        try (Context ctx = Context.create();
             PairSocket a = ctx.pair();
             PairSocket b = ctx.pair()) {
            b.connect(a.bind("inproc://zc-pair"));
            byte[] first = {1};
            byte[] second = {2};
            b.send(Message.of(first, second));
            assertSame(first, a.receiveBytes(WAIT));
            assertSame(second, a.receiveBytes(WAIT));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tcpDeliversACopy() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            byte[] body = {7, 8, 9};
            push.send(body);
            byte[] got = pull.receiveBytes(WAIT);
            assertNotSame(body, got);
            assertArrayEquals(body, got);
        }
    }
}
