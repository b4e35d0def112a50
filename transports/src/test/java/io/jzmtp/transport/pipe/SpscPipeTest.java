package io.jzmtp.transport.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Single-threaded semantics, for both storages (ring, and the chunked queue forced by maxRingHwm = 0). */
class SpscPipeTest {
    private final CountingEvents reader = new CountingEvents();
    private final CountingEvents writer = new CountingEvents();

    private SpscPipe<Integer> pipe(int hwm, boolean chunked) {
        return new SpscPipe<>(hwm, reader, writer, chunked ? 0 : SpscPipe.MAX_RING_HWM);
    }

    private static void fill(SpscPipe<Integer> pipe, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(pipe.offer(i), "offer " + i);
        }
    }

    private static void take(SpscPipe<Integer> pipe, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(pipe.poll() != null, "poll " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void quietOffersWakeAnArmedReaderOnceAtPublish(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(0, chunked);
        assertNull(pipe.poll()); // armed
        assertTrue(pipe.offerQuietly(1));
        assertTrue(pipe.offerQuietly(2));
        assertEquals(0, reader.reads(), "nothing fires before the publish");
        pipe.publish();
        assertEquals(1, reader.reads(), "one activation for the batch");
        pipe.publish();
        assertEquals(1, reader.reads(), "a second publish without new messages fires nothing");
        assertEquals(1, pipe.poll());
        assertEquals(2, pipe.poll());
        assertNull(pipe.poll()); // armed again
        assertTrue(pipe.offer(3));
        assertEquals(2, reader.reads(), "a plain offer still fires at once");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aReaderThatTookAQuietMessageIsNotWokenForIt(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(0, chunked);
        assertNull(pipe.poll()); // armed
        assertTrue(pipe.offerQuietly(1));
        assertEquals(1, pipe.poll(), "the reader may see it before the publish");
        pipe.publish();
        assertEquals(0, reader.reads(), "the withdrawn arming leaves nothing to fire");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldRefuseAtTheHwmWithoutThrowing(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(4, chunked);
        fill(pipe, 4);
        assertFalse(pipe.offer(99));
        assertFalse(pipe.offer(99));
        assertEquals(4, pipe.size());
        assertFalse(pipe.isClosed());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, pipe.poll());
        }
        assertEquals(0, reader.reads());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldActivateABlockedWriterOnceWhenTheCountReachesTheLwm(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(10, chunked);
        assertEquals(5, pipe.lwm());
        fill(pipe, 10);
        assertFalse(pipe.offer(10));
        assertFalse(pipe.offer(10)); // same episode
        take(pipe, 4); // count 6
        assertEquals(0, writer.writes());
        take(pipe, 1); // count 5 = lwm
        assertEquals(1, writer.writes());
        take(pipe, 5);
        assertNull(pipe.poll());
        assertEquals(1, writer.writes());

        fill(pipe, 10);
        assertFalse(pipe.offer(10)); // second episode
        take(pipe, 5);
        assertEquals(2, writer.writes());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldEndAnEpisodeSilentlyWhenALaterOfferSucceeds(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(4, chunked);
        fill(pipe, 4);
        assertFalse(pipe.offer(4));
        take(pipe, 1); // count 3 > lwm 2
        assertTrue(pipe.offer(4)); // ends the episode without an event
        take(pipe, 4);
        assertEquals(0, writer.writes());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldActivateAWaitingReaderOncePerEdge(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(100, chunked);
        assertNull(pipe.poll()); // arms
        assertNull(pipe.poll()); // still the same arming
        fill(pipe, 3);
        assertEquals(1, reader.reads());
        take(pipe, 3);
        assertEquals(1, reader.reads());
        assertTrue(pipe.offer(7)); // reader did not find it empty since: no event
        assertEquals(1, reader.reads());
        assertEquals(7, pipe.poll());
        assertNull(pipe.poll());
        assertTrue(pipe.offer(8));
        assertEquals(2, reader.reads());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldTreatHwmZeroAsUnlimited(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(0, chunked);
        assertEquals(0, pipe.lwm());
        fill(pipe, 100_000);
        assertEquals(100_000, pipe.size());
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, pipe.poll());
        }
        assertNull(pipe.poll());
        assertEquals(0, writer.writes());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldLetTheReaderDrainAfterTheWriterClosed(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(10, chunked);
        fill(pipe, 3);
        pipe.closeWriter(null);
        pipe.closeWriter(null); // idempotent
        assertFalse(pipe.offer(3));
        assertTrue(pipe.isClosed());
        assertTrue(pipe.isWriterClosed());
        assertFalse(pipe.isDrained());
        take(pipe, 3);
        assertTrue(pipe.isDrained());
        assertNull(pipe.poll());
        assertEquals(0, reader.reads(), "reader was never armed: no event");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldActivateAnArmedReaderWhenTheWriterCloses(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(10, chunked);
        assertNull(pipe.poll());
        pipe.closeWriter(null);
        assertEquals(1, reader.reads());
        assertNull(pipe.poll());
        assertTrue(pipe.isDrained());
        assertNull(pipe.poll());
        assertEquals(1, reader.reads());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldDiscardAndActivateABlockedWriterWhenTheReaderCloses(boolean chunked) {
        SpscPipe<Integer> pipe = pipe(2, chunked);
        fill(pipe, 2);
        assertFalse(pipe.offer(2));
        List<Integer> discarded = new ArrayList<>();
        pipe.closeReader(discarded::add);
        pipe.closeReader(discarded::add); // idempotent
        assertEquals(List.of(0, 1), discarded);
        assertEquals(1, writer.writes());
        assertFalse(pipe.offer(3));
        assertTrue(pipe.isReaderClosed());
        assertEquals(1, writer.writes(), "a false from a closed pipe starts no episode");
        assertNull(pipe.poll());
        pipe.closeWriter(discarded::add);
        assertEquals(List.of(0, 1), discarded);
        assertEquals(0, pipe.size());
    }

    @Test
    void shouldDrainToASink() {
        SpscPipe<Integer> pipe = pipe(8, false);
        fill(pipe, 5);
        List<Integer> sink = new ArrayList<>();
        assertEquals(5, pipe.drainTo(sink::add));
        assertEquals(List.of(0, 1, 2, 3, 4), sink);
        assertTrue(pipe.offer(5));
        assertEquals(1, reader.reads(), "drainTo ends armed like poll()");
    }

    @Test
    void pollIfAnyTakesWithoutArming() {
        SpscPipe<Integer> pipe = pipe(8, false);
        assertEquals(null, pipe.pollIfAny());
        assertTrue(pipe.offer(1));
        assertEquals(0, reader.reads(), "not armed: the writer posts nothing");
        assertEquals(1, pipe.pollIfAny());
        assertEquals(null, pipe.poll(), "poll() arms");
        assertTrue(pipe.offer(2));
        assertTrue(pipe.offer(3));
        assertEquals(1, reader.reads(), "armed once, activated once");
        assertEquals(2, pipe.pollIfAny(), "an armed pipe that was activated is read as by poll()");
        assertEquals(3, pipe.pollIfAny());
        assertEquals(null, pipe.pollIfAny());
        assertTrue(pipe.offer(4));
        assertEquals(1, reader.reads());
    }

    @Test
    void pollIfAnyStillWakesABlockedWriterAtTheLowWaterMark() {
        SpscPipe<Integer> pipe = pipe(4, false);
        fill(pipe, 4);
        assertFalse(pipe.offer(9));
        for (int i = 0; i < 4; i++) {
            assertEquals(i, pipe.pollIfAny());
        }
        assertEquals(1, writer.writes());
    }

    @Test
    void shouldWorkWithHwmOne() {
        SpscPipe<Integer> pipe = pipe(1, false);
        assertEquals(0, pipe.lwm()); // below the HWM: an activated writer always finds room
        for (int i = 0; i < 10; i++) {
            assertTrue(pipe.offer(i));
            assertFalse(pipe.offer(-1));
            assertEquals(i, pipe.poll());
        }
        assertEquals(10, writer.writes());
    }

    @Test
    void shouldComputeLwmAsHalfTheHwmRoundedUpButBelowIt() {
        int[][] cases = {{0, 0}, {1, 0}, {2, 1}, {3, 2}, {1000, 500}, {1001, 501}};
        for (int[] c : cases) {
            assertEquals(c[1], new SpscPipe<Integer>(c[0], reader, writer).lwm(), "hwm " + c[0]);
        }
    }

    @Test
    void shouldSumInprocHwms() {
        assertEquals(2000, SpscPipe.inprocHwm(1000, 1000));
        assertEquals(0, SpscPipe.inprocHwm(0, 1000));
        assertEquals(0, SpscPipe.inprocHwm(1000, 0));
        assertEquals(Integer.MAX_VALUE, SpscPipe.inprocHwm(Integer.MAX_VALUE, 5));
    }

    @Test
    void shouldRejectMisuse() {
        assertThrows(IllegalArgumentException.class, () -> new SpscPipe<Integer>(-1, reader, writer));
        assertThrows(NullPointerException.class, () -> pipe(4, false).offer(null));
        assertThrows(NullPointerException.class, () -> new SpscPipe<Integer>(4, null, writer));
    }
}
