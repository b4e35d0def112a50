package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.ReqSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Request-reply through a broker, client side: a plain REQ socket. It cannot tell a broker from a server: the
 * broker's ROUTER adds the client's routing id on the way in and uses it to route the reply back. Arguments: name,
 * requests, broker endpoint (defaults "client", 10, {@code tcp://localhost:5559}).
 */
public final class RequestReplyClient {
    private RequestReplyClient() {
    }

    /**
     * Sends requests one at a time, each waiting for its reply.
     *
     * @param ctx the context (the socket is created and used on the calling thread)
     * @param endpoint the broker's frontend
     * @param name this client's name, put in each request
     * @param requests how many requests to make
     * @return the replies, in order
     */
    public static List<String> run(Context ctx, String endpoint, String name, int requests) {
        List<String> replies = new ArrayList<>(requests);
        try (ReqSocket req = ctx.req()) {
            req.connect(endpoint);
            for (int i = 0; i < requests; i++) {
                req.send("Hello " + i + " from " + name);
                replies.add(req.receiveString());
            }
        }
        return replies;
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create()) {
            List<String> replies = run(ctx, args.length > 2 ? args[2] : "tcp://localhost:5559",
                args.length > 0 ? args[0] : "client", args.length > 1 ? Integer.parseInt(args[1]) : 10);
            replies.forEach(System.out::println);
        }
    }
}
