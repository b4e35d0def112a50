package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one-object API allocates no {@link Message}: over inproc, where the array itself is handed over, a warm
 * send/receive pair allocates (next to) nothing. Counted by the JVM's per-thread allocation counter (not timing).
 */
class BytesAllocationTest {
    private static final int BATCH = 100;
    private static final int WARM_ROUNDS = 2_000;
    private static final int ROUNDS = 2_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void warmInprocSendAndReceiveAllocateNoMessage() throws Throwable {
        MethodHandle allocated = currentThreadAllocatedBytes();
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("inproc://alloc-bytes"));
            byte[] body = new byte[16];
            for (int i = 0; i < WARM_ROUNDS; i++) {
                batch(push, pull, body);
            }
            long before = (long) allocated.invokeExact();
            for (int i = 0; i < ROUNDS; i++) {
                batch(push, pull, body);
            }
            long perMessage = ((long) allocated.invokeExact() - before) / ((long) ROUNDS * BATCH);
            // A Message would be 16 B or more per message; leave room for a rare resize of a queue.
            assertTrue(perMessage < 8, "allocated " + perMessage + " B per message through send(byte[]) and"
                + " receiveBytes(): expected none (no Message, no copy over inproc)");
        }
    }

    private static void batch(PushSocket push, PullSocket pull, byte[] body) {
        for (int j = 0; j < BATCH; j++) {
            if (!push.trySend(body)) {
                throw new AssertionError("the pipe is full at " + j + " of " + BATCH);
            }
        }
        for (int j = 0; j < BATCH; j++) {
            byte[] got;
            while ((got = pull.tryReceiveBytes()) == null) {
                Thread.onSpinWait();
            }
            assertSame(body, got);
        }
    }

    /**
     * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}, looked up reflectively: the test
     * sources compile inside module io.jzmtp, which does not read jdk.management.
     */
    private static MethodHandle currentThreadAllocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
            .invoke(null);
        Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
        type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
        return MethodHandles.publicLookup()
            .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
            .bindTo(bean);
    }
}
