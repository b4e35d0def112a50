package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PubSubSmokeTest {
    /** Publishes until the subscriber sees a message: subscriptions travel asynchronously. */
    private static Message publishUntilReceived(PubSocket pub, SubSocket sub, String topic) {
        for (int i = 0; i < 2000; i++) {
            pub.send(Message.of(topic, "body"));
            Message m = sub.receive(Duration.ofMillis(5));
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://ps", "ipc://*"})
    void prefixFiltering(String endpoint) {
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub();
             SubSocket sub = ctx.sub()) {
            sub.connect(pub.bind(endpoint));
            sub.subscribe("weather.");
            Message m = publishUntilReceived(pub, sub, "weather.nyc");
            assertNotNull(m);
            assertEquals("weather.nyc", m.string(0));
            while (sub.receive(Duration.ofMillis(50)) != null) {
                // drain the probes still in flight
            }
            pub.send(Message.of("sports.nyc", "x"));
            pub.send(Message.of("weather.ldn", "y"));
            assertEquals("weather.ldn", sub.receive(Duration.ofSeconds(5)).string(0));
        }
    }

    @Test
    void xpubSeesSubscriptionsAndDepartures() {
        try (Context ctx = Context.create();
             XPubSocket xpub = ctx.xpub()) {
            String ep = xpub.bind("tcp://127.0.0.1:*");
            SubSocket sub = ctx.sub();
            sub.connect(ep);
            sub.subscribe("abc");
            // A connecting SUB sends its subscriptions once it is used after the handshake (as it is by receive).
            Message s = null;
            for (int i = 0; i < 1000 && s == null; i++) {
                sub.tryReceive();
                s = xpub.receive(Duration.ofMillis(5));
            }
            assertEquals(1, s.frame(0)[0]);
            assertEquals("abc", new String(s.frame(0), 1, 3, java.nio.charset.StandardCharsets.UTF_8));
            sub.close();
            Message cancel = xpub.receive(Duration.ofSeconds(5));
            assertNotNull(cancel, "a departing subscriber's topics are cancelled upstream");
            assertEquals(0, cancel.frame(0)[0]);
            assertNull(xpub.receive(Duration.ofMillis(50)));
        }
    }

    @Test
    void conflatingPublisherSendsTheNewestWhenRoomReturns() {
        try (Context ctx = Context.create();
             PubSocket pub = ctx.pub(SocketOptions.builder().conflate(true).build());
             SubSocket sub = ctx.sub(SocketOptions.builder().receiveHwm(1).build())) {
            sub.connect(pub.bind("inproc://conflated"));
            sub.subscribe("");
            assertNotNull(publishUntilReceived(pub, sub, "probe"));
            while (sub.receive(Duration.ofMillis(50)) != null) {
                // drain the probes
            }
            for (int i = 0; i < 100; i++) {
                pub.send(Message.of("v" + i));
            }
            String last = null;
            int count = 0;
            Message m;
            while ((m = sub.receive(Duration.ofMillis(200))) != null) {
                last = m.string(0);
                count++;
                pub.peerCount(); // any call lets the publisher act on the room the subscriber made
            }
            assertEquals("v99", last, "the newest update always gets through");
            org.junit.jupiter.api.Assertions.assertTrue(count <= 3, "older updates were replaced: " + count);
        }
    }
}
