package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.Message;
import io.jzmtp.RouterSocket;
import io.jzmtp.SocketInterruptedException;
import io.jzmtp.core.ContextClosedException;
import java.util.concurrent.locks.LockSupport;

/**
 * Request-reply broker: clients (REQ) connect to a ROUTER frontend, workers (REP) to a DEALER backend, and the
 * broker shuttles whole messages between the two. Clients and workers only know the broker's address, so either side
 * can grow without the other knowing.
 *
 * <p>The ROUTER prefixes each request with the client's routing id; the DEALER passes the message on unchanged to
 * the next worker (round-robin) and fair-queues the replies, which still carry that id; the ROUTER strips it again
 * to pick the client. A socket belongs to one thread at a time, so a single thread serves both sockets: it tries
 * each in turn and parks briefly when both are idle. (A poller will replace this loop.) Arguments: frontend and
 * backend endpoints (defaults {@code tcp://*:5559} and {@code tcp://*:5560}).
 */
public final class RequestReplyBroker {
    /** How long the loop parks when neither socket had anything: short, to keep latency low. */
    static final long IDLE_PARK_NANOS = 50_000;

    private RequestReplyBroker() {
    }

    /**
     * Forwards requests and replies until the thread is interrupted or the context closed.
     *
     * @param frontend a bound ROUTER the clients connect to
     * @param backend a bound DEALER the workers connect to
     * @return how many messages were forwarded, both ways
     */
    public static long run(RouterSocket frontend, DealerSocket backend) {
        long forwarded = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean idle = true;
                Message request = frontend.tryReceive(); // [client id, "", body]
                if (request != null) {
                    backend.send(request); // waits while no worker is connected
                    forwarded++;
                    idle = false;
                }
                Message reply = backend.tryReceive(); // [client id, "", reply body]
                if (reply != null) {
                    frontend.send(reply); // routed to the client named in the first frame
                    forwarded++;
                    idle = false;
                }
                if (idle) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (SocketInterruptedException | ContextClosedException stop) {
            // asked to stop
        }
        return forwarded;
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create();
             RouterSocket frontend = ctx.router();
             DealerSocket backend = ctx.dealer()) {
            frontend.bind(args.length > 0 ? args[0] : "tcp://*:5559");
            backend.bind(args.length > 1 ? args[1] : "tcp://*:5560");
            run(frontend, backend);
        }
    }
}
