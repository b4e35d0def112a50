package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jzmtp.core.ContextClosedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A busy-spinning context: its I/O thread polls and its sockets' waits poll instead of parking. Everything a blocking
 * context does must still hold: messages arrive, timeouts end waits, closing the context wakes a waiting thread.
 * More spinning threads than this machine's 2 cores must still make progress (the spinners yield their core).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BusySpinContextTest {
    private static Context spinning() {
        return Context.builder().idleStrategy(IdleStrategy.BUSY_SPIN).build();
    }

    /** Waits (bounded by the test's timeout) until the thread is inside the spinning wait of a socket mailbox. */
    private static void awaitSpinning(Thread thread) {
        awaitIn(thread, "io.jzmtp.transport.io.MpscSocketMailbox", "spin");
    }

    /**
     * Waits until the thread's stack shows the method (a parked thread never shows a spin method); fails after
     * 10 s or if the thread ends first.
     */
    private static void awaitIn(Thread thread, String className, String method) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            for (StackTraceElement e : thread.getStackTrace()) {
                if (e.getClassName().equals(className) && e.getMethodName().equals(method)) {
                    return;
                }
            }
            if (!thread.isAlive()) {
                throw new AssertionError(thread.getName() + " ended before it waited");
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(thread.getName() + " was not seen in " + className + "." + method + " within 10 s: "
            + java.util.Arrays.toString(thread.getStackTrace()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://spin-rr"})
    void requestsAndRepliesFlowWithMoreSpinnersThanCores(String endpoint) throws Exception {
        int rounds = 2_000;
        try (Context ctx = spinning();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind(endpoint));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread server = new Thread(() -> {
                try {
                    for (int i = 0; i < rounds; i++) {
                        rep.send(rep.receiveBytes());
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "spin-server");
            server.start();
            for (int i = 0; i < rounds; i++) {
                byte[] request = {(byte) i, (byte) (i >> 8)};
                req.send(request);
                byte[] reply = req.receiveBytes(Duration.ofSeconds(20));
                assertEquals(2, reply.length, "round " + i);
                assertEquals(request[0], reply[0]);
                assertEquals(request[1], reply[1]);
            }
            server.join(TimeUnit.SECONDS.toMillis(20));
            assertNull(failure.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://spin-timeout"})
    void aTimedReceiveEndsAtItsDeadline(String endpoint) {
        try (Context ctx = spinning();
             PullSocket pull = ctx.pull()) {
            pull.bind(endpoint);
            assertNull(pull.receiveBytes(Duration.ofMillis(50)));
            assertNull(pull.receive(Duration.ofMillis(50)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://spin-close"})
    void closingTheContextWakesASpinningReceiver(String endpoint) throws Exception {
        Context ctx = spinning();
        PullSocket pull = ctx.pull();
        pull.bind(endpoint);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread receiver = new Thread(() -> {
            try {
                pull.receiveBytes();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "spin-receiver");
        receiver.start();
        awaitSpinning(receiver);
        ctx.close();
        receiver.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(false, receiver.isAlive());
        assertThrows(ContextClosedException.class, () -> {
            throw thrown.get();
        });
    }

    /** A Poller over sockets of a busy-spinning context spins (never parks) and returns when a message arrives. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "inproc://spin-poller"})
    void aPollerOverSpinningSocketsSpinsAndSeesAMessage(String endpoint) throws Exception {
        try (Context ctx = spinning();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind(endpoint));
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread poller = new Thread(() -> {
                try (Poller p = new Poller()) {
                    int item = p.register(pull, Poller.IN);
                    int ready = p.poll(Duration.ofSeconds(30));
                    outcome.set(ready == 1 && p.readable(item) ? pull.receiveBytes() : "ready " + ready);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "spin-poller");
            poller.start();
            awaitIn(poller, "io.jzmtp.Poller", "spin");
            push.send(new byte[] {42});
            poller.join(TimeUnit.SECONDS.toMillis(20));
            assertEquals(false, poller.isAlive());
            Object got = outcome.get();
            assertEquals(byte[].class, got == null ? null : got.getClass(), "poll outcome: " + got);
            assertEquals(42, ((byte[]) got)[0]);
        }
    }
}
