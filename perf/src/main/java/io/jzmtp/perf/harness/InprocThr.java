package io.jzmtp.perf.harness;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Both halves of the throughput test in one process over inproc, with libzmq's {@code inproc_thr} arguments and
 * output: {@code inproc_thr <message-size> <message-count>}. A thread connects PUSH and sends; the main thread binds
 * PULL, times the messages from the first to the last and prints {@link LocalThr}'s lines.
 */
public final class InprocThr {
    private static final String USAGE = "usage: inproc_thr <message-size> <message-count>";

    private InprocThr() {
    }

    /**
     * Runs the test.
     *
     * @param args message-size, message-count
     * @throws Exception if the sender fails
     */
    public static void main(String[] args) throws Exception {
        ToolArgs.expect(args, USAGE, 2);
        run(ToolArgs.size(args[0], "message-size", USAGE), ToolArgs.count(args[1], "message-count", USAGE))
            .print(System.out);
    }

    /**
     * Sends and receives {@code count} messages of {@code size} bytes.
     *
     * @param size the message size
     * @param count how many
     * @return the measurement
     * @throws Exception if the sender fails
     */
    public static LocalThr.Result run(int size, long count) throws Exception {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull(SocketOptions.builder().receiveHwm(0).build())) {
            String endpoint = pull.bind("inproc://thr_test");
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (PushSocket push = ctx.push(SocketOptions.builder().sendHwm(0).build())) {
                    push.connect(endpoint);
                    byte[] body = new byte[size];
                    for (long i = 0; i < count; i++) {
                        push.send(Message.of(body));
                    }
                }
            }, r -> {
                Thread t = new Thread(r, "inproc_thr-sender");
                t.setDaemon(true);
                t.start();
            });
            check(pull.receive(), size);
            long start = System.nanoTime();
            for (long i = 1; i < count; i++) {
                check(pull.receive(), size);
            }
            long elapsed = System.nanoTime() - start;
            sender.get(1, TimeUnit.MINUTES);
            return new LocalThr.Result(size, count, Math.max(1, elapsed));
        }
    }

    private static void check(Message m, int size) {
        RemoteLat.check(m, size);
    }
}
