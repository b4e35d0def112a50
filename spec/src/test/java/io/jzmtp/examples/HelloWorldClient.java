package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.ReqSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Hello world, client side: a REQ socket sends "Hello" and waits for the reply, N times.
 *
 * <p>REQ is strict lockstep: send, receive, send, receive. Connecting before the server is up is fine: the request
 * waits in the socket until the connection is made. Run with an optional endpoint (default
 * {@code tcp://localhost:5555}) and number of round trips (default 10).
 */
public final class HelloWorldClient {
    private HelloWorldClient() {
    }

    /**
     * Makes round trips over a connected REQ socket.
     *
     * @param req a connected REQ socket
     * @param roundTrips how many requests to make
     * @return the replies, in order
     */
    public static List<String> run(ReqSocket req, int roundTrips) {
        List<String> replies = new ArrayList<>(roundTrips);
        for (int i = 0; i < roundTrips; i++) {
            req.send("Hello");
            replies.add(req.receiveString());
        }
        return replies;
    }

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://localhost:5555";
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (Context ctx = Context.create(); ReqSocket req = ctx.req()) {
            req.connect(endpoint);
            List<String> replies = run(req, roundTrips);
            System.out.println("got " + replies.size() + " replies, e.g. " + replies.get(0));
        }
    }
}
