package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.Message;
import io.jzmtp.Receiver;
import io.jzmtp.RouterSocket;
import io.jzmtp.Sender;
import io.jzmtp.SocketInterruptedException;
import io.jzmtp.core.ContextClosedException;
import java.util.concurrent.locks.LockSupport;

/**
 * Message-queue proxy: the request-reply broker with its loop made generic. The forwarding does not depend on the
 * socket types, only on each side being able to send and receive whole messages, so a ROUTER/DEALER pair and an
 * XSUB/XPUB pair (a pub-sub forwarder) can both go through {@link #proxy}. (The library's proxy will replace this
 * helper.) Same endpoints, clients and workers as {@link RequestReplyBroker}.
 */
public final class MessageQueueBroker {
    private MessageQueueBroker() {
    }

    /**
     * Moves every message from each socket to the other until the thread is interrupted or the context closed. One
     * thread drives both sockets: each socket is owned by one thread at a time.
     *
     * @param frontend one side
     * @param backend the other side
     * @param <F> a socket that sends and receives
     * @param <B> a socket that sends and receives
     * @return how many messages went through, both ways
     */
    public static <F extends Sender & Receiver, B extends Sender & Receiver> long proxy(F frontend, B backend) {
        long forwarded = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int moved = forwardOne(frontend, backend) + forwardOne(backend, frontend);
                if (moved == 0) {
                    LockSupport.parkNanos(RequestReplyBroker.IDLE_PARK_NANOS);
                }
                forwarded += moved;
            }
        } catch (SocketInterruptedException | ContextClosedException stop) {
            // asked to stop
        }
        return forwarded;
    }

    private static int forwardOne(Receiver from, Sender to) {
        Message m = from.tryReceive();
        if (m == null) {
            return 0;
        }
        to.send(m);
        return 1;
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create();
             RouterSocket frontend = ctx.router();
             DealerSocket backend = ctx.dealer()) {
            frontend.bind(args.length > 0 ? args[0] : "tcp://*:5559");
            backend.bind(args.length > 1 ? args[1] : "tcp://*:5560");
            proxy(frontend, backend);
        }
    }
}
