package io.jzmtp;

import io.jzmtp.transport.io.MpscSocketMailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits on many sockets from one thread until some can be read from or written to, with no file descriptor per
 * socket: the poller parks its thread once, announced to every socket's mailbox, and whichever socket gets news
 * first unparks it. When every polled socket belongs to a busy-spinning context ({@link IdleStrategy#BUSY_SPIN}), the
 * poller spins instead, as those sockets' own waits do: it checks them again and again, giving its core away every
 * few turns, and never parks.
 *
 * <p>The polled sockets must be owned by the polling thread. Readiness for reading takes one message ahead, which
 * the next receive on that socket returns. Not thread-safe: one owner thread.
 *
 * <pre>{@code
 * try (Poller poller = new Poller()) {
 *     int fe = poller.register(frontend, Poller.IN);
 *     int be = poller.register(backend, Poller.IN);
 *     while (poller.poll(Duration.ofSeconds(1)) >= 0) {
 *         if (poller.readable(fe)) { backend.send(frontend.receive()); }
 *         if (poller.readable(be)) { frontend.send(backend.receive()); }
 *     }
 * }
 * }</pre>
 */
public final class Poller implements AutoCloseable {
    /** Interest in reading: a receive would not wait. */
    public static final int IN = 1;
    /** Interest in writing: a send would not wait. */
    public static final int OUT = 2;

    private final List<ZSocket> sockets = new ArrayList<>();
    private final List<Integer> interests = new ArrayList<>();
    private int[] ready = new int[0];
    private volatile Thread owner;
    private volatile boolean woken;

    /** Creates an empty poller. Allocates; any thread (then used by one). */
    public Poller() {
    }

    /**
     * Adds a socket.
     *
     * @param socket the socket
     * @param events {@link #IN}, {@link #OUT} or both
     * @return the item's index, for {@link #readable(int)} and {@link #writable(int)}
     * @throws IllegalArgumentException if events is not a combination of IN and OUT
     */
    public int register(ZSocket socket, int events) {
        Objects.requireNonNull(socket, "socket");
        if (events <= 0 || (events & ~(IN | OUT)) != 0) {
            throw new IllegalArgumentException("poll events " + events + ": expected IN, OUT or IN | OUT");
        }
        sockets.add(socket);
        interests.add(events);
        ready = new int[sockets.size()];
        return sockets.size() - 1;
    }

    /** @return the number of registered sockets */
    public int size() {
        return sockets.size();
    }

    /**
     * Waits until at least one socket is ready for one of its events, or the timeout passes. The owner thread only;
     * blocks (parks, or spins when every polled socket's context busy-spins). Allocates only the message it takes
     * ahead from a readable socket (as a receive of a {@link Message} would); nothing while it waits.
     *
     * @param timeout how long to wait; zero checks without waiting
     * @return the number of ready sockets (0 on timeout)
     * @throws SocketInterruptedException if the thread is interrupted while waiting (flag left set)
     */
    public int poll(Duration timeout) {
        owner = Thread.currentThread();
        long t = ZSocket.nanos(timeout);
        long deadline = System.nanoTime() + Math.min(t, Long.MAX_VALUE / 4);
        boolean spinning = spinning();
        for (int turn = 1; ; turn++) {
            int n = check();
            if (n > 0 || t == 0 || System.nanoTime() - deadline >= 0) {
                return n;
            }
            if (woken) {
                woken = false;
                return 0;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new SocketInterruptedException();
            }
            if (spinning) {
                spin(turn);
                continue;
            }
            int armed = 0;
            boolean park = true;
            for (int i = 0; i < sockets.size(); i++) {
                if (!sockets.get(i).core.prepareToPark()) {
                    park = false;
                    break;
                }
                armed++;
            }
            if (park && !woken) {
                LockSupport.parkNanos(this, deadline - System.nanoTime());
            }
            for (int i = 0; i < armed; i++) {
                sockets.get(i).core.unparked();
            }
        }
    }

    /** @return true if there are sockets and every one waits by spinning (a busy-spinning context) */
    private boolean spinning() {
        for (int i = 0; i < sockets.size(); i++) {
            if (!sockets.get(i).core.waitsBySpinning()) {
                return false;
            }
        }
        return !sockets.isEmpty();
    }

    /** One idle turn of a spinning poll, at the same cadence as a spinning socket's own wait. */
    private static void spin(int turn) {
        MpscSocketMailbox.idleTurn(turn);
    }

    private int check() {
        int n = 0;
        for (int i = 0; i < sockets.size(); i++) {
            ZSocket s = sockets.get(i);
            s.core.checkOpen();
            s.core.processCommands();
            int want = interests.get(i);
            int r = 0;
            if ((want & IN) != 0 && s.pollIn()) {
                r |= IN;
            }
            if ((want & OUT) != 0 && s.pollOut()) {
                r |= OUT;
            }
            ready[i] = r;
            if (r != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param index an item's index
     * @return true if the last poll found the socket readable
     */
    public boolean readable(int index) {
        return (ready[index] & IN) != 0;
    }

    /**
     * @param index an item's index
     * @return true if the last poll found the socket writable
     */
    public boolean writable(int index) {
        return (ready[index] & OUT) != 0;
    }

    /**
     * Makes a waiting (or the next) {@link #poll} return 0 at once. Any thread; never blocks.
     */
    public void wakeup() {
        woken = true;
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Forgets the sockets (it does not close them). */
    @Override
    public void close() {
        sockets.clear();
        interests.clear();
        ready = new int[0];
    }
}
