package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one-object API returns null (or false) when nothing comes (or no room) within the time given. */
class BytesTimeoutTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tryReceiveBytesReturnsNullWhenEmpty() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PairSocket pair = ctx.pair()) {
            pull.bind("inproc://bt-empty");
            pair.bind("tcp://127.0.0.1:*");
            assertNull(pull.tryReceiveBytes());
            assertNull(pair.tryReceiveBytes());
            assertFalse(pull.hasMore());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void receiveBytesReturnsNullAfterTheTimeout() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             RouterSocket router = ctx.router()) {
            pull.bind("tcp://127.0.0.1:*");
            router.bind("inproc://bt-router");
            assertNull(pull.receiveBytes(Duration.ofMillis(50)));
            assertNull(router.receiveBytes(Duration.ofMillis(50)));
            assertNull(pull.receiveString(Duration.ofMillis(50)));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theSocketTimeoutsBoundThePlainCalls() {
        SocketOptions quick = SocketOptions.builder().sendTimeout(Duration.ofMillis(50))
            .receiveTimeout(Duration.ofMillis(50)).build();
        try (Context ctx = Context.create();
             PushSocket push = ctx.push(quick);
             PullSocket pull = ctx.pull(quick)) {
            assertFalse(push.send(new byte[] {1}), "no peer: back-pressure after the send timeout");
            assertFalse(push.trySend(new byte[] {1}));
            assertFalse(push.send(new byte[] {1}, Duration.ofMillis(50)));
            assertNull(pull.receiveBytes(), "nothing arrives within the receive timeout");
        }
    }
}
