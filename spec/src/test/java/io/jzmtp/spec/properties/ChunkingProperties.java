package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.command.Commands;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.NullMechanism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * House rule 2 and test-plan 5.3 item 2: the codec resumes at any byte boundary. The same stream cut anywhere
 * (every byte, random cuts, right after the greeting or a frame header) and read by a handler that sometimes
 * pauses yields the same frames at the same offsets, and the same error at the same offset.
 */
class ChunkingProperties {

    /** A valid frame stream, how to cut it, and how often the handler pauses. */
    record CutStream(List<DecodedFrame> frames, byte[] wire, Chunking chunking, int pauseEvery) {
        @Override
        public String toString() {
            return "CutStream[" + frames.size() + " frames, " + wire.length + " bytes, " + chunking + ", pause every "
                + pauseEvery + "]";
        }
    }

    /** A frame stream with a fault, its decoder limit, and how to cut it. */
    record FaultyStream(byte[] wire, long maxFrameSize, String fault, Chunking chunking, int pauseEvery) {
        @Override
        public String toString() {
            return "FaultyStream[" + wire.length + " bytes, max " + maxFrameSize + ", " + fault + ", " + chunking
                + ", pause every " + pauseEvery + "]";
        }
    }

    @Provide
    Arbitrary<CutStream> cutStreams() {
        return FrameArbitraries.frameLists(true).flatMap(frames -> {
            byte[] wire = FrameStreams.encode(frames);
            return Combinators.combine(Chunking.of(wire.length, headerBoundaries(frames)),
                Arbitraries.integers().between(0, 3)).as((c, p) -> new CutStream(frames, wire, c, p));
        });
    }

    // RFC 23-FRAME-1, 23-FRAME-2, house rule 2: "The codec is pure and resumes at any byte boundary."
    @Property
    @Label("23-FRAME-2: any cutting of a valid stream decodes to the same frames at the same offsets")
    void validStreamsDecodeAlikeUnderAnyCutting(@ForAll("cutStreams") CutStream s) {
        FrameStreams.Outcome out =
            FrameStreams.decode(s.wire(), s.chunking(), -1, Greeting.LENGTH, s.pauseEvery(), null);
        assertNull(out.error(), () -> "unexpected " + out.error() + " at " + out.errorOffset());
        assertEquals(FrameStreams.withOffsets(s.frames(), Greeting.LENGTH), out.frames());
        assertEquals(Greeting.LENGTH + s.wire().length, out.position());
    }

    @Provide
    Arbitrary<FaultyStream> faultyStreams() {
        return FrameArbitraries.frames(false).list().ofMinSize(1).ofMaxSize(8).flatMap(frames -> {
            byte[] wire = FrameStreams.encode(frames);
            List<Integer> starts = frameStarts(frames);
            int largest = frames.stream().mapToInt(f -> f.body().length).max().orElse(0);
            Arbitrary<Long> limits = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(-1L)),
                Tuple.of(1, Arbitraries.longs().between(0, largest)));
            List<Integer> longStarts = longFrameStarts(frames);
            List<Tuple.Tuple2<Integer, Arbitrary<Fault>>> faults = new ArrayList<>();
            faults.add(Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, wire.length - 1),
                Arbitraries.integers().between(1, 255)).as((pos, x) -> new Fault("xor byte " + pos + " with " + x,
                    w -> flip(w, pos, x)))));
            faults.add(Tuple.of(2, Arbitraries.of(starts).map(pos -> new Fault("COMMAND+MORE flags at " + pos,
                w -> commandMore(w, pos)))));
            faults.add(Tuple.of(1, Arbitraries.integers().between(0, wire.length - 1).map(n -> new Fault("cut at " + n,
                w -> Arrays.copyOf(w, n)))));
            if (!longStarts.isEmpty()) {
                faults.add(Tuple.of(1, Arbitraries.of(longStarts).map(pos -> new Fault("top size bit at " + pos,
                    w -> flip(w, pos + 1, 0x80)))));
            }
            return Combinators.combine(limits, Arbitraries.frequencyOf(faults), Arbitraries.integers().between(0, 3))
                .flatAs((max, fault, p) -> {
                    byte[] bad = fault.apply().apply(wire.clone());
                    return Chunking.of(bad.length, starts).map(c -> new FaultyStream(bad, max, fault.what(), c, p));
                });
        });
    }

    /** A way to break a stream. */
    record Fault(String what, UnaryOperator<byte[]> apply) {
    }

    // RFC 23-FRAME-2, 23-FRAME-7, 23-FRAME-9: header errors (COMMAND+MORE, top size bit, over the limit) and
    // corruptions are found at the same offset, after the same frames, whatever the cutting.
    @Property
    @Label("23-FRAME-7/9: a faulty stream fails with the same error at the same offset under any cutting")
    void faultyStreamsFailAlikeUnderAnyCutting(@ForAll("faultyStreams") FaultyStream s) {
        FrameStreams.Outcome whole = FrameStreams.decode(s.wire(), Chunking.WHOLE, s.maxFrameSize(), 0, 0, null);
        FrameStreams.Outcome cut =
            FrameStreams.decode(s.wire(), s.chunking(), s.maxFrameSize(), 0, s.pauseEvery(), null);
        assertEquals(whole.frames(), cut.frames());
        assertEquals(whole.error(), cut.error());
        assertEquals(whole.errorOffset(), cut.errorOffset());
        if (whole.error() != null) {
            assertTrue(whole.errorOffset() >= 0 && whole.errorOffset() < s.wire().length, "offset in the stream");
            for (DecodedFrame f : whole.frames()) {
                assertTrue(f.offset() < whole.errorOffset(), "frames before the error only");
            }
        } else {
            assertEquals(whole.position(), cut.position());
        }
        Statistics.label("outcome").collect(whole.error() == null ? "no error" : whole.error().name())
            .coverage(c -> c.check("no error").percentage(p -> p < 75.0));
    }

    @Provide
    Arbitrary<Tuple.Tuple3<PeerScript, Chunking, Integer>> scriptedPeers() {
        return PeerScript.scripts().flatMap(s -> Combinators.combine(
            Chunking.of(s.bytes().length, List.of(10, 11, Greeting.LENGTH, s.readyEnd())),
            Arbitraries.integers().between(0, 3)).as((c, p) -> Tuple.of(s, c, p)));
    }

    // RFC 23-GREET-8, 23-NULL-2, 23-NULL-8, 23-FRAME-1: bytes right behind the greeting and behind READY are never lost
    // (JeroMQ #524/#527), whatever the reads look like; the connection's whole behaviour is cut-independent.
    @Property
    @Label("23-GREET-8, 23-NULL-8: a NULL connection behaves the same under any cutting of the peer's stream")
    void connectionBehavesAlikeUnderAnyCutting(@ForAll("scriptedPeers") Tuple.Tuple3<PeerScript, Chunking, Integer> t) {
        PeerScript s = t.get1();
        ConnectionFeeder.Result whole = ConnectionFeeder.feed(connection(s), s.bytes(), Chunking.WHOLE, 0,
            () -> AuthResult.accept("u"));
        ConnectionFeeder.Result cut = ConnectionFeeder.feed(connection(s), s.bytes(), t.get2(), t.get3(),
            () -> AuthResult.accept("u"));
        assertNull(whole.error(), () -> "unexpected " + whole);
        assertEquals(whole, cut);
        assertTrue(whole.ready());
        assertEquals(s.events(), whole.events());
        assertEquals(List.of(), whole.violations());
        assertEquals(s.bytes().length, whole.consumed());
        // Our output: the greeting, then READY (RFC 23-NULL-2).
        byte[] expected = Wire.concat(new Greeting(3, 1, "NULL", false).toBytes(1),
            Wire.command(Commands.ready(HandshakeConfig.of(s.ourType()).localMetadata())));
        assertArrayEquals(expected, whole.output());
    }

    @Provide
    Arbitrary<Tuple.Tuple4<PeerScript, Integer, Integer, Chunking>> corruptedPeers() {
        return PeerScript.scripts().flatMap(s -> Combinators.combine(
            Arbitraries.integers().between(0, s.bytes().length - 1), Arbitraries.integers().between(1, 255),
            Chunking.of(s.bytes().length, List.of(10, 11, Greeting.LENGTH, s.readyEnd())))
            .as((pos, x, c) -> Tuple.of(s, pos, x, c)));
    }

    // House rule 2 with faults: a corrupted byte anywhere in greeting, handshake or traffic is judged the same way
    // whatever the cutting.
    @Property
    @Label("23-GREET-1, 23-FRAME-2: a corrupted peer stream gives the same outcome under any cutting")
    void corruptedConnectionBehavesAlikeUnderAnyCutting(
        @ForAll("corruptedPeers") Tuple.Tuple4<PeerScript, Integer, Integer, Chunking> t) {
        PeerScript s = t.get1();
        byte[] bad = flip(s.bytes().clone(), t.get2(), t.get3());
        ConnectionFeeder.Result whole = ConnectionFeeder.feed(connection(s), bad, Chunking.WHOLE, 0,
            () -> AuthResult.accept("u"));
        ConnectionFeeder.Result cut = ConnectionFeeder.feed(connection(s), bad, t.get4(), 1,
            () -> AuthResult.accept("u"));
        assertEquals(whole.error(), cut.error());
        assertEquals(whole.errorOffset(), cut.errorOffset());
        assertEquals(whole.events(), cut.events());
        assertEquals(whole.ready(), cut.ready());
        assertArrayEquals(whole.output(), cut.output());
        assertEquals(List.of(), cut.violations());
        if (whole.error() != null) {
            // Everything before the corrupted unit (greeting byte or frame) is valid, so nothing fails earlier.
            long floor = unitStart(s.bytes(), t.get2());
            assertTrue(whole.errorOffset() >= floor,
                () -> "error at " + whole.errorOffset() + " before the corrupted unit at " + floor);
        }
        Statistics.label("outcome").collect(whole.error() == null ? "no error" : "error");
    }

    private static ZmtpConnection connection(PeerScript s) {
        return new ZmtpConnection(new NullMechanism(HandshakeConfig.of(s.ourType()), s.authenticate()), -1, 1);
    }

    private static List<Integer> headerBoundaries(List<DecodedFrame> frames) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        for (DecodedFrame f : frames) {
            int h = FrameEncoder.headerLength(f.body().length);
            out.add(at + 1);
            out.add(at + h);
            at += h + f.body().length;
            out.add(at);
        }
        return out;
    }

    /** The corrupted greeting byte itself, or the start of the frame holding the byte. */
    private static long unitStart(byte[] script, int pos) {
        if (pos < Greeting.LENGTH) {
            return pos;
        }
        int at = Greeting.LENGTH;
        while (true) {
            boolean longForm = (script[at] & FrameFlags.LONG) != 0;
            long size = longForm ? new org.agrona.concurrent.UnsafeBuffer(script).getLong(at + 1,
                java.nio.ByteOrder.BIG_ENDIAN) : script[at + 1] & 0xFF;
            long end = at + (longForm ? 9 : 2) + size;
            if (pos < end) {
                return at;
            }
            at = (int) end;
        }
    }

    private static List<Integer> longFrameStarts(List<DecodedFrame> frames) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        for (DecodedFrame f : frames) {
            if (f.body().length > FrameFlags.SHORT_MAX) {
                out.add(at);
            }
            at += FrameEncoder.headerLength(f.body().length) + f.body().length;
        }
        return out;
    }

    private static List<Integer> frameStarts(List<DecodedFrame> frames) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        for (DecodedFrame f : frames) {
            out.add(at);
            at += FrameEncoder.headerLength(f.body().length) + f.body().length;
        }
        return out;
    }

    static byte[] flip(byte[] w, int pos, int x) {
        w[pos] ^= (byte) x;
        return w;
    }

    private static byte[] commandMore(byte[] w, int pos) {
        w[pos] = (byte) ((w[pos] & FrameFlags.LONG) | FrameFlags.COMMAND | FrameFlags.MORE);
        return w;
    }
}
