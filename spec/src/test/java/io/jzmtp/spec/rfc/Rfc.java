package io.jzmtp.spec.rfc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.Message;
import io.jzmtp.Monitor;
import io.jzmtp.Receiver;
import io.jzmtp.Sender;
import io.jzmtp.monitor.SocketEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * What the RFC 28-31 conformance tests share: the transports they run over, deadlines, and helpers that wait for a
 * condition or a message without ever sleeping a guessed time.
 *
 * <p>Absence ("this message is never delivered") can only be observed for a bounded window: {@link #QUIET}. Such
 * checks are always preceded by a positive synchronisation (a later message on the same path has arrived, or the
 * message was put straight into an inproc pipe), so the window only has to cover what is already in flight.
 */
final class Rfc {
    /** Generous: only a hang or a lost wake-up gets near it. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The window of a bounded "nothing (more) arrives" observation. */
    static final Duration QUIET = Duration.ofMillis(300);

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Rfc() {
    }

    /** The transports the pattern tests run over: inproc (pipes only) and tcp (engine, handshake, kernel buffers). */
    enum Transport {
        INPROC, TCP;

        /** @return an endpoint to bind: a fresh inproc name, or a wildcard port on loopback */
        String bindable(String name) {
            return this == TCP ? "tcp://127.0.0.1:*" : "inproc://rfc-" + name + "-" + NAMES.incrementAndGet();
        }

        /** @return an endpoint known before anything binds it (connect-before-bind): for tcp a port just released */
        String concrete(String name) {
            if (this == INPROC) {
                return bindable(name);
            }
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return "tcp://127.0.0.1:" + s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Polls the condition (parking a millisecond between tries) until it holds; fails after {@link #WAIT}. */
    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** @return the next message, failing if none arrives within {@link #WAIT} */
    static Message recv(Receiver r, String what) {
        Message m = r.receive(WAIT);
        assertNotNull(m, what + " did not arrive within " + WAIT);
        return m;
    }

    /**
     * Waits for a message on {@code target} while keeping the {@code pumps} busy. A socket does its work on its
     * owner's calls (like libzmq's): a connecting SUB sends its subscriptions once it has handled its handshake,
     * which it does on its next call, so an idle one must be called for them to leave. The pumps must receive
     * nothing meanwhile.
     */
    static Message recvPumping(Receiver target, String what, Receiver... pumps) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            pump(pumps);
            Message m = target.receive(Duration.ofMillis(5));
            if (m != null) {
                return m;
            }
            if (System.nanoTime() - deadline > 0) {
                return fail(what + " did not arrive within " + WAIT);
            }
        }
    }

    /** As {@link #assertNothing}, keeping the {@code pumps} busy (see {@link #recvPumping}). */
    static void assertNothingPumping(Receiver target, String what, Receiver... pumps) {
        long deadline = System.nanoTime() + QUIET.toNanos();
        while (System.nanoTime() - deadline < 0) {
            pump(pumps);
            Message m = target.receive(Duration.ofMillis(5));
            assertNull(m, what + ": expected nothing, got " + m);
        }
    }

    private static void pump(Receiver... pumps) {
        for (Receiver p : pumps) {
            Message m = p.tryReceive();
            assertNull(m, "a pumped socket received " + m);
        }
    }

    /** Asserts that nothing arrives within {@link #QUIET}. */
    static void assertNothing(Receiver r, String what) {
        Message m = r.receive(QUIET);
        assertNull(m, what + ": expected nothing, got " + m);
    }

    /** Waits for the next event of the kind, failing after {@link #WAIT}. */
    static SocketEvent awaitEvent(Monitor monitor, SocketEvent.Kind kind) {
        List<SocketEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SocketEvent e = left > 0 ? monitor.poll(Duration.ofNanos(left)) : null;
            if (e == null) {
                return fail("no " + kind + " event within " + WAIT + "; seen " + seen);
            }
            seen.add(e);
            if (e.kind() == kind) {
                return e;
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @return a one-frame message whose first 4 octets carry {@code tag}, padded to {@code size} octets */
    static Message tagged(int tag, int size) {
        byte[] b = new byte[Math.max(4, size)];
        ByteBuffer.wrap(b).putInt(tag);
        return Message.of(b);
    }

    /** @return the tag of a {@link #tagged} message (its last frame) */
    static int tag(Message m) {
        return ByteBuffer.wrap(m.frame(m.size() - 1)).getInt();
    }

    /**
     * Sends tagged messages {@code from, from+1, ...} until a send is refused (the queue toward the peer is full).
     * Over tcp a refusal may be momentary (the I/O thread had not taken the last message yet); either way every
     * accepted message was queued to the peer and the refused one was not.
     *
     * @return the tags accepted
     */
    static List<Integer> fill(Sender s, int from, int size, int max) {
        List<Integer> accepted = new ArrayList<>();
        for (int i = from; i < from + max; i++) {
            if (!s.trySend(tagged(i, size))) {
                return accepted;
            }
            accepted.add(i);
        }
        return fail("the queue never filled: " + max + " messages were accepted");
    }

    /**
     * Pub-sub synchronisation: publishes probes under {@code prefix} until the subscriber gets one (its subscription
     * reached the publisher), then a marker, and consumes everything up to the marker. Afterwards the subscriber's
     * queue from this publisher holds nothing but what is published next.
     */
    static void sync(Sender pub, Receiver sub, String prefix) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sub.receive(Duration.ofMillis(10)) == null) {
            if (System.nanoTime() - deadline > 0) {
                fail("the subscription to '" + prefix + "' did not reach the publisher within " + WAIT);
            }
            pub.send(Message.of(prefix + "~probe"));
        }
        String marker = prefix + "~sync" + NAMES.incrementAndGet();
        pub.send(Message.of(marker));
        while (true) {
            String s = recv(sub, "the sync marker").string(0);
            if (s.equals(marker)) {
                return;
            }
            if (!s.endsWith("~probe")) {
                fail("expected only probes before the marker, got '" + s + "'");
            }
        }
    }

    /** @return the next message that is not a {@link #sync} probe or marker */
    static Message recvData(Receiver r, String what) {
        while (true) {
            Message m = recv(r, what);
            if (!isProbe(m)) {
                return m;
            }
        }
    }

    static boolean isProbe(Message m) {
        String s = new String(m.frame(0), StandardCharsets.UTF_8);
        return s.contains("~probe") || s.contains("~sync");
    }

    /** A task on its own thread; starting the thread hands it the sockets it uses, joining hands them back. */
    static final class Background<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Thread thread;

        private Background(String name, Callable<T> task) {
            thread = new Thread(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }, name);
            thread.setDaemon(true);
        }

        static <T> Background<T> start(String name, Callable<T> task) {
            Background<T> b = new Background<>(name, task);
            b.thread.start();
            return b;
        }

        /** @return the task's result, failing if it threw or did not end within {@link #WAIT} */
        T join() {
            try {
                return result.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError(thread.getName() + " failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError(thread.getName() + " did not finish within " + WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Waits until the thread is parked (blocked in a socket call). */
        void awaitParked() {
            until(() -> {
                Thread.State s = thread.getState();
                return (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
                    && LockSupport.getBlocker(thread) != null;
            }, thread.getName() + " is parked in a socket call");
        }
    }
}
