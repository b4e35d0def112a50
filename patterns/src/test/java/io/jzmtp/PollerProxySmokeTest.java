package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.SocketType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollerProxySmokeTest {
    @Test
    void pollerReportsTheReadableSocket() {
        try (Context ctx = Context.create();
             PullSocket a = ctx.pull();
             PullSocket b = ctx.pull();
             PushSocket pb = ctx.push();
             Poller poller = new Poller()) {
            a.bind("inproc://a");
            pb.connect(b.bind("inproc://b"));
            int ia = poller.register(a, Poller.IN);
            int ib = poller.register(b, Poller.IN);
            assertEquals(0, poller.poll(Duration.ZERO));
            pb.send("x");
            assertEquals(1, poller.poll(Duration.ofSeconds(5)));
            assertFalse(poller.readable(ia));
            assertTrue(poller.readable(ib));
            assertEquals("x", b.receiveString());
        }
    }

    @Test
    void pollerWaitsForRoomAfterHwm() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull(SocketOptions.builder().receiveHwm(1).build());
             PushSocket push = ctx.push(SocketOptions.builder().sendHwm(1).build());
             Poller poller = new Poller()) {
            push.connect(pull.bind("inproc://hwm"));
            int ip = poller.register(push, Poller.OUT);
            int sent = 0;
            while (poller.poll(Duration.ofMillis(200)) > 0 && poller.writable(ip)) {
                assertTrue(push.trySend(Message.of("m")));
                sent++;
            }
            assertTrue(sent >= 1, "some messages fit before the HWM");
            assertEquals("m", pull.receiveString());
            assertEquals(1, poller.poll(Duration.ofSeconds(5)), "room again after the reader consumed");
        }
    }

    @Test
    void proxyForwardsAndCounts() throws Exception {
        try (Context ctx = Context.create()) {
            PullSocket front = ctx.pull();
            PushSocket back = ctx.push();
            front.bind("inproc://front");
            back.bind("inproc://back");
            Proxy proxy = new Proxy(front, back, null);
            CompletableFuture<Void> running = CompletableFuture.runAsync(proxy::run);
            try (PushSocket in = ctx.push(); PullSocket out = ctx.pull()) {
                in.connect("inproc://front");
                out.connect("inproc://back");
                for (int i = 0; i < 10; i++) {
                    in.send("m" + i);
                }
                for (int i = 0; i < 10; i++) {
                    assertEquals("m" + i, out.receive(Duration.ofSeconds(5)).string(0));
                }
            }
            proxy.terminate();
            running.get(10, TimeUnit.SECONDS);
            assertEquals(10, proxy.statistics().frontendMessagesIn());
            assertEquals(10, proxy.statistics().backendMessagesOut());
            front.close();
            back.close();
        }
    }

    @Test
    void socketFactoryCoversTheStandardTypes() {
        try (Context ctx = Context.create()) {
            for (SocketType t : new SocketType[] {SocketType.PAIR, SocketType.PUB, SocketType.SUB, SocketType.REQ,
                SocketType.REP, SocketType.DEALER, SocketType.ROUTER, SocketType.PULL, SocketType.PUSH,
                SocketType.XPUB, SocketType.XSUB}) {
                try (ZSocket s = ctx.socket(t)) {
                    assertEquals(t, s.type());
                }
            }
            assertThrows(IllegalArgumentException.class, () -> ctx.socket(SocketType.RADIO));
        }
    }
}
