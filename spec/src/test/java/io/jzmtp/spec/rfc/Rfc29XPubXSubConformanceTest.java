package io.jzmtp.spec.rfc;

import static io.jzmtp.spec.rfc.Rfc.assertNothingPumping;
import static io.jzmtp.spec.rfc.Rfc.awaitEvent;
import static io.jzmtp.spec.rfc.Rfc.bytes;
import static io.jzmtp.spec.rfc.Rfc.recv;
import static io.jzmtp.spec.rfc.Rfc.recvData;
import static io.jzmtp.spec.rfc.Rfc.recvPumping;
import static io.jzmtp.spec.rfc.Rfc.sync;
import static io.jzmtp.spec.rfc.Rfc.tag;
import static io.jzmtp.spec.rfc.Rfc.tagged;
import static io.jzmtp.spec.rfc.PubSubKinds.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import io.jzmtp.XPubOptions;
import io.jzmtp.XPubSocket;
import io.jzmtp.XSubSocket;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.rfc.Rfc.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 29 (PUBSUB), the clauses proper to XPUB and XSUB, through the public API over inproc and tcp. */
@Timeout(60)
class Rfc29XPubXSubConformanceTest {
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private static Message sub(String topic) {
        return Message.of(frame(true, topic));
    }

    private static Message cancel(String topic) {
        return Message.of(frame(false, topic));
    }

    // RFC 29-XPUB-15 (subscriptions are received), 29-XPUB-16 (and handed to the application), 29-XPUB-17 (by default
    // normalised: only the first subscription to a topic and the cancellation of its last one are passed up).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc29_XPUB_15_XPUB_16_XPUB_17_subscriptionsReachTheApplicationNormalised(Transport t) {
        XPubSocket xpub = ctx.xpub();
        String ep = xpub.bind(t.bindable("xx-norm"));
        SubSocket s1 = ctx.sub();
        SubSocket s2 = ctx.sub();
        s1.connect(ep);
        s2.connect(ep);
        s1.subscribe("a");
        assertEquals(sub("a"), recvPumping(xpub, "the first subscription to 'a'", s1, s2));
        s2.subscribe("a");
        s2.subscribe("b");
        assertEquals(sub("b"), recvPumping(xpub, "the subscription to 'b'", s1, s2), "the second 'a' is not passed up");
        s1.unsubscribe("a");
        s1.subscribe("c");
        assertEquals(sub("c"), recvPumping(xpub, "the subscription to 'c'", s1, s2), "'a' still has a subscriber");
        s2.unsubscribe("a");
        assertEquals(cancel("a"), recvPumping(xpub, "the cancellation of the last 'a'", s1, s2));
    }

    // RFC 29-XPUB-17: normalising is a matter of configuration: verbose passes every subscription, verboser every
    // cancellation too.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc29_XPUB_17_verboseModesPassEveryCommand(Transport t) {
        XPubSocket xpub = ctx.xpub(SocketOptions.DEFAULTS, new XPubOptions(true, true, false, null, false));
        String ep = xpub.bind(t.bindable("xx-verbose"));
        SubSocket s1 = ctx.sub();
        SubSocket s2 = ctx.sub();
        s1.connect(ep);
        s2.connect(ep);
        s1.subscribe("a");
        assertEquals(sub("a"), recvPumping(xpub, "the first subscription", s1, s2));
        s2.subscribe("a");
        assertEquals(sub("a"), recvPumping(xpub, "the duplicate subscription", s1, s2));
        s1.unsubscribe("a");
        assertEquals(cancel("a"), recvPumping(xpub, "a cancellation that leaves a subscriber", s1, s2));
        assertNothingPumping(xpub, "a subscription passed up twice", s1, s2);
    }

    // RFC 29-XPUB-18: when a subscriber goes away, the application gets a cancellation for what only it held.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc29_XPUB_18_aDepartedSubscribersSubscriptionsAreCancelled(Transport t) {
        XPubSocket xpub = ctx.xpub();
        String ep = xpub.bind(t.bindable("xx-gone"));
        SubSocket keeper = ctx.sub();
        SubSocket leaver = ctx.sub();
        keeper.connect(ep);
        leaver.connect(ep);
        keeper.subscribe("shared");
        assertEquals(sub("shared"), recvPumping(xpub, "the keeper's subscription", keeper, leaver));
        leaver.subscribe("shared");
        leaver.subscribe("own");
        assertEquals(sub("own"), recvPumping(xpub, "the leaver's own subscription", keeper, leaver));
        leaver.close();
        assertEquals(cancel("own"), recvPumping(xpub, "the cancellation generated for the departed subscriber", keeper));
        assertNothingPumping(xpub, "a cancellation of a topic another subscriber still holds", keeper);
    }

    // RFC 29-XPUB-1 (XPUB both sends and receives), 29-XPUB-14 (messages from subscribers reach the application),
    // 29-XSUB-1 (an XSUB with several publishers, sending and receiving), 29-XSUB-12 (outgoing messages are not
    // modified), 29-XSUB-13 (every message goes to every connected publisher).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc29_XPUB_1_XPUB_14_XSUB_1_XSUB_12_XSUB_13_upstreamMessagesReachEveryPublisher(Transport t) {
        XPubSocket x1 = ctx.xpub();
        XPubSocket x2 = ctx.xpub();
        XSubSocket xsub = ctx.xsub();
        xsub.connect(x1.bind(t.bindable("xx-up-1")));
        xsub.connect(x2.bind(t.bindable("xx-up-2")));
        Message up = Message.of(bytes("hello"), new byte[0], new byte[] {1, 0, (byte) 0xFF});
        xsub.send(up);
        xsub.send(Message.of("plain"));
        for (XPubSocket x : List.of(x1, x2)) {
            assertEquals(up, recv(x, "the upstream message"));
            assertEquals(Message.of("plain"), recv(x, "the second upstream message"));
        }
        xsub.send(sub("t"));
        for (XPubSocket x : List.of(x1, x2)) {
            assertEquals(sub("t"), recv(x, "the subscription"));
            sync(x, xsub, "t");
            x.send("t-down");
            assertEquals("t-down", recvData(xsub, "a message downstream").string(0));
        }
    }

    // RFC 29-XSUB-16 (subscriptions are accepted from the application, as 0x01/0x00 messages), 29-XSUB-17 (and sent
    // to the publishers).
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void rfc29_XSUB_16_XSUB_17_subscriptionsFromTheApplication(Transport t) {
        XPubSocket xpub = ctx.xpub();
        XSubSocket xsub = ctx.xsub();
        xsub.connect(xpub.bind(t.bindable("xx-subs")));
        xsub.send(sub("a"));
        assertEquals(sub("a"), recvPumping(xpub, "the subscription", xsub));
        sync(xpub, xsub, "a");
        xpub.send("b-1");
        xpub.send("a-1");
        assertEquals("a-1", recv(xsub, "the matching message").string(0));
        xsub.send(cancel("a"));
        assertEquals(cancel("a"), recv(xpub, "the cancellation"));
    }

    // RFC 29-XSUB-14 (a full outgoing queue drops the message silently), 29-XSUB-15 (sending never blocks), 29-XPUB-6
    // (the XPUB's incoming queue is limited too). Inproc only: the counts are exact there.
    @Test
    void rfc29_XSUB_14_XSUB_15_XPUB_6_aFullOutgoingQueueDropsNeverBlocks() {
        XPubSocket xpub = ctx.xpub(SocketOptions.builder().receiveHwm(2).build(), XPubOptions.DEFAULTS);
        XSubSocket xsub = ctx.xsub(SocketOptions.builder().sendHwm(2).build());
        xsub.connect(xpub.bind(Transport.INPROC.bindable("xx-full")));
        for (int i = 0; i < 10; i++) {
            assertTrue(xsub.trySend(Message.of(bytes("up"), tagged(i, 4).frame(0))), "an XSUB's send is never refused");
        }
        xsub.send(Message.of(bytes("up"), tagged(10, 4).frame(0)));
        List<Integer> got = new ArrayList<>();
        Message m;
        while ((m = xpub.tryReceive()) != null) {
            got.add(tag(m));
        }
        assertEquals(List.of(0, 1, 2, 3), got, "2 + 2 messages queued, the rest dropped");
    }

    // RFC 29-XSUB-3: a connecting XSUB keeps its queue across a lost connection and sends its subscriptions again;
    // a subscription made while the connection is down still reaches the new publisher exactly once (a verbose
    // XPUB shows every one it receives).
    @Test
    void subscriptionChangeWhileDisconnectedIsSentOnce() {
        XPubOptions verbose = new XPubOptions(true, true, false, null, false);
        String ep = Transport.TCP.concrete("xx-outage");
        XSubSocket xsub = ctx.xsub();
        Monitor events = xsub.monitor();
        xsub.connect(ep);
        XPubSocket x1 = ctx.xpub(SocketOptions.DEFAULTS, verbose);
        x1.bind(ep);
        xsub.send(sub("a"));
        assertEquals(sub("a"), recvPumping(x1, "the first subscription", xsub));
        awaitEvent(events, Kind.HANDSHAKE_SUCCEEDED);
        x1.unbind(ep);
        x1.close();
        awaitEvent(events, Kind.DISCONNECTED);
        xsub.send(sub("b"));
        XPubSocket x2 = ctx.xpub(SocketOptions.DEFAULTS, verbose);
        x2.bind(ep);
        Set<Message> got = new HashSet<>();
        got.add(recvPumping(x2, "a subscription after reconnection", xsub));
        got.add(recvPumping(x2, "a subscription after reconnection", xsub));
        assertEquals(Set.of(sub("a"), sub("b")), got);
        assertNothingPumping(x2, "a subscription sent twice", xsub);
    }

    // RFC 29-XPUB-18 with a connecting XPUB over tcp: a subscriber lost for good (its endpoint unbound) has its
    // subscriptions cancelled once the connection is gone and the XPUB is told so.
    @Test
    void rfc29_XPUB_18_aConnectingXpubStillReportsItsSubscribers() {
        XPubSocket xpub = ctx.xpub();
        Monitor events = xpub.monitor();
        SubSocket sub = ctx.sub();
        String ep = sub.bind(Transport.TCP.bindable("xx-connect"));
        sub.subscribe("k");
        xpub.connect(ep);
        assertEquals(sub("k"), recvPumping(xpub, "the subscription over a connecting XPUB", sub));
        awaitEvent(events, Kind.HANDSHAKE_SUCCEEDED);
        xpub.disconnect(ep);
        assertEquals(cancel("k"), recv(xpub, "the cancellation once the XPUB dropped the connection"));
    }
}
