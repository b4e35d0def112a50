package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.ReqSocket;
import io.jzmtp.RouterSocket;
import io.jzmtp.core.ContextClosedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Load-balancing broker: each request goes to a worker that is known to be free, rather than blindly round-robin.
 *
 * <p>Clients are REQ sockets on a ROUTER frontend. Workers are REQ sockets too, on a ROUTER backend: a worker's first
 * message is "READY", and every reply it sends also says "I am free again". The broker keeps a queue of free workers'
 * routing ids and reads the frontend only while that queue is not empty, so requests wait in the frontend while all
 * workers are busy. Envelopes, as the broker sees them (a REQ adds the empty delimiter frame, a ROUTER the id):
 * <pre>
 *   frontend in/out:  [client id, "", body]
 *   backend in:       [worker id, "", "READY"]  or  [worker id, "", client id, "", reply]
 *   backend out:      [worker id, "", client id, "", request]   (the worker's REQ sees [client id, "", request])
 * </pre>
 * This example runs clients, workers and broker in one process. Arguments: clients, workers, requests per client.
 */
public final class LoadBalancingBroker {
    private static final byte[] EMPTY = new byte[0];

    /** The replies each client got, and how many requests each worker handled. */
    public record Result(List<List<String>> repliesPerClient, List<Integer> requestsPerWorker) {
    }

    private LoadBalancingBroker() {
    }

    /**
     * Runs the clients, workers and broker until every client has all its replies.
     *
     * @param frontendEndpoint where the clients connect (any transport; a wildcard port is fine)
     * @param backendEndpoint where the workers connect
     * @param clients number of client threads
     * @param workers number of worker threads
     * @param requestsPerClient requests each client makes
     * @return the replies and the workers' shares
     * @throws InterruptedException if interrupted while joining the threads
     */
    public static Result run(String frontendEndpoint, String backendEndpoint, int clients, int workers,
                             int requestsPerClient) throws InterruptedException {
        List<List<String>> replies = new ArrayList<>();
        AtomicIntegerArray handled = new AtomicIntegerArray(workers);
        List<Thread> clientThreads = new ArrayList<>();
        List<Thread> workerThreads = new ArrayList<>();
        try (Context ctx = Context.create();
             RouterSocket frontend = ctx.router(); RouterSocket backend = ctx.router()) {
            String front = frontend.bind(frontendEndpoint);
            String back = backend.bind(backendEndpoint);
            for (int c = 0; c < clients; c++) {
                List<String> mine = new ArrayList<>();
                replies.add(mine);
                String name = "client-" + c;
                clientThreads.add(start(name, () -> client(ctx, front, name, requestsPerClient, mine)));
            }
            for (int w = 0; w < workers; w++) {
                int index = w;
                workerThreads.add(start("worker-" + w, () -> worker(ctx, back, index, handled)));
            }
            broker(frontend, backend, clients * requestsPerClient);
            for (Thread t : clientThreads) {
                t.join();
            }
        } // closing the context wakes the workers, blocked in receive(), with ContextClosedException
        for (Thread t : workerThreads) {
            t.join();
        }
        List<Integer> shares = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            shares.add(handled.get(w));
        }
        return new Result(replies, shares);
    }

    /** The broker's loop: one thread, both sockets, a short park when neither had anything (a poller will do). */
    private static void broker(RouterSocket frontend, RouterSocket backend, int expectedReplies) {
        ArrayDeque<byte[]> freeWorkers = new ArrayDeque<>();
        int replies = 0;
        while (replies < expectedReplies) {
            if (Thread.currentThread().isInterrupted()) {
                throw new io.jzmtp.SocketInterruptedException();
            }
            boolean idle = true;
            Message fromWorker = backend.tryReceive();
            if (fromWorker != null) {
                idle = false;
                freeWorkers.add(fromWorker.frame(0)); // READY or a reply: either way the worker is free
                if (fromWorker.size() == 5) {
                    frontend.send(Message.of(fromWorker.frame(2), EMPTY, fromWorker.frame(4)));
                    replies++;
                }
            }
            Message request = freeWorkers.isEmpty() ? null : frontend.tryReceive();
            if (request != null) {
                idle = false;
                backend.send(Message.of(freeWorkers.poll(), EMPTY, request.frame(0), EMPTY, request.frame(2)));
            }
            if (idle) {
                LockSupport.parkNanos(RequestReplyBroker.IDLE_PARK_NANOS);
            }
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private static void client(Context ctx, String endpoint, String name, int requests, List<String> replies) {
        try (ReqSocket req = ctx.req()) {
            req.connect(endpoint);
            for (int i = 0; i < requests; i++) {
                req.send("request " + i + " from " + name);
                replies.add(req.receiveString());
            }
        }
    }

    private static void worker(Context ctx, String endpoint, int index, AtomicIntegerArray handled) {
        try (ReqSocket req = ctx.req()) {
            req.connect(endpoint);
            req.send("READY");
            while (true) {
                Message work = req.receive(); // [client id, "", request]
                String reply = "done by worker-" + index + ": " + work.string(2);
                req.send(Message.of(work.frame(0), EMPTY, reply.getBytes(StandardCharsets.UTF_8)));
                handled.incrementAndGet(index);
            }
        } catch (ContextClosedException stop) {
            // the broker is done
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Result result = run("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", clients, workers, requests);
        System.out.println("every client answered; requests per worker: " + result.requestsPerWorker());
    }
}
