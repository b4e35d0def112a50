package io.jzmtp.spec.transport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task on its own platform thread, whose outcome the test collects with a deadline. Starting the thread is the
 * happens-before edge that hands a socket created by the test thread over to the task.
 */
final class Background<T> {
    private final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background(String name, Callable<T> task) {
        thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    static <T> Background<T> start(String name, Callable<T> task) {
        Background<T> b = new Background<>(name, task);
        b.thread.start();
        return b;
    }

    Thread thread() {
        return thread;
    }

    /** @return the task's result; rethrows what it threw (wrapped); fails if it did not end within the timeout */
    T join(Duration timeout) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(thread.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(thread.getName() + " did not finish within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** @return what the task threw, failing if it returned normally or did not end within the timeout */
    Throwable failure(Duration timeout) {
        try {
            T value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            throw new AssertionError(thread.getName() + " returned " + value + " instead of throwing");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError(thread.getName() + " did not finish within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits until the thread is parked in a wait (a blocked socket call), so an interrupt or close hits the wait. */
    void awaitParked() {
        Await.until(Await.LONG, () -> {
            Thread.State s = thread.getState();
            return (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
                && java.util.concurrent.locks.LockSupport.getBlocker(thread) != null;
        }, thread.getName() + " is parked in a socket call");
    }
}
