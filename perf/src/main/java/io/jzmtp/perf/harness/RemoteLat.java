package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.ReqSocket;
import java.io.PrintStream;

/**
 * The timing half of the latency test, with libzmq's {@code remote_lat} arguments and output:
 * {@code remote_lat <connect-to> <message-size> <roundtrip-count>}. Connects a REQ socket, times all round trips
 * from the first request to the last reply, and prints the average one-way latency (half a round trip).
 */
public final class RemoteLat {
    private static final String USAGE = "usage: remote_lat <connect-to> <message-size> <roundtrip-count>";

    private RemoteLat() {
    }

    /**
     * Runs the client.
     *
     * @param args connect-to, message-size, roundtrip-count
     */
    public static void main(String[] args) {
        ToolArgs.expect(args, USAGE, 3);
        Result r = run(args[0], ToolArgs.size(args[1], "message-size", USAGE),
            ToolArgs.count(args[2], "roundtrip-count", USAGE));
        r.print(System.out);
    }

    /**
     * What one run measured.
     *
     * @param size the message size
     * @param roundTrips the round trips
     * @param elapsedNanos from the first request to the last reply
     */
    public record Result(int size, long roundTrips, long elapsedNanos) {
        /** @return the average latency in microseconds: half the average round trip, as libzmq prints it */
        public double averageLatencyMicros() {
            return elapsedNanos / 1000.0 / (roundTrips * 2.0);
        }

        /** @param out where to print libzmq's lines */
        public void print(PrintStream out) {
            out.printf("message size: %d [B]%n", size);
            out.printf("roundtrip count: %d%n", roundTrips);
            out.printf("average latency: %.3f [us]%n", averageLatencyMicros());
        }
    }

    /**
     * Does {@code count} round trips of {@code size} bytes.
     *
     * @param connectTo the endpoint
     * @param size the request size
     * @param count how many round trips
     * @return the measurement
     */
    public static Result run(String connectTo, int size, long count) {
        try (Context ctx = Context.create();
             ReqSocket req = ctx.req()) {
            req.connect(connectTo);
            return roundTrips(req, size, count);
        }
    }

    /**
     * Times {@code count} round trips on a connected REQ socket.
     *
     * @param req the socket
     * @param size the request size
     * @param count how many
     * @return the measurement
     */
    static Result roundTrips(ReqSocket req, int size, long count) {
        byte[] body = new byte[size];
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            req.send(Message.of(body));
            check(req.receive(), size);
        }
        long elapsed = System.nanoTime() - start;
        return new Result(size, count, Math.max(1, elapsed));
    }

    /**
     * @param m a request or reply
     * @param size the expected size
     * @throws IllegalStateException unless it is one frame of the size
     */
    static void check(Message m, int size) {
        if (m == null || m.size() != 1 || m.frame(0).length != size) {
            throw new IllegalStateException("message of the wrong size: " + m + ", expected 1 frame of " + size);
        }
    }
}
