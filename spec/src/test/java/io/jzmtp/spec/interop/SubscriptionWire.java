package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Frames.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/**
 * The two wire forms of a subscription (zmtp-notes §1.8): ZMTP 3.1 SUBSCRIBE/CANCEL commands (RFC 37) and ZMTP 3.0
 * 0x01/0x00 messages (RFC 29), and a check of which form a subscriber used through a {@link WireTap}. Test code only.
 */
final class SubscriptionWire {
    /** Why the early-subscription tests are disabled (shared so that both peers' tests say the same). */
    /** A topic whose length (10) keeps clear of libzmq 4.3.4's 246–255-byte SUBSCRIBE bug. */
    static final String TOPIC = "wire-topic";

    private SubscriptionWire() {
    }

    /** @return a short command frame: flags 0x04, size, name length, name, topic */
    static byte[] command(String name, String topic) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] t = topic.getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[3 + n.length + t.length];
        f[0] = 4;
        f[1] = (byte) (1 + n.length + t.length);
        f[2] = (byte) n.length;
        System.arraycopy(n, 0, f, 3, n.length);
        System.arraycopy(t, 0, f, 3 + n.length, t.length);
        return f;
    }

    /** @return a short message frame: flags 0x00, size, 0x01 (subscribe) or 0x00 (cancel), topic */
    static byte[] message(boolean subscribe, String topic) {
        byte[] body = Frames.subscription(subscribe, topic);
        byte[] f = new byte[2 + body.length];
        f[1] = (byte) body.length;
        System.arraycopy(body, 0, f, 2, body.length);
        return f;
    }

    /**
     * The subscriber (connected through the tap to the XPUB) subscribes to {@link #TOPIC} and cancels it; the XPUB
     * must hand over both, and the tap must show the expected form and not the other.
     *
     * @param asCommands true for 3.1 commands, false for 3.0 messages
     */
    static void subscribeAndCancel(InteropSocket sub, InteropSocket xpub, WireTap tap, boolean asCommands) {
        sub.subscribe(TOPIC);
        assertEquals(Frames.show(Frames.subscription(true, TOPIC)), Frames.show(Scenarios.awaitSubscription(xpub, sub)),
            xpub.who() + " received");
        sub.unsubscribe(TOPIC);
        expect(xpub, Frames.subscription(false, TOPIC));
        byte[] up = tap.upstream();
        byte[] subscribeCmd = command("SUBSCRIBE", TOPIC);
        byte[] cancelCmd = command("CANCEL", TOPIC);
        byte[] subscribeMsg = message(true, TOPIC);
        byte[] cancelMsg = message(false, TOPIC);
        assertEquals(asCommands, WireTap.contains(up, subscribeCmd), sub.who() + " sent a SUBSCRIBE command");
        assertEquals(asCommands, WireTap.contains(up, cancelCmd), sub.who() + " sent a CANCEL command");
        assertEquals(!asCommands, WireTap.contains(up, subscribeMsg), sub.who() + " sent a 0x01 message");
        assertEquals(!asCommands, WireTap.contains(up, cancelMsg), sub.who() + " sent a 0x00 message");
        assertTrue(up.length > 11 && tap.downstream().length > 11, "greetings on the wire");
        assertFalse(up[11] == 0 && asCommands, sub.who() + " announced ZMTP 3.0 yet sent 3.1 commands");
    }
}
