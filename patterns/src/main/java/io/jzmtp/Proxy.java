package io.jzmtp;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Forwards messages between a frontend and a backend socket in both directions where the sockets allow it (for
 * example ROUTER-DEALER, XSUB-XPUB, PULL-PUSH), copying each to an optional capture socket. {@link #run()} does the
 * forwarding on the calling thread, which must own the three sockets; {@link #pause()}, {@link #resume()},
 * {@link #terminate()} and {@link #statistics()} steer it from any thread.
 *
 * <pre>{@code
 * Proxy proxy = new Proxy(router, dealer, null);
 * Thread t = new Thread(proxy::run);   // the sockets must be used only by that thread from now on
 * ...
 * proxy.terminate();
 * }</pre>
 */
public final class Proxy {
    /**
     * Message and byte counts, as libzmq's steerable proxy reports them.
     *
     * @param frontendMessagesIn messages received from the frontend
     * @param frontendBytesIn bytes received from the frontend
     * @param frontendMessagesOut messages sent to the frontend
     * @param frontendBytesOut bytes sent to the frontend
     * @param backendMessagesIn messages received from the backend
     * @param backendBytesIn bytes received from the backend
     * @param backendMessagesOut messages sent to the backend
     * @param backendBytesOut bytes sent to the backend
     */
    public record Statistics(long frontendMessagesIn, long frontendBytesIn, long frontendMessagesOut,
                             long frontendBytesOut, long backendMessagesIn, long backendBytesIn,
                             long backendMessagesOut, long backendBytesOut) {
    }

    private final ZSocket frontend;
    private final ZSocket backend;
    private final Sender capture;
    private final Poller poller = new Poller();
    private final AtomicLong[] counts = new AtomicLong[8];
    private volatile boolean paused;
    private volatile boolean terminated;

    /**
     * Creates a proxy.
     *
     * @param frontend the frontend socket
     * @param backend the backend socket
     * @param capture a socket that gets a copy of every forwarded message, or null
     * @throws IllegalArgumentException if messages can flow in neither direction, or capture cannot send
     */
    public Proxy(ZSocket frontend, ZSocket backend, ZSocket capture) {
        this.frontend = Objects.requireNonNull(frontend, "frontend");
        this.backend = Objects.requireNonNull(backend, "backend");
        if (!(forward(frontend, backend) || forward(backend, frontend))) {
            throw new IllegalArgumentException("proxy between " + frontend + " and " + backend
                + ": expected one socket that receives and another that sends");
        }
        if (capture != null && !(capture instanceof Sender)) {
            throw new IllegalArgumentException("capture socket " + capture + ": expected a socket that sends");
        }
        this.capture = (Sender) capture;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
        }
    }

    private static boolean forward(ZSocket from, ZSocket to) {
        return from instanceof Receiver && to instanceof Sender;
    }

    /**
     * Forwards messages until {@link #terminate()} is called. Blocks the calling thread, which must own the sockets.
     *
     * @throws SocketInterruptedException if the thread is interrupted
     * @throws io.jzmtp.core.ContextClosedException if the context closes
     */
    public void run() {
        int fe = forward(frontend, backend) ? poller.register(frontend, Poller.IN) : -1;
        int be = forward(backend, frontend) && backend != frontend ? poller.register(backend, Poller.IN) : -1;
        while (!terminated) {
            poller.poll(Duration.ofSeconds(1));
            if (paused || terminated) {
                continue;
            }
            if (fe >= 0 && poller.readable(fe)) {
                pass((Receiver) frontend, (Sender) backend, 0, 6);
            }
            if (be >= 0 && poller.readable(be)) {
                pass((Receiver) backend, (Sender) frontend, 4, 2);
            }
        }
    }

    private void pass(Receiver from, Sender to, int inIndex, int outIndex) {
        Message m = from.tryReceive();
        if (m == null) {
            return;
        }
        long bytes = 0;
        for (int i = 0, n = m.size(); i < n; i++) {
            bytes += m.frame(i).length;
        }
        counts[inIndex].incrementAndGet();
        counts[inIndex + 1].addAndGet(bytes);
        if (capture != null) {
            capture.trySend(m);
        }
        to.send(m);
        counts[outIndex].incrementAndGet();
        counts[outIndex + 1].addAndGet(bytes);
    }

    /** Stops forwarding until {@link #resume()}; messages wait in the sockets' queues. Any thread. */
    public void pause() {
        paused = true;
        poller.wakeup();
    }

    /** Forwards again after {@link #pause()}. Any thread. */
    public void resume() {
        paused = false;
        poller.wakeup();
    }

    /** Makes {@link #run()} return soon. Any thread; does not close the sockets. */
    public void terminate() {
        terminated = true;
        poller.wakeup();
    }

    /** @return the counts so far; any thread */
    public Statistics statistics() {
        return new Statistics(counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get(), counts[4].get(),
            counts[5].get(), counts[6].get(), counts[7].get());
    }
}
