package io.jzmtp.transport.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.Metadata;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import io.jzmtp.transport.pipe.PipeEvents;
import io.jzmtp.transport.pipe.SpscPipe;
import org.junit.jupiter.api.Test;

/**
 * One flush writes about {@link EngineOutput#FLUSH_BUDGET} bytes and then lets the duty cycle go on, even when the
 * channel would take more: on loopback the reading side then gets to the bytes while they are still in cache.
 */
class EngineOutputBudgetTest {
    private static final PipeEvents QUIET = new PipeEvents() {
        @Override
        public void onReadActivated(SpscPipe<?> pipe) {
        }

        @Override
        public void onWriteActivated(SpscPipe<?> pipe) {
        }
    };

    private static long drainedBy(int messageSize, int messages, long[] perFlush) throws Exception {
        ZmtpConnection conn = new ZmtpConnection(
            new NullMechanism(new HandshakeConfig(SocketType.PUSH, new byte[0], Metadata.EMPTY), false), -1, 0);
        EngineOutput output = new EngineOutput(conn, false);
        SpscPipe<Msg> pipe = new SpscPipe<>(0, QUIET, QUIET);
        MsgRecycler recycler = new MsgRecycler(16, 0);
        byte[] body = new byte[messageSize];
        for (int i = 0; i < messages; i++) {
            Msg m = recycler.take();
            m.addFrame(body, 0, body.length);
            assertTrue(pipe.offer(m));
        }
        output.attach(pipe, recycler, 1);
        TrickleChannel sink = new TrickleChannel(Integer.MAX_VALUE);
        int flushes = 0;
        while (true) {
            long before = sink.taken.size();
            boolean more = output.flush(sink);
            perFlush[Math.min(flushes, perFlush.length - 1)] = sink.taken.size() - before;
            flushes++;
            if (!more) {
                break;
            }
            assertTrue(flushes < 100_000, "flushes make progress");
        }
        assertTrue(pipe.poll() == null, "everything was taken");
        return sink.taken.size();
    }

    @Test
    void aFlushStopsAtItsBudgetWhileTheChannelTakesEverything() throws Exception {
        int size = 64 * 1024;
        int messages = 40;
        long[] perFlush = new long[64];
        long total = drainedBy(size, messages, perFlush);
        long payload = (long) size * messages;
        assertTrue(total > payload && total < payload + 4096, "greeting and headers besides the bodies: " + total);
        long budget = EngineOutput.FLUSH_BUDGET;
        assertTrue(perFlush[1] >= budget && perFlush[1] < budget + size + 64,
            "the second flush (the first is the greeting) wrote its budget and at most one batch more: "
                + perFlush[1]);
        assertTrue(total / budget >= 10, "so the 2.6 MB took many flushes");
    }

    @Test
    void smallMessagesAreBoundedToo() throws Exception {
        long[] perFlush = new long[64];
        long total = drainedBy(64, 20_000, perFlush);
        assertTrue(total > 20_000L * 64, "all bytes written: " + total);
        assertTrue(perFlush[1] >= EngineOutput.FLUSH_BUDGET && perFlush[1] < EngineOutput.FLUSH_BUDGET + 70_000,
            "one flush wrote about its budget: " + perFlush[1]);
        assertFalse(perFlush[1] >= total - 4096, "not everything at once");
    }
}
