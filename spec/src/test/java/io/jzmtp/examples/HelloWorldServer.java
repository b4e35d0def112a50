package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.RepSocket;

/**
 * Hello world, server side: a REP socket answers each "Hello" with "World".
 *
 * <p>REP receives one request, then must send exactly one reply before it may receive again; the reply goes back
 * to whichever client asked, because REP remembers the request's envelope. Run with an optional endpoint (default
 * {@code tcp://*:5555}) and an optional number of requests to answer before exiting (default: forever).
 */
public final class HelloWorldServer {
    private HelloWorldServer() {
    }

    /**
     * Answers requests on a bound REP socket.
     *
     * @param rep a bound (or connected) REP socket, used only by the calling thread from now on
     * @param requests how many requests to answer before returning
     * @return the number of "Hello" requests seen
     */
    public static int serve(RepSocket rep, long requests) {
        int hellos = 0;
        for (long i = 0; i < requests; i++) {
            String request = rep.receiveString();
            if (request.equals("Hello")) {
                hellos++;
            }
            rep.send("World");
        }
        return hellos;
    }

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://*:5555";
        long requests = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        try (Context ctx = Context.create(); RepSocket rep = ctx.rep()) {
            System.out.println("hello world server listening on " + rep.bind(endpoint));
            System.out.println("answered " + serve(rep, requests) + " hellos");
        }
    }
}
