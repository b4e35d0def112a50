package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Frames.expect;
import static io.jzmtp.spec.interop.Frames.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What each socket-type pair must do across implementations: multipart messages with empty frames everywhere,
 * routing ids, 1 MiB frames (DEALER–ROUTER both ways, PUSH–PULL), subscriptions and cancellations (their wire form
 * is chosen by the ZMTP version each side announces: 3.1 commands between jzmtp and libzmq, 0x01/0x00 messages with
 * JeroMQ's 3.0). Test code only.
 */
final class Scenarios {
    private static final Duration PROBE_WAIT = Duration.ofMillis(20);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(10);

    private Scenarios() {
    }

    /** REQ–REP (RFC 28): two lockstep rounds; the REP gets exactly the body, empty frames included. */
    static void reqRep(InteropSocket req, InteropSocket rep, boolean reqBinds) {
        for (int round = 1; round <= 2; round++) {
            req.send("hello-" + round, "", "multi");
            expect(rep, "hello-" + round, "", "multi");
            rep.send("world-" + round, "");
            expect(req, "world-" + round, "");
        }
    }

    /** REQ–ROUTER (RFC 23-IDENT-1, 28-ROUTER-10, 28-ROUTER-12): the ROUTER sees the REQ's routing id and the empty delimiter, and routes the reply back by it. */
    static void reqRouter(InteropSocket req, InteropSocket router, boolean reqBinds) {
        for (int round = 1; round <= 2; round++) {
            req.send("hello-" + round, "", "x");
            expect(router, "REQ-ID", "", "hello-" + round, "", "x");
            router.send("REQ-ID", "", "world-" + round);
            expect(req, "world-" + round);
        }
    }

    /** DEALER–REP: two requests in flight at once; the DEALER supplies and receives the empty delimiter. */
    static void dealerRep(InteropSocket dealer, InteropSocket rep, boolean dealerBinds) {
        dealer.send("", "q1");
        dealer.send("", "q2", "", "x");
        expect(rep, "q1");
        rep.send("r1");
        expect(rep, "q2", "", "x");
        rep.send("r2", "");
        expect(dealer, "", "r1");
        expect(dealer, "", "r2", "");
    }

    /** DEALER–ROUTER: a generated routing id (the DEALER sets none) routes replies; 1 MiB frames both ways. */
    static void dealerRouter(InteropSocket dealer, InteropSocket router, boolean dealerBinds) {
        byte[] big = Frames.pattern(Frames.MIB);
        dealer.send("a", "", "c");
        List<byte[]> got = receive(router);
        byte[] id = got.get(0);
        assertTrue(id.length > 0, router.who() + " gave an empty routing id");
        assertEquals(Frames.show(Frames.of(id, "a", "", "c")), Frames.show(got), router.who() + " received");
        dealer.send(big);
        expect(router, id, big);
        router.send(id, "r1");
        router.send(id, "", big);
        expect(dealer, "r1");
        expect(dealer, "", big);
    }

    /** DEALER–DEALER: both ways, multipart and a lone empty frame. */
    static void dealerDealer(InteropSocket a, InteropSocket b, boolean aBinds) {
        a.send("x", "", "y");
        expect(b, "x", "", "y");
        b.send("z");
        b.send("");
        expect(a, "z");
        expect(a, "");
    }

    /**
     * ROUTER–ROUTER (RFC 23-IDENT-1): both announce routing ids; the connecting side addresses the binding side by its id once the
     * handshake has made it known, and the reply comes back by the connector's id.
     */
    static void routerRouter(InteropSocket a, InteropSocket b, boolean aBinds) {
        InteropSocket binder = aBinds ? a : b;
        InteropSocket connector = aBinds ? b : a;
        String binderId = aBinds ? "ROUTER-A" : "ROUTER-B";
        String connectorId = aBinds ? "ROUTER-B" : "ROUTER-A";
        connector.sendRouted(Frames.of(binderId, "hello", "", "x"), SYNC_DEADLINE);
        expect(binder, connectorId, "hello", "", "x");
        binder.send(connectorId, "back");
        expect(connector, binderId, "back");
    }

    /**
     * PUB/XPUB–SUB/XSUB (RFC 29): prefix filtering, multipart messages, and a cancellation. An XPUB shows each
     * subscription and cancellation as it arrives (0x01/0x00 + topic); with a PUB, arrival is proven by delivery of
     * probes, and the cancellation by a later subscription's delivery (same connection, so in order).
     */
    static void pubSub(InteropSocket pub, InteropSocket sub, boolean pubBinds) {
        boolean xpub = pub.type().equals("XPUB");
        sub.subscribe("B");
        sub.subscribe("A");
        if (xpub) {
            // Held subscriptions reach a newly attached publisher in the subscriber's own order (libzmq: trie
            // order), so the first two may come either way round.
            List<String> got = new ArrayList<>();
            got.add(Frames.show(awaitSubscription(pub, sub)));
            got.add(Frames.show(receive(pub).get(0)));
            got.sort(null);
            assertEquals(List.of(Frames.show(Frames.subscription(true, "A")),
                Frames.show(Frames.subscription(true, "B"))), got, pub.who() + " received subscriptions");
        } else {
            awaitDelivery(pub, sub, "A");
        }
        pub.send("C-1");
        pub.send("B-1", "", "x");
        pub.send("A-1");
        expect(sub, "B-1", "", "x");
        expect(sub, "A-1");
        sub.unsubscribe("B");
        if (xpub) {
            expect(pub, Frames.subscription(false, "B"));
        } else {
            sub.subscribe("Z");
            awaitDelivery(pub, sub, "Z");
        }
        pub.send("B-2");
        pub.send("A-2");
        expect(sub, "A-2");
    }

    /**
     * Waits for the XPUB to hand over a subscription, servicing the subscriber meanwhile (a bound subscriber sends
     * its subscriptions to a new publisher only when its owner next calls it).
     */
    static byte[] awaitSubscription(InteropSocket xpub, InteropSocket sub) {
        long deadline = System.nanoTime() + SYNC_DEADLINE.toNanos();
        while (true) {
            List<byte[]> got = xpub.receive(PROBE_WAIT);
            if (got != null) {
                assertEquals(1, got.size(), xpub.who() + " received " + Frames.show(got));
                return got.get(0);
            }
            if (System.nanoTime() - deadline > 0) {
                fail(xpub.who() + " received no subscription from " + sub.who() + " within " + SYNC_DEADLINE);
            }
            sub.service();
        }
    }

    /**
     * Publishes probes on the topic until one arrives (the subscription has reached the publisher), then a marker,
     * and consumes everything up to the marker.
     */
    static void awaitDelivery(InteropSocket pub, InteropSocket sub, String topic) {
        String probe = topic + "-probe";
        long deadline = System.nanoTime() + SYNC_DEADLINE.toNanos();
        while (true) {
            pub.send(probe);
            List<byte[]> got = sub.receive(PROBE_WAIT);
            if (got != null) {
                assertEquals(Frames.show(Frames.of(probe)), Frames.show(got), sub.who() + " received");
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                fail(sub.who() + " received none of " + pub.who() + "'s '" + probe + "' probes within "
                    + SYNC_DEADLINE);
            }
        }
        String marker = topic + "-synced";
        pub.send(marker);
        while (true) {
            List<byte[]> got = receive(sub);
            String first = new String(got.get(0), StandardCharsets.UTF_8);
            if (first.equals(marker)) {
                return;
            }
            assertEquals(probe, first, sub.who() + " received an unexpected message while synchronising");
        }
    }

    /** PUSH–PULL (RFC 30): order kept, multipart, a lone empty frame and a 1 MiB frame. */
    static void pushPull(InteropSocket push, InteropSocket pull, boolean pushBinds) {
        byte[] big = Frames.pattern(Frames.MIB);
        List<List<byte[]>> sent = new ArrayList<>();
        sent.add(Frames.of("m1"));
        sent.add(Frames.of("m2", "", "x"));
        sent.add(Frames.of(""));
        sent.add(Frames.of(big, "tail"));
        for (List<byte[]> m : sent) {
            push.send(m);
        }
        for (List<byte[]> m : sent) {
            expect(pull, m.toArray());
        }
    }

    /** PAIR–PAIR (RFC 31): both ways, multipart and a lone empty frame. */
    static void pairPair(InteropSocket a, InteropSocket b, boolean aBinds) {
        a.send("p1", "", "x");
        expect(b, "p1", "", "x");
        b.send("p2");
        b.send("");
        expect(a, "p2");
        expect(a, "");
    }
}
