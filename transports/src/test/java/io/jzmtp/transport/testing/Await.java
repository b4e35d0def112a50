package io.jzmtp.transport.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, never by sleeping a guessed amount of time. */
public final class Await {
    /** Generous: only a real hang ever gets near it. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    /** Polls {@code condition} until it holds; throws {@link AssertionError} naming {@code what} at the deadline. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT);
    }

    /** As {@link #until(String, BooleanSupplier)} with an explicit deadline. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.yield();
        }
    }

    /** Whether a live thread with exactly this name exists. */
    public static boolean threadExists(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
