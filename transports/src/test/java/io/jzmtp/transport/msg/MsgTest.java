package io.jzmtp.transport.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class MsgTest {

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    @Test
    void framesKeepTheirBytesWhenStorageMovesFromHeapToNative() {
        Msg m = new Msg(16);
        byte[] small = bytes(100, 1);
        byte[] large = bytes(MsgStorage.DIRECT_THRESHOLD + 5, 2);
        m.addFrame(small, 0, small.length);
        assertFalse(m.isNative(0), "a small message stays on the heap");
        m.addFrame(new UnsafeBuffer(large), 0, large.length);
        assertTrue(m.isNative(0), "past the threshold the storage, old frames included, is native");
        assertArrayEquals(small, m.frameBytes(0));
        assertArrayEquals(large, m.frameBytes(1));
        assertEquals(small.length + large.length, m.totalLength());
    }

    @Test
    void frameIoCoversExactlyTheFrameFromTheGivenPoint() {
        Msg m = new Msg(0);
        byte[] head = bytes(3, 3);
        m.addFrame(head, 0, head.length);
        int f = m.reserveFrame(20_000);
        ByteBuffer io = m.frameIo(f, 500);
        assertNotNull(io);
        assertEquals(3 + 500, io.position());
        assertEquals(3 + 20_000, io.limit());
        byte[] body = bytes(19_500, 4);
        io.put(body);
        assertArrayEquals(body, Arrays.copyOfRange(m.frameBytes(f), 500, 20_000));
        assertArrayEquals(head, m.frameBytes(0), "the first frame is untouched");
    }

    @Test
    void ownedFramesAreViewedAndTakenWithoutCopies() {
        Msg m = new Msg(0);
        byte[] a = bytes(10, 5);
        m.addFrameOwned(a);
        assertFalse(m.isNative(0));
        assertNull(m.frameIo(0, 0), "an owned heap array has no native view");
        assertSame(a, m.frameBuffer(0).byteArray());
        assertEquals(a[3], m.frameByte(0, 3));
        assertSame(a, m.takeFrame(0));
        m.clear();
        byte[] b = bytes(4, 6);
        m.addFrameOwned(b);
        assertSame(b, m.frameBuffer(0).byteArray(), "a recycled slot's view follows the new array");
    }

    @Test
    void frameByteChecksItsIndices() {
        Msg m = new Msg(0);
        m.addFrame(new byte[] {9, 8}, 0, 2);
        assertEquals(8, m.frameByte(0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.frameByte(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> m.frameByte(1, 0));
    }

    @Test
    void manyFramesGrowTheFrameTables() {
        Msg m = new Msg(0);
        for (int i = 0; i < 37; i++) {
            m.addFrame(bytes(i, i), 0, i);
        }
        for (int i = 0; i < 37; i++) {
            assertArrayEquals(bytes(i, i), m.frameBytes(i), "frame " + i);
        }
    }

    @Test
    void clearKeepsStorageUnlessItGrewPastTheLimit() {
        Msg m = new Msg(0);
        m.reserveFrame(MsgStorage.DIRECT_THRESHOLD);
        m.clear();
        int f = m.reserveFrame(10);
        assertTrue(m.isNative(f), "kept for reuse");
        m.clear();
        m.reserveFrame(Msg.RETAINED_CAPACITY_LIMIT + 1);
        m.clear();
        f = m.reserveFrame(10);
        assertFalse(m.isNative(f), "a huge buffer is not kept by the pool");
    }

    @Test
    void negativeLengthsAreRefusedByName() {
        Msg m = new Msg(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.reserveFrame(-1));
        assertEquals("frame length -1: expected 0 or more", e.getMessage());
    }
}
