package io.jzmtp.spec.transport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline. Polls every millisecond (parking, so that I/O threads get the CPU on small
 * machines); never sleeps a guessed amount of time to synchronise.
 */
final class Await {
    /** Generous: only a hang or a lost wake-up gets near it. */
    static final Duration LONG = Duration.ofSeconds(20);

    private Await() {
    }

    /**
     * Polls the condition until it holds.
     *
     * @throws AssertionError naming {@code message} if the deadline passes first
     */
    static void until(Duration timeout, BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + message);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
