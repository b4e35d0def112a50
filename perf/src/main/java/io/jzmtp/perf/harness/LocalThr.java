package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.SocketOptions;
import java.io.PrintStream;

/**
 * The receiving half of the throughput test, with libzmq's {@code local_thr} arguments and output:
 * {@code local_thr <bind-to> <message-size> <message-count>}. Binds a PULL socket, times the arrival of all messages
 * from the first to the last, and prints the mean throughput.
 */
public final class LocalThr {
    private LocalThr() {
    }

    /**
     * Runs the receiver.
     *
     * @param args bind-to, message-size, message-count
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: local_thr <bind-to> <message-size> <message-count>");
            System.exit(1);
        }
        Result r = run(args[0], Integer.parseInt(args[1]), Long.parseLong(args[2]), null);
        r.print(System.out);
    }

    /** What one run measured. */
    public record Result(int size, long count, long elapsedNanos) {
        /** @return messages per second */
        public double messagesPerSecond() {
            return count * 1e9 / elapsedNanos;
        }

        /** @return megabits per second, as libzmq prints it */
        public double megabitsPerSecond() {
            return messagesPerSecond() * size * 8 / 1_000_000.0;
        }

        /** @param out where to print libzmq's lines */
        public void print(PrintStream out) {
            out.printf("message size: %d [B]%n", size);
            out.printf("message count: %d%n", count);
            out.printf("mean throughput: %d [msg/s]%n", (long) messagesPerSecond());
            out.printf("mean throughput: %.3f [Mb/s]%n", megabitsPerSecond());
        }
    }

    /**
     * Receives {@code count} messages.
     *
     * @param bindTo the endpoint to bind
     * @param size the expected message size
     * @param count how many messages
     * @param bound called with the bound endpoint once listening (may be null)
     * @return the measurement
     */
    public static Result run(String bindTo, int size, long count, java.util.function.Consumer<String> bound) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull(SocketOptions.builder().receiveHwm(0).build())) {
            String endpoint = pull.bind(bindTo);
            if (bound != null) {
                bound.accept(endpoint);
            }
            Message first = pull.receive();
            check(first, size);
            long start = System.nanoTime();
            for (long i = 1; i < count; i++) {
                check(pull.receive(), size);
            }
            long elapsed = System.nanoTime() - start;
            return new Result(size, count, Math.max(1, elapsed));
        }
    }

    private static void check(Message m, int size) {
        if (m.size() != 1 || m.frame(0).length != size) {
            throw new IllegalStateException("message of the wrong size: " + m);
        }
    }
}
