package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameHandler;
import io.jzmtp.core.greeting.Greeting;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * House rule 2 with a body destination: an engine names where a split body goes (its message's storage) and may
 * read the rest of it from its channel straight into that place, reporting the bytes to the decoder. Whatever the
 * cutting, whichever bodies get a destination and however many bytes bypass the decoder, the frames, their
 * offsets and the stream position are those of plain decoding, and nothing is written outside a destination.
 */
class BodyDestinationProperties {

    /** A frame stream; how to cut it; which bodies get a destination; how often the owner fills one itself. */
    record Run(List<DecodedFrame> frames, byte[] wire, Chunking chunking, int threshold, int bypassEvery) {
        @Override
        public String toString() {
            return "Run[" + frames.size() + " frames, " + wire.length + " bytes, " + chunking + ", destinations from "
                + threshold + " bytes, bypass every " + bypassEvery + "]";
        }
    }

    @Provide
    Arbitrary<Run> runs() {
        return FrameArbitraries.frameLists(true).flatMap(frames -> {
            byte[] wire = FrameStreams.encode(frames);
            return Combinators.combine(Chunking.of(wire.length, List.of()), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 3)).as((c, t, b) -> new Run(frames, wire, c, t, b));
        });
    }

    @Property
    @Label("house rule 2: a body gathered in the handler's destination, partly filled by its owner, decodes alike")
    void destinationsAndBypassDecodeAlike(@ForAll("runs") Run r) throws ProtocolException {
        Recorder rec = new Recorder(r.threshold());
        FrameDecoder decoder = new FrameDecoder(-1, Greeting.LENGTH);
        int[] bounds = r.chunking().boundaries(r.wire().length);
        int step = 0;
        for (int c = 0; c + 1 < bounds.length; c++) {
            int from = bounds[c];
            int to = bounds[c + 1];
            while (from < to) {
                int due = decoder.bodyRemaining();
                if (due > 0 && r.bypassEvery() > 0 && step++ % r.bypassEvery() == 0) {
                    // The owner reads part of the body itself, as an engine reads from its channel.
                    int n = Math.min(due, Math.max(1, (to - from) / 2));
                    int at = rec.destination.capacity() - due;
                    rec.destination.putBytes(at, r.wire(), from, n);
                    decoder.bodyArrived(n, rec);
                    from += n;
                    continue;
                }
                byte[] chunk = new byte[to - from];
                System.arraycopy(r.wire(), from, chunk, 0, chunk.length);
                int n = decoder.decode(new UnsafeBuffer(chunk), 0, chunk.length, rec);
                assertEquals(chunk.length, n, "a handler that never pauses consumes everything");
                from += n;
            }
        }
        assertEquals(FrameStreams.withOffsets(r.frames(), Greeting.LENGTH), rec.frames);
        assertEquals(Greeting.LENGTH + r.wire().length, decoder.position());
        assertEquals(0, decoder.bodyRemaining());
    }

    @Example
    void bodyArrivedRefusesMoreThanIsDue() throws ProtocolException {
        FrameDecoder decoder = new FrameDecoder(-1, 0);
        Recorder rec = new Recorder(0);
        byte[] head = {0, 10, 1, 2};
        decoder.decode(new UnsafeBuffer(head), 0, head.length, rec);
        assertEquals(8, decoder.bodyRemaining());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decoder.bodyArrived(9, rec));
        assertEquals("body bytes 9: expected 1 to 8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> decoder.bodyArrived(0, rec));
        MutableDirectBuffer into = rec.destination;
        decoder.bodyArrived(8, rec);
        assertEquals(1, rec.frames.size());
        assertSame(into, rec.lastBuffer, "the frame is handed over in the destination itself");
        assertEquals(0, decoder.bodyRemaining());
    }

    /** Records frames; gives a fresh, exactly sized destination to split bodies of at least the threshold. */
    private static final class Recorder implements FrameHandler {
        final List<DecodedFrame> frames = new ArrayList<>();
        private final int threshold;
        UnsafeBuffer destination = new UnsafeBuffer(new byte[0]);
        DirectBuffer lastBuffer;

        Recorder(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public boolean onFrame(DirectBuffer buffer, int offset, int length, int flags, long streamOffset) {
            byte[] body = new byte[length];
            buffer.getBytes(offset, body);
            frames.add(new DecodedFrame(flags, body, streamOffset));
            lastBuffer = buffer;
            return true;
        }

        @Override
        public MutableDirectBuffer bodyDestination(int length, int flags) {
            if (length < threshold) {
                return null;
            }
            destination = new UnsafeBuffer(new byte[length]); // exactly sized: a write past it throws
            return destination;
        }
    }
}
