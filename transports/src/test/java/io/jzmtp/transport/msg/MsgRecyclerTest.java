package io.jzmtp.transport.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The recycler's hand-back: what a spent message keeps while pooled, and what the writer gets back. */
class MsgRecyclerTest {

    @Test
    void aSmallMessageLetsGoOfItsOwnedArraysAtOnceAndComesBackEmpty() {
        MsgRecycler recycler = new MsgRecycler(4, 64);
        Msg m = recycler.take();
        byte[] owned = {1, 2, 3};
        m.addFrame(new byte[] {9, 9}, 0, 2);
        m.addFrameOwned(owned);
        m.forConnection(3);
        assertSame(owned, m.frameBuffer(1).byteArray(), "before: the frame is the application's array");

        recycler.recycle(m);
        // While pooled, the message no longer references the application's array (the pool keeps none alive) ...
        assertNotSame(owned, m.frameBuffer(1).byteArray(), "the pooled message still holds the owned array");

        // ... and the writer that takes it back gets it empty.
        Msg again = recycler.take();
        assertSame(m, again, "the spent message is reused");
        assertEquals(0, again.frameCount());
        assertEquals(0, again.connection());
        again.addFrame(new byte[] {7}, 0, 1);
        assertEquals(1, again.frameCount());
        assertEquals(7, again.frameByte(0, 0));
    }

    @Test
    void aLargeMessageComesBackEmptyAndLastInFirstOut() {
        MsgRecycler recycler = new MsgRecycler(4, 64);
        byte[] big = new byte[MsgStorage.DIRECT_THRESHOLD];
        Msg first = recycler.take();
        first.addFrame(new UnsafeBuffer(big), 0, big.length);
        Msg second = recycler.take();
        second.addFrame(new UnsafeBuffer(big), 0, big.length);
        second.forConnection(2);
        assertTrue(first.hasNativeStorage() && second.hasNativeStorage());

        recycler.recycle(first);
        recycler.recycle(second);
        assertEquals(0, second.frameCount(), "a large message is emptied when handed back");

        Msg taken = recycler.take();
        assertSame(second, taken, "the one spent last is refilled first");
        assertEquals(0, taken.connection());
        assertSame(first, recycler.take());
    }

    @Test
    void takeMakesANewMessageOnlyWhenNoneIsPooled() {
        MsgRecycler recycler = new MsgRecycler(2, 16);
        Msg a = recycler.take();
        Msg b = recycler.take();
        assertNotSame(a, b);
        recycler.recycle(a);
        assertSame(a, recycler.take());
    }
}
