package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.RepSocket;
import io.jzmtp.SocketOptions;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The echoing half of the latency test, with libzmq's {@code local_lat} arguments:
 * {@code local_lat <bind-to> <message-size> <roundtrip-count>}. Binds a REP socket and sends every request back;
 * prints nothing (as libzmq's). {@link RemoteLat} is the other half.
 */
public final class LocalLat {
    private static final String USAGE = "usage: local_lat <bind-to> <message-size> <roundtrip-count>";

    private LocalLat() {
    }

    /**
     * Runs the echo server.
     *
     * @param args bind-to, message-size, roundtrip-count
     */
    public static void main(String[] args) {
        ToolArgs.expect(args, USAGE, 3);
        run(args[0], ToolArgs.size(args[1], "message-size", USAGE),
            ToolArgs.count(args[2], "roundtrip-count", USAGE), null);
    }

    /**
     * Echoes {@code count} requests, then closes, letting the last reply reach the wire first.
     *
     * @param bindTo the endpoint to bind
     * @param size the expected request size
     * @param count how many requests
     * @param bound called with the bound endpoint once listening (may be null)
     */
    public static void run(String bindTo, int size, long count, Consumer<String> bound) {
        Context ctx = Context.create();
        try (RepSocket rep = ctx.rep(SocketOptions.builder().linger(null).build())) {
            String endpoint = rep.bind(bindTo);
            if (bound != null) {
                bound.accept(endpoint);
            }
            for (long i = 0; i < count; i++) {
                Message m = rep.receive();
                RemoteLat.check(m, size);
                rep.send(m);
            }
        } finally {
            ctx.close(Duration.ofMinutes(1));
        }
    }
}
