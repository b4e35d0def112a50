package io.jzmtp.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jzmtp.transport.engine.HeartbeatPolicy.Action;
import org.junit.jupiter.api.Test;

class HeartbeatPolicyTest {
    private static final long MS = 1_000_000L;

    @Test
    void pingsEveryIntervalOnceHandshakeIsComplete() {
        HeartbeatPolicy p = new HeartbeatPolicy(100 * MS, -1, 2000 * MS);
        assertEquals(Long.MAX_VALUE, p.nextDeadline());
        p.onHandshakeComplete(0);
        assertEquals(Action.NONE, p.poll(99 * MS));
        assertEquals(Action.SEND_PING, p.poll(100 * MS));
        assertEquals(20, p.pingTtlDeciseconds());
        p.onTraffic(150 * MS);
        assertEquals(Action.SEND_PING, p.poll(200 * MS));
    }

    @Test
    void silenceAfterPingTimesOut() {
        // RFC 37 37-PING: a peer that stops answering is dropped after the timeout.
        HeartbeatPolicy p = new HeartbeatPolicy(100 * MS, 50 * MS, 0);
        p.onHandshakeComplete(0);
        assertEquals(Action.SEND_PING, p.poll(100 * MS));
        assertEquals(150 * MS, p.nextDeadline());
        assertEquals(Action.NONE, p.poll(149 * MS));
        assertEquals(Action.TIMED_OUT, p.poll(150 * MS));
    }

    @Test
    void anyTrafficCancelsTheTimeout() {
        HeartbeatPolicy p = new HeartbeatPolicy(100 * MS, 50 * MS, 0);
        p.onHandshakeComplete(0);
        p.poll(100 * MS);
        p.onTraffic(120 * MS);
        assertEquals(Action.NONE, p.poll(160 * MS));
        assertEquals(200 * MS, p.nextDeadline());
    }

    @Test
    void peerTtlExpiresWithoutTraffic() {
        HeartbeatPolicy p = new HeartbeatPolicy(0, -1, 0);
        p.onHandshakeComplete(0);
        p.onTraffic(10 * MS);
        p.onPing(5, 10 * MS);
        assertEquals(Action.NONE, p.poll(509 * MS));
        assertEquals(Action.TIMED_OUT, p.poll(510 * MS));
    }

    @Test
    void disabledIntervalNeverPings() {
        HeartbeatPolicy p = new HeartbeatPolicy(0, -1, 0);
        p.onHandshakeComplete(0);
        assertEquals(Action.NONE, p.poll(Long.MAX_VALUE - 1));
        assertEquals(Long.MAX_VALUE, p.nextDeadline());
    }
}
