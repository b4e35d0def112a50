package io.jzmtp.perf.bench.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the two halves of a workload on two threads and waits for both, or for the first to fail. */
final class Halves {
    private Halves() {
    }

    /**
     * Starts a half on its own (daemon) thread.
     *
     * @param name the thread's name
     * @param body the half; its failure completes the returned future exceptionally
     * @return completes when the half returns
     */
    static CompletableFuture<Void> start(String name, ThrowingRunnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /**
     * Waits until both halves have returned, or one has failed.
     *
     * @param a one half
     * @param b the other
     * @throws Exception the first failure (unwrapped)
     */
    static void await(CompletableFuture<Void> a, CompletableFuture<Void> b) throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        a.whenComplete((v, e) -> failed(first, e));
        b.whenComplete((v, e) -> failed(first, e));
        CompletableFuture.allOf(a, b).whenComplete((v, e) -> first.complete(null));
        try {
            first.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * After a failure, gives the halves a moment to end once the context is closed; they are daemon threads, so one
     * that does not end does not keep the process alive.
     *
     * @param a one half
     * @param b the other
     */
    static void settle(CompletableFuture<Void> a, CompletableFuture<Void> b) {
        try {
            CompletableFuture.allOf(a, b).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // already reported through await; a half stuck after the close is left to the process's exit
        }
    }

    private static void failed(CompletableFuture<Void> first, Throwable e) {
        if (e != null) {
            first.completeExceptionally(e);
        }
    }

    private static Exception unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Exception ex) {
            return ex;
        }
        return new ExecutionException(t);
    }

    /** A half's body. */
    @FunctionalInterface
    interface ThrowingRunnable {
        /** @throws Exception if the half fails */
        void run() throws Exception;
    }
}
