package io.jzmtp.transport.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Frames lent from a caller's direct buffer: read in place, written from where they lie, released exactly once. */
class MsgLentFrameTest {
    private final List<ByteBuffer> released = new ArrayList<>();

    private static ByteBuffer direct(int n, int seed) {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) {
            b.put(i, (byte) (seed + i * 3));
        }
        return b;
    }

    private static byte[] bytes(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return out;
    }

    @Test
    void aLentFrameIsReadInPlaceFromItsPositionToItsLimit() {
        ByteBuffer b = direct(100, 5);
        b.position(10).limit(60);
        Msg m = new Msg(16);
        m.addFrame(new byte[] {9}, 0, 1);
        m.addFrameLent(b, released::add);
        assertEquals(2, m.frameCount());
        assertEquals(50, m.frameLength(1));
        assertEquals(51, m.totalLength());
        assertArrayEquals(bytes(b, 10, 60), m.frameBytes(1));
        assertTrue(m.isNative(1), "an engine writes it from where it lies");
        b.put(10, (byte) 77);
        assertEquals(77, m.frameByte(1, 0), "not a copy: the message reads the caller's memory");
        UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        m.wrapFrame(1, view);
        assertEquals(50, view.capacity());
        assertEquals(77, view.getByte(0));
    }

    @Test
    void frameIoPositionsTheCallersBufferAndClearPutsItBackAndReleasesOnce() {
        ByteBuffer b = direct(64, 1);
        b.position(4).limit(40);
        Msg m = new Msg(16);
        m.addFrameLent(b, released::add);
        ByteBuffer io = m.frameIo(0, 6);
        assertSame(b, io, "the buffer object itself serves channel calls: nothing is allocated");
        assertEquals(10, io.position());
        assertEquals(40, io.limit());
        io.position(40); // as a channel write that took everything

        m.clear();
        assertEquals(List.of(b), released);
        assertEquals(4, b.position(), "position as it was at the call");
        assertEquals(40, b.limit(), "limit as it was at the call");
        m.clear();
        assertEquals(1, released.size(), "released once, however often the message is cleared");
        assertEquals(0, m.frameCount());
    }

    @Test
    void recyclingFromTheReaderReleasesThere() {
        MsgRecycler recycler = new MsgRecycler(8, 16);
        Msg m = recycler.take();
        ByteBuffer b = direct(32, 2);
        m.addFrame(new byte[] {1, 2}, 0, 2);
        m.addFrameLent(b, released::add);
        recycler.recycle(m); // the reader's side
        assertEquals(List.of(b), released, "released when the reader lets go, not when the writer takes it back");
        Msg again = recycler.take();
        assertSame(m, again);
        assertEquals(0, again.frameCount());
        assertEquals(1, released.size());
    }

    @Test
    void largeMessagesAreReleasedWhenRecycledToo() {
        MsgRecycler recycler = new MsgRecycler(8, 16);
        Msg m = recycler.take();
        byte[] big = new byte[MsgStorage.DIRECT_THRESHOLD];
        m.addFrame(big, 0, big.length);
        ByteBuffer b = direct(16, 3);
        m.addFrameLent(b, released::add);
        recycler.recycle(m);
        assertEquals(List.of(b), released);
    }

    @Test
    void manyLentFramesAreEachReleasedOnceAfterTheSlotsGrow() {
        Msg m = new Msg(16);
        List<ByteBuffer> lent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ByteBuffer b = direct(8 + i, i);
            lent.add(b);
            if (i % 3 == 0) {
                m.addFrame(new byte[] {(byte) i}, 0, 1);
            }
            m.addFrameLent(b, released::add);
        }
        for (int f = 0, k = 0; f < m.frameCount(); f++) {
            if (m.frameLength(f) > 1) {
                ByteBuffer b = lent.get(k++);
                assertArrayEquals(bytes(b, 0, b.limit()), m.frameBytes(f));
            }
        }
        m.clear();
        assertEquals(lent, released);
    }

    @Test
    void aFailingReleaseDoesNotStopTheOthers() {
        Msg m = new Msg(16);
        ByteBuffer first = direct(8, 1);
        ByteBuffer second = direct(8, 2);
        m.addFrameLent(first, b -> {
            throw new IllegalStateException("the application's callback failed");
        });
        m.addFrameLent(second, released::add);
        m.clear();
        assertEquals(List.of(second), released);
    }

    @Test
    void takeFrameCopiesALentFrame() {
        ByteBuffer b = direct(20, 4);
        Msg m = new Msg(16);
        m.addFrameLent(b, released::add);
        byte[] taken = m.takeFrame(0);
        assertArrayEquals(bytes(b, 0, 20), taken);
        assertTrue(released.isEmpty(), "still lent until the message is cleared");
        m.clear();
        assertEquals(1, released.size());
    }

    @Test
    void onlyDirectBuffersAndARealCallbackAreLent() {
        Msg m = new Msg(16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> m.addFrameLent(ByteBuffer.allocate(8), released::add));
        assertTrue(e.getMessage().contains("expected a direct ByteBuffer"), e.getMessage());
        assertThrows(NullPointerException.class, () -> m.addFrameLent(direct(8, 0), null));
        assertThrows(NullPointerException.class, () -> m.addFrameLent(null, released::add));
        assertEquals(0, m.frameCount());
    }
}
