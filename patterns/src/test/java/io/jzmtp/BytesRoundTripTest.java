package io.jzmtp;

import static io.jzmtp.TestEndpoints.bytes;
import static io.jzmtp.TestEndpoints.endpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-object API: {@code send(byte[])} and {@code receiveBytes()} between each pair of socket types. */
class BytesRoundTripTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pushToPull(String transport) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind(endpoint(transport, "bytes-push")));
            for (int i = 0; i < 100; i++) {
                assertTrue(push.send(bytes("m" + i)));
            }
            for (int i = 0; i < 100; i++) {
                byte[] got = pull.receiveBytes(WAIT);
                assertNotNull(got, "message " + i);
                assertArrayEquals(bytes("m" + i), got);
                assertFalse(pull.hasMore(), "a one-frame message has no more frames");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pairBothWays(String transport) {
        try (Context ctx = Context.create();
             PairSocket a = ctx.pair();
             PairSocket b = ctx.pair()) {
            b.connect(a.bind(endpoint(transport, "bytes-pair")));
            assertTrue(b.send(bytes("ping"), WAIT));
            assertArrayEquals(bytes("ping"), a.receiveBytes(WAIT));
            assertTrue(a.send(bytes("pong")));
            assertArrayEquals(bytes("pong"), b.receiveBytes(WAIT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reqToRepAndBack(String transport) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind(endpoint(transport, "bytes-rr")));
            for (int i = 0; i < 50; i++) {
                assertTrue(req.send(bytes("hello " + i)));
                byte[] request = rep.receiveBytes(WAIT);
                assertArrayEquals(bytes("hello " + i), request, "REP gets the body without REQ's delimiter");
                assertFalse(rep.hasMore());
                assertTrue(rep.send(bytes("world " + i)));
                assertArrayEquals(bytes("world " + i), req.receiveBytes(WAIT),
                    "the reply went back under the saved envelope and reached the REQ");
                assertFalse(req.hasMore());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reqStillAlternatesThroughBytes(String transport) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind(endpoint(transport, "bytes-strict")));
            assertThrows(IllegalStateException.class, req::tryReceiveBytes, "receive before any request");
            assertTrue(req.send(bytes("one")));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> req.send(bytes("two")));
            assertTrue(e.getMessage().contains("receive()"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> rep.send(bytes("unasked")), "REP replies only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void dealerToRouterFrameByFrame(String transport) {
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router();
             DealerSocket dealer = ctx.dealer(SocketOptions.builder().routingId("D1").build())) {
            dealer.connect(router.bind(endpoint(transport, "bytes-router")));
            assertTrue(dealer.send(bytes("job")));
            assertArrayEquals(bytes("D1"), router.receiveBytes(WAIT), "ROUTER hands out the routing id first");
            assertTrue(router.hasMore());
            assertArrayEquals(bytes("job"), router.receiveBytes(WAIT));
            assertFalse(router.hasMore());
            router.send(Message.of(bytes("D1"), bytes("done")));
            assertArrayEquals(bytes("done"), dealer.receiveBytes(WAIT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void routerRefusesAOneFrameSend(String transport) {
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router()) {
            router.bind(endpoint(transport, "bytes-router-one"));
            IllegalArgumentException viaMessage =
                assertThrows(IllegalArgumentException.class, () -> router.send(Message.of(bytes("x"))));
            IllegalArgumentException viaBytes =
                assertThrows(IllegalArgumentException.class, () -> router.send(bytes("x")));
            assertEquals(viaMessage.getMessage(), viaBytes.getMessage(), "the same refusal as send(Message)");
            assertTrue(viaBytes.getMessage().contains("expected a routing id frame"), viaBytes.getMessage());
            assertThrows(IllegalArgumentException.class, () -> router.trySend(bytes("x")));
            assertThrows(IllegalArgumentException.class, () -> router.send(bytes("x"), WAIT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pubToEverySub(String transport) {
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub();
             SubSocket first = ctx.sub();
             SubSocket second = ctx.sub()) {
            String ep = pub.bind(endpoint(transport, "bytes-pub"));
            for (SubSocket sub : new SubSocket[] {first, second}) {
                sub.subscribe("t");
                sub.connect(ep);
            }
            // A subscription takes a moment to reach the publisher: publish until each subscriber has one.
            byte[] toFirst = null;
            byte[] toSecond = null;
            while (toFirst == null || toSecond == null) {
                pub.send(bytes("u"));
                pub.send(bytes("t1"));
                toFirst = toFirst != null ? toFirst : first.receiveBytes(Duration.ofMillis(20));
                toSecond = toSecond != null ? toSecond : second.tryReceiveBytes();
            }
            assertArrayEquals(bytes("t1"), toFirst, "only the subscribed topic arrives");
            assertArrayEquals(bytes("t1"), toSecond, "at every subscriber");
        }
    }
}
