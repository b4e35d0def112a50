package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import java.time.Duration;

/**
 * The sending half of the throughput test, with libzmq's {@code remote_thr} arguments:
 * {@code remote_thr <connect-to> <message-size> <message-count>}. Connects a PUSH socket and sends the messages as
 * fast as it can; the context's close then waits (linger) until they are on the wire.
 */
public final class RemoteThr {
    private RemoteThr() {
    }

    /**
     * Runs the sender.
     *
     * @param args connect-to, message-size, message-count
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: remote_thr <connect-to> <message-size> <message-count>");
            System.exit(1);
        }
        run(args[0], Integer.parseInt(args[1]), Long.parseLong(args[2]));
    }

    /**
     * Sends {@code count} messages of {@code size} bytes.
     *
     * @param connectTo the endpoint
     * @param size the message size
     * @param count how many
     */
    public static void run(String connectTo, int size, long count) {
        Context ctx = Context.create();
        try (PushSocket push = ctx.push(SocketOptions.builder().sendHwm(0).linger(null).build())) {
            push.connect(connectTo);
            byte[] body = new byte[size];
            for (long i = 0; i < count; i++) {
                push.send(Message.of(body));
            }
        } finally {
            ctx.close(Duration.ofMinutes(5));
        }
    }
}
