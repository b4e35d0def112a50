package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.RepSocket;
import io.jzmtp.core.ContextClosedException;

/**
 * Request-reply through a broker, worker side: a plain REP socket that connects to the broker's backend. REP keeps
 * the envelope the broker passed along (the client's routing id and the empty delimiter) and puts it back on the
 * reply, so the worker only sees the request's body. Arguments: name, broker endpoint (defaults "worker",
 * {@code tcp://localhost:5560}).
 */
public final class RequestReplyWorker {
    private RequestReplyWorker() {
    }

    /**
     * Answers requests until the context is closed. Each reply is "World (name) for " + the request.
     *
     * @param ctx the context (the socket is created and used on the calling thread)
     * @param endpoint the broker's backend
     * @param name this worker's name
     * @return the number of requests answered
     */
    public static int run(Context ctx, String endpoint, String name) {
        int answered = 0;
        try (RepSocket rep = ctx.rep()) {
            rep.connect(endpoint);
            while (true) {
                String request = rep.receiveString();
                rep.send("World (" + name + ") for " + request);
                answered++;
            }
        } catch (ContextClosedException stop) {
            return answered;
        }
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create()) {
            run(ctx, args.length > 1 ? args[1] : "tcp://localhost:5560", args.length > 0 ? args[0] : "worker");
        }
    }
}
