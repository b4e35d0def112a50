package io.jzmtp.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GatherBatchTest {

    private static Msg large(int n, int seed) {
        Msg m = new Msg(0);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        m.addFrame(b, 0, n);
        return m;
    }

    @Test
    void stretchesAndBodiesLeaveInOrderThroughPartialWritesAndMessagesAreRecycledOnce() throws Exception {
        ByteBuffer wb = ByteBuffer.allocateDirect(64);
        GatherBatch batch = new GatherBatch(wb);
        MsgRecycler recycler = new MsgRecycler(8, 0);
        Msg a = large(10_000, 1);
        Msg b = large(9_000, 2);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        wb.put(0, (byte) 'h').put(1, (byte) '1');
        batch.add(0, 2, a.frameIo(0, 0), a);
        expected.write('h');
        expected.write('1');
        expected.write(a.frameBytes(0));
        assertTrue(batch.holds(a));
        // b's header right behind a's body, then one trailing byte after b's body
        wb.put(2, (byte) 'h').put(3, (byte) '2');
        batch.add(0, 4, b.frameIo(0, 0), b);
        wb.put(4, (byte) 't');
        expected.write('h');
        expected.write('2');
        expected.write(b.frameBytes(0));
        expected.write('t');

        TrickleChannel ch = new TrickleChannel(777);
        int calls = 0;
        long written = 0;
        while (true) {
            written += batch.write(ch, 5);
            if (batch.isWritten()) {
                break;
            }
            calls++;
            assertTrue(batch.isSealed() && batch.isFull(), "nothing joins a batch being written");
        }
        assertTrue(calls > 20, "the channel took it in many partial writes");
        assertArrayEquals(expected.toByteArray(), ch.taken.toByteArray());
        assertEquals(expected.size(), written, "each call reports what it wrote");

        batch.reset(recycler, b);
        assertTrue(batch.isEmpty());
        assertFalse(batch.holds(a));
        assertSame(a, recycler.take(), "a was recycled");
        assertNotSame(b, recycler.take(), "b, still being encoded, was left to its encoder");
    }

    @Test
    void aFullBatchRefusesMoreBodies() {
        GatherBatch batch = new GatherBatch(ByteBuffer.allocateDirect(16));
        for (int i = 0; i < GatherBatch.MAX_BODIES; i++) {
            assertFalse(batch.isFull());
            Msg m = large(8_192, i);
            batch.add(0, 0, m.frameIo(0, 0), m);
        }
        assertTrue(batch.isFull());
        batch.reset(null, null);
        assertTrue(batch.isEmpty());
        assertFalse(batch.isFull());
    }

    @Test
    void aBatchStopsTakingBodiesAtTheFlushBudget() {
        GatherBatch batch = new GatherBatch(ByteBuffer.allocateDirect(16));
        int body = 40_000;
        long added = 0;
        while (!batch.isFull()) {
            Msg m = large(body, 1);
            batch.add(0, 0, m.frameIo(0, 0), m);
            added += body;
        }
        assertTrue(added >= GatherBatch.MAX_BODY_BYTES && added - body < GatherBatch.MAX_BODY_BYTES,
            "full at the first body that reaches the budget: " + added);
        assertTrue(added / body < GatherBatch.MAX_BODIES, "the byte cap, not the body count, filled it");
    }

    @Test
    void anEmptyStretchIsNotWritten() throws Exception {
        ByteBuffer wb = ByteBuffer.allocateDirect(16);
        GatherBatch batch = new GatherBatch(wb);
        Msg m = large(8_200, 9);
        batch.add(0, 0, m.frameIo(0, 0), m);
        TrickleChannel ch = new TrickleChannel(1 << 20);
        assertEquals(8_200, batch.write(ch, 0));
        assertTrue(batch.isWritten());
        assertEquals(8_200, ch.taken.size());
    }
}
