package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketInterruptedException;
import io.jzmtp.SocketOptions;
import io.jzmtp.core.ContextClosedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing and waking: socket close never blocks, context close is bounded by the linger and wakes blocked callers,
 * interrupts leave the socket usable, and nothing runs on after the context is closed. The @Timeout on each test is
 * what guards "returns"; nothing here measures time.
 */
@Timeout(30)
class LifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static Set<Thread> ioThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("jzmtp-io-") && t.isAlive())
            .collect(Collectors.toSet());
    }

    /** Fills a PUSH until it refuses more (its peer does not read); returns how many it took. */
    private static int fill(PushSocket push, int size) {
        byte[] body = new byte[size];
        int n = 0;
        while (n < 1_000_000 && (push.trySend(Message.of(body)) || push.send(Message.of(body), Duration.ofMillis(100)))) {
            n++;
        }
        assertTrue(n < 1_000_000, "the PUSH never reached back-pressure");
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    @Timeout(15)
    void closingASocketWithMessagesQueuedToADeadPeerReturns(TransportKind t) {
        try (Context ctx = Context.create()) {
            // Nobody binds the endpoint: the messages can never leave, and the linger is unlimited.
            PushSocket push = ctx.push(SocketOptions.builder().linger(null).build());
            push.connect(t.concrete(dir, "dead"));
            if (t.isStream()) {
                for (int i = 0; i < 100; i++) {
                    assertTrue(push.trySend(Message.of("queued " + i)), "queued while disconnected");
                }
            }
            push.close();
            assertEquals(0, ctx.openSockets());
            ctx.close(Duration.ofMillis(200));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    @Timeout(15)
    void closingASocketWhosePeerDoesNotReadReturns(TransportKind t) {
        try (Context ctx = Context.create()) {
            SocketOptions small = SocketOptions.builder().receiveHwm(1).build();
            PullSocket pull = ctx.pull(small);
            PushSocket push = ctx.push(SocketOptions.builder().sendHwm(10).linger(null).build());
            push.connect(pull.bind(t.bindable(dir, "slow")));
            fill(push, 64 * 1024);
            push.close();
            pull.close();
            ctx.close(Duration.ofMillis(200));
        }
    }

    @Test
    @Timeout(15)
    void contextCloseWithMessagesQueuedToAPeerThatNeverReadsReturnsAndStopsItsThreads() {
        Context receiver = Context.create();
        PullSocket pull = receiver.pull(SocketOptions.builder().receiveHwm(1).build());
        String ep = pull.bind("tcp://127.0.0.1:*");
        Set<Thread> before = ioThreads();
        Context ctx = Context.builder().ioThreads(2).build();
        Set<Thread> mine = ioThreads();
        mine.removeAll(before);
        PushSocket push = ctx.push(SocketOptions.builder().sendHwm(10).linger(null).build());
        push.connect(ep);
        fill(push, 64 * 1024);
        // The socket stays open with its queue full: the context's linger, not the socket's (forever), bounds this.
        ctx.close(Duration.ofMillis(300));
        List<Thread> alive = mine.stream().filter(Thread::isAlive).toList();
        assertTrue(alive.isEmpty(), "I/O threads still alive after the context closed: " + alive);
        assertThrows(ContextClosedException.class, () -> push.trySend(Message.of("late")));
        receiver.close(Duration.ZERO);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void aReceiveBlockedWhileTheContextClosesGetsContextClosedException(TransportKind t) {
        Context ctx = Context.create();
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        push.connect(pull.bind(t.bindable(dir, "ctxr")));
        Background<Message> receiver = Background.start("receiver", pull::receive);
        receiver.awaitParked();
        ctx.close();
        assertInstanceOf(ContextClosedException.class, receiver.failure(WAIT));
    }

    @Test
    void aSendBlockedWhileTheContextClosesGetsContextClosedException() {
        Context ctx = Context.create();
        PushSocket push = ctx.push();
        Background<Void> sender = Background.start("sender", () -> {
            push.send("nobody to take it");
            return null;
        });
        sender.awaitParked();
        ctx.close();
        assertInstanceOf(ContextClosedException.class, sender.failure(WAIT));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void anInterruptedReceiveThrowsKeepsTheFlagAndLeavesTheSocketUsable(TransportKind t) throws InterruptedException {
        try (Context ctx = Context.create()) {
            PullSocket pull = ctx.pull();
            PushSocket push = ctx.push();
            push.connect(pull.bind(t.bindable(dir, "intr")));
            CountDownLatch caught = new CountDownLatch(1);
            Background<String> receiver = Background.start("receiver", () -> {
                try {
                    pull.receive();
                    return "received before the interrupt";
                } catch (SocketInterruptedException e) {
                    boolean flag = Thread.currentThread().isInterrupted();
                    Thread.interrupted();
                    caught.countDown();
                    Message m = pull.receive(WAIT);
                    return "flag=" + flag + " then " + (m == null ? "nothing" : m.string(0));
                }
            });
            receiver.awaitParked();
            receiver.thread().interrupt();
            assertTrue(caught.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the receive was not interrupted");
            push.send("after the interrupt");
            assertEquals("flag=true then after the interrupt", receiver.join(WAIT));
            // The owner may change once more (the join is the hand-over): the socket still works here too.
            push.send("again");
            Message m = pull.receive(WAIT);
            assertNotNull(m);
            assertEquals("again", m.string(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void anInterruptedSendThrowsKeepsTheFlagSendsNothingAndLeavesTheSocketUsable(TransportKind t)
        throws InterruptedException {
        try (Context ctx = Context.create()) {
            PullSocket pull = ctx.pull();
            String ep = pull.bind(t.bindable(dir, "ints"));
            PushSocket push = ctx.push(); // no peer yet: send waits
            CountDownLatch caught = new CountDownLatch(1);
            Background<String> sender = Background.start("sender", () -> {
                try {
                    push.send("interrupted one");
                    return "sent without a peer";
                } catch (SocketInterruptedException e) {
                    boolean flag = Thread.currentThread().isInterrupted();
                    Thread.interrupted();
                    caught.countDown();
                    push.connect(ep);
                    boolean sent = push.send(Message.of("after the interrupt"), WAIT);
                    return "flag=" + flag + " sent=" + sent;
                }
            });
            sender.awaitParked();
            sender.thread().interrupt();
            assertTrue(caught.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the send was not interrupted");
            assertEquals("flag=true sent=true", sender.join(WAIT));
            Message m = pull.receive(WAIT);
            assertNotNull(m, "the message sent after the interrupt");
            assertEquals("after the interrupt", m.string(0), "the interrupted message was not sent");
            assertEquals(null, pull.receive(Duration.ofMillis(100)), "nothing else arrives");
        }
    }

    @Test
    void afterContextCloseNoIoThreadRemainsAndSocketsThrowContextClosed() {
        Set<Thread> before = ioThreads();
        Context ctx = Context.builder().ioThreads(3).build();
        Set<Thread> mine = ioThreads();
        mine.removeAll(before);
        assertEquals(3, mine.size(), "the context started 3 I/O threads named jzmtp-io-*");
        PullSocket pull = ctx.pull();
        PushSocket push = ctx.push();
        String ep = pull.bind("tcp://127.0.0.1:*");
        push.connect(ep);
        push.send("x");
        assertNotNull(pull.receive(WAIT));
        ctx.close();
        List<Thread> alive = mine.stream().filter(Thread::isAlive).toList();
        assertTrue(alive.isEmpty(), "I/O threads alive after close returned: " + alive);
        assertTrue(ioThreads().stream().noneMatch(mine::contains));

        assertThrows(ContextClosedException.class, () -> push.send("x"));
        assertThrows(ContextClosedException.class, () -> push.trySend(Message.of("x")));
        assertThrows(ContextClosedException.class, () -> push.send(Message.of("x"), Duration.ofMillis(10)));
        assertThrows(ContextClosedException.class, pull::receive);
        assertThrows(ContextClosedException.class, pull::tryReceive);
        assertThrows(ContextClosedException.class, () -> pull.receive(Duration.ofMillis(10)));
        assertThrows(ContextClosedException.class, () -> pull.bind("tcp://127.0.0.1:*"));
        assertThrows(ContextClosedException.class, () -> push.connect(ep));
        assertThrows(ContextClosedException.class, ctx::push);
        // Closing what is left stays possible, and twice is harmless.
        push.close();
        pull.close();
        ctx.close();
        assertFalse(mine.stream().anyMatch(Thread::isAlive));
    }
}
