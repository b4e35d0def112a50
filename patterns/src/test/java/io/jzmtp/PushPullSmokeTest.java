package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PushPullSmokeTest {
    @TempDir
    Path dir;

    private String endpoint(String transport) {
        switch (transport) {
            case "tcp": return "tcp://127.0.0.1:*";
            case "ipc": return "ipc://" + dir.resolve("s.sock");
            default: return "inproc://smoke";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc", "inproc"})
    void pushToPullInOrder(String transport) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            String ep = pull.bind(endpoint(transport));
            push.connect(ep);
            for (int i = 0; i < 1000; i++) {
                push.send(Message.of("m" + i, "x"));
            }
            for (int i = 0; i < 1000; i++) {
                Message m = pull.receive(Duration.ofSeconds(10));
                assertNotNull(m, "message " + i);
                assertEquals("m" + i, m.string(0));
                assertEquals(2, m.size());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc", "inproc"})
    void pairBothWays(String transport) {
        try (Context ctx = Context.create();
             PairSocket a = ctx.pair();
             PairSocket b = ctx.pair()) {
            String ep = a.bind(endpoint(transport));
            b.connect(ep);
            b.send("ping");
            assertEquals("ping", a.receiveString());
            a.send("pong");
            assertEquals("pong", b.receiveString());
        }
    }

    @Test
    void connectBeforeBindOverTcpQueuesMessages() {
        try (Context ctx = Context.create();
             PushSocket push = ctx.push();
             PullSocket pull = ctx.pull()) {
            String ep;
            try (PullSocket probe = ctx.pull()) {
                ep = probe.bind("tcp://127.0.0.1:*");
                probe.unbind(ep);
            }
            push.connect(ep);
            push.send("early");
            // The PUSH keeps trying to connect; on loopback an attempt can hold the port for an instant.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try {
                    pull.bind(ep);
                    break;
                } catch (IllegalArgumentException inUse) {
                    if (System.nanoTime() > deadline) {
                        throw inUse;
                    }
                    Thread.onSpinWait();
                }
            }
            assertEquals("early", pull.receive(Duration.ofSeconds(10)).string(0));
        }
    }

    @Test
    void connectBeforeBindOverInprocQueuesMessages() {
        try (Context ctx = Context.create();
             PushSocket push = ctx.push();
             PullSocket pull = ctx.pull()) {
            push.connect("inproc://later");
            org.junit.jupiter.api.Assertions.assertTrue(push.trySend(Message.of("early")),
                "a connection made before the bind queues messages, as libzmq's does");
            pull.bind("inproc://later");
            assertEquals("early", pull.receive(Duration.ofSeconds(10)).string(0));
        }
    }

    @Test
    void conflateKeepsOnlyTheNewest() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull(SocketOptions.builder().conflate(true).build());
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("inproc://conflate"));
            for (int i = 0; i < 100; i++) {
                push.send("v" + i);
            }
            assertEquals("v99", pull.receive(Duration.ofSeconds(10)).string(0));
            org.junit.jupiter.api.Assertions.assertNull(pull.tryReceive());
        }
    }

    @Test
    void socketTimeoutsBoundThePlainCalls() {
        SocketOptions quick = SocketOptions.builder().sendTimeout(Duration.ofMillis(50))
            .receiveTimeout(Duration.ofMillis(50)).build();
        try (Context ctx = Context.create();
             PushSocket push = ctx.push(quick);
             PullSocket pull = ctx.pull(quick)) {
            org.junit.jupiter.api.Assertions.assertFalse(push.send(Message.of("nobody")),
                "a PUSH with no peer waits, then reports back-pressure after its send timeout");
            org.junit.jupiter.api.Assertions.assertNull(pull.receive(), "nothing arrives within the receive timeout");
        }
    }

    /** Closing right after sending: what was queued before the handshake still goes out within the linger. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void messagesQueuedBeforeTheHandshakeOutliveClose(String transport) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull()) {
            String ep = pull.bind(endpoint(transport));
            PushSocket push = ctx.push(SocketOptions.builder().linger(Duration.ofSeconds(10)).build());
            push.connect(ep);
            for (int i = 0; i < 100; i++) {
                push.send(Message.of("m" + i));
            }
            push.close();
            for (int i = 0; i < 100; i++) {
                Message m = pull.receive(Duration.ofSeconds(10));
                assertNotNull(m, "message " + i + " of 100");
                assertEquals("m" + i, m.string(0));
            }
        }
    }

    /** Closed before anyone listens: the session keeps connecting for the linger, then delivers. */
    @Test
    void closedBeforeThePeerBindsStillDeliversWithinTheLinger() {
        Context ctx = Context.create();
        String ep;
        try (PullSocket probe = ctx.pull()) {
            ep = probe.bind("tcp://127.0.0.1:*");
            probe.unbind(ep);
        }
        PushSocket push = ctx.push(SocketOptions.builder().linger(Duration.ofSeconds(10)).build());
        push.connect(ep);
        push.send(Message.of("early"));
        push.close();
        PullSocket pull = ctx.pull();
        bindWhenFree(pull, ep);
        Message m = pull.receive(Duration.ofSeconds(10));
        assertNotNull(m, "the message queued before close");
        assertEquals("early", m.string(0));
        assertNull(pull.receive(Duration.ofMillis(100)), "sent once");
        pull.close();
        long start = System.nanoTime();
        ctx.close();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
            "once its queue is sent, the lingering session ends: the context does not wait out the linger");
    }

    /** A context closed right after connect and send still lingers for that session (it was not started yet). */
    @Test
    void contextClosedRightAfterConnectStillDelivers() {
        try (Context receiving = Context.create();
             PullSocket pull = receiving.pull()) {
            String ep = pull.bind("tcp://127.0.0.1:*");
            for (int round = 0; round < 20; round++) {
                Context sending = Context.create();
                PushSocket push = sending.push(SocketOptions.builder().linger(Duration.ofSeconds(10)).build());
                push.connect(ep);
                push.send(Message.of("round " + round));
                push.close();
                sending.close();
                Message m = pull.receive(Duration.ofSeconds(10));
                assertNotNull(m, "round " + round);
                assertEquals("round " + round, m.string(0));
            }
        }
    }

    /** Closed with no linger: nothing queued survives, and the context closes at once. */
    @Test
    void zeroLingerDropsWhatIsQueued() {
        try (Context ctx = Context.create()) {
            String ep;
            try (PullSocket probe = ctx.pull()) {
                ep = probe.bind("tcp://127.0.0.1:*");
                probe.unbind(ep);
            }
            PushSocket push = ctx.push(SocketOptions.builder().linger(Duration.ZERO).build());
            push.connect(ep);
            push.send(Message.of("dropped"));
            push.close();
            try (PullSocket pull = ctx.pull()) {
                bindWhenFree(pull, ep);
                assertNull(pull.receive(Duration.ofMillis(500)), "a zero linger drops the queue");
            }
        }
    }

    /** The old listener closes asynchronously: retry the bind until its port is free (bounded by the test timeout). */
    private static void bindWhenFree(PullSocket pull, String ep) {
        while (true) {
            try {
                pull.bind(ep);
                return;
            } catch (IllegalArgumentException inUse) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // polling the port; bounded by @Timeout
            }
        }
    }
}
