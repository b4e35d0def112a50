package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestReplySmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://rr"})
    void reqRepRoundTrips(String endpoint) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind(endpoint));
            for (int i = 0; i < 100; i++) {
                req.send("hello " + i);
                Message request = rep.receive(Duration.ofSeconds(10));
                assertEquals("hello " + i, request.string(0));
                assertEquals(1, request.size());
                rep.send("world " + i);
                assertEquals("world " + i, req.receive(Duration.ofSeconds(10)).string(0));
            }
        }
    }

    @Test
    void reqRefusesTwoSendsInARow() {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind("inproc://strict"));
            req.send("one");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> req.send("two"));
            assertEquals(true, e.getMessage().contains("receive()"));
        }
    }

    @Test
    void dealerToRouterCarriesTheRoutingId() {
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router();
             DealerSocket dealer = ctx.dealer(SocketOptions.builder().routingId("D1").build())) {
            dealer.connect(router.bind("tcp://127.0.0.1:*"));
            dealer.send(Message.of("", "job"));
            Message got = router.receive(Duration.ofSeconds(10));
            assertArrayEquals("D1".getBytes(StandardCharsets.UTF_8), got.frame(0));
            assertEquals("job", got.string(2));
            router.send(Message.of(got.frame(0), new byte[0], "done".getBytes(StandardCharsets.UTF_8)));
            Message reply = dealer.receive(Duration.ofSeconds(10));
            assertEquals(2, reply.size());
            assertEquals("done", reply.string(1));
        }
    }

    @Test
    void routerMandatoryReportsUnknownPeers() {
        try (Context ctx = Context.create();
             RouterSocket router = ctx.router(SocketOptions.builder().routerMandatory(true).build())) {
            assertThrows(HostUnreachableException.class,
                () -> router.send(Message.of("nobody", "x")));
        }
    }

    @Test
    void routingIdsStartingWithZeroAreRefused() {
        // RFC 37-IDENT-1: an Identity never starts with a zero octet (reserved for generated ids).
        assertThrows(IllegalArgumentException.class,
            () -> SocketOptions.builder().routingId(new byte[] {0, 1, 2}));
    }

    @Test
    void typesOtherThanRouterIgnoreTheIdentity() {
        // RFC 23-IDENT-2: only a ROUTER uses the peer's Identity; a PULL simply receives the PUSH's messages.
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push(SocketOptions.builder().routingId("P1").build())) {
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            push.send("x");
            Message m = pull.receive(Duration.ofSeconds(10));
            assertEquals(1, m.size());
            assertEquals("x", m.string(0));
        }
    }
}
