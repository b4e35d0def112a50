package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Both halves of the latency test in one process over inproc, with libzmq's {@code inproc_lat} arguments and output:
 * {@code inproc_lat <message-size> <roundtrip-count>}. A thread binds REP and echoes; the main thread connects REQ,
 * times the round trips and prints {@link RemoteLat}'s lines.
 */
public final class InprocLat {
    private static final String USAGE = "usage: inproc_lat <message-size> <roundtrip-count>";

    private InprocLat() {
    }

    /**
     * Runs the test.
     *
     * @param args message-size, roundtrip-count
     * @throws Exception if the echoing thread fails
     */
    public static void main(String[] args) throws Exception {
        ToolArgs.expect(args, USAGE, 2);
        run(ToolArgs.size(args[0], "message-size", USAGE), ToolArgs.count(args[1], "roundtrip-count", USAGE))
            .print(System.out);
    }

    /**
     * Does {@code count} round trips of {@code size} bytes.
     *
     * @param size the message size
     * @param count how many round trips
     * @return the measurement
     * @throws Exception if the echoing thread fails
     */
    public static RemoteLat.Result run(int size, long count) throws Exception {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            String endpoint = rep.bind("inproc://lat_test");
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                for (long i = 0; i < count; i++) {
                    Message m = rep.receive();
                    RemoteLat.check(m, size);
                    rep.send(m);
                }
            }, r -> {
                Thread t = new Thread(r, "inproc_lat-echo");
                t.setDaemon(true);
                t.start();
            });
            req.connect(endpoint);
            RemoteLat.Result r = RemoteLat.roundTrips(req, size, count);
            echo.get(1, TimeUnit.MINUTES);
            return r;
        }
    }
}
