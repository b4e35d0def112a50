package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.jzmtp.transport.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channels registered with an I/O thread: dispatch, fault isolation, and close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoThreadChannelTest {
    private IoThread io;
    private Pipe pipe;

    @AfterEach
    void cleanUp() throws IOException {
        if (io != null) {
            io.close();
        }
        if (pipe != null) {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    /** Reads everything on the I/O thread; records how it was closed. */
    private static final class CountingReader implements IoHandler {
        final ByteBuffer buffer = ByteBuffer.allocate(256);
        final Pipe.SourceChannel source;
        final AtomicInteger bytes = new AtomicInteger();
        final AtomicReference<Object> closedWith = new AtomicReference<>();
        volatile boolean throwOnReady;

        CountingReader(Pipe.SourceChannel source) {
            this.source = source;
        }

        @Override
        public void onReady(int readyOps) throws IOException {
            if (throwOnReady) {
                throw new IllegalStateException("handler failure expected by the test");
            }
            int n;
            while ((n = source.read(buffer.clear())) > 0) {
                bytes.addAndGet(n);
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            closedWith.set(cause == null ? "orderly" : cause);
        }
    }

    private SelectionKey register(CountingReader handler) throws Exception {
        CompletableFuture<SelectionKey> key = new CompletableFuture<>();
        io.execute(() -> key.complete(io.register(handler.source, SelectionKey.OP_READ, handler)));
        return key.get(30, TimeUnit.SECONDS);
    }

    private void write(int count) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(count);
        while (data.hasRemaining()) {
            pipe.sink().write(data);
        }
    }

    @Test
    void shouldDispatchReadReadinessOfARegisteredPipe() throws Exception {
        io = IoThread.start();
        pipe = Pipe.open();
        CountingReader reader = new CountingReader(pipe.source());
        register(reader);
        write(10_000);
        Await.until("10000 bytes read on the I/O thread", () -> reader.bytes.get() == 10_000);
        assertNull(reader.closedWith.get());
    }

    @Test
    void shouldCloseOnlyTheFailingHandlerAndCarryOn() throws Exception {
        io = IoThread.start();
        pipe = Pipe.open();
        CountingReader failing = new CountingReader(pipe.source());
        failing.throwOnReady = true;
        register(failing);

        Pipe healthyPipe = Pipe.open();
        try {
            CountingReader healthy = new CountingReader(healthyPipe.source());
            register(healthy);
            write(1);
            Await.until("failing handler closed", () -> failing.closedWith.get() != null);
            assertTrue(failing.closedWith.get() instanceof IllegalStateException);
            assertFalse(pipe.source().isOpen());
            assertEquals(1, io.faultCount());

            ByteBuffer data = ByteBuffer.allocate(100);
            while (data.hasRemaining()) {
                healthyPipe.sink().write(data);
            }
            Await.until("healthy handler still served", () -> healthy.bytes.get() == 100);
        } finally {
            healthyPipe.sink().close();
            healthyPipe.source().close();
        }
    }

    @Test
    void shouldCloseAChannelOnRequestOnce() throws Exception {
        io = IoThread.start();
        pipe = Pipe.open();
        CountingReader reader = new CountingReader(pipe.source());
        SelectionKey key = register(reader);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        io.execute(() -> {
            io.closeChannel(key);
            io.closeChannel(key); // idempotent
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
        assertEquals("orderly", reader.closedWith.get());
        assertFalse(pipe.source().isOpen());
    }

    @Test
    void shouldShrugOffAnInterruptWithoutLosingChannels() throws Exception {
        io = IoThread.start();
        pipe = Pipe.open();
        CountingReader reader = new CountingReader(pipe.source());
        register(reader);
        write(10); // data is pending, so the very next duty cycle reads from the interruptible channel
        io.execute(() -> Thread.currentThread().interrupt()); // misuse: nobody should interrupt an I/O thread
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        io.execute(() -> interruptedAfter.complete(Thread.currentThread().isInterrupted()));
        assertFalse(interruptedAfter.get(30, TimeUnit.SECONDS), "the flag must be cleared after the command");
        write(990);
        Await.until("bytes read after the interrupt", () -> reader.bytes.get() == 1_000);
        assertTrue(pipe.source().isOpen(), "an interrupt must not close channels");
        assertNull(reader.closedWith.get());
        assertEquals(0, io.faultCount());
    }

    @Test
    void shouldCloseSelectorAndChannelsAndLeaveNoThreadOnClose() throws Exception {
        io = IoThread.start();
        pipe = Pipe.open();
        CountingReader reader = new CountingReader(pipe.source());
        SelectionKey key = register(reader);
        String name = io.name();

        io.close();

        assertFalse(Await.threadExists(name), "thread " + name + " survived close()");
        assertTrue(io.isTerminated());
        assertFalse(key.selector().isOpen(), "selector still open");
        assertFalse(pipe.source().isOpen(), "registered channel still open");
        assertSame("orderly", reader.closedWith.get());
    }
}
