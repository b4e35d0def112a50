package io.jzmtp.spec.properties;

import io.jzmtp.core.frame.FrameFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Generators of frames and frame lists. */
final class FrameArbitraries {
    private FrameArbitraries() {
    }

    /**
     * Byte arrays of sizes 0..300, around 255/256, around 65536, and random up to 5000.
     *
     * @param withHuge whether sizes around 65536 may appear
     * @return the arbitrary
     */
    static Arbitrary<byte[]> bodies(boolean withHuge) {
        List<Tuple2<Integer, Arbitrary<Integer>>> sizes = new ArrayList<>();
        sizes.add(Tuple.of(10, Arbitraries.integers().between(0, 300)));
        sizes.add(Tuple.of(4, Arbitraries.integers().between(250, 260)));
        sizes.add(Tuple.of(3, Arbitraries.integers().between(0, 5000)));
        if (withHuge) {
            sizes.add(Tuple.of(1, Arbitraries.integers().between(65_530, 65_540)));
        }
        return Arbitraries.frequencyOf(sizes).flatMap(FrameArbitraries::bytesOfSize);
    }

    /**
     * Byte arrays of one size. Up to 300 bytes they shrink byte by byte; longer ones are filled from a random
     * seed (generating them byte by byte would dominate the run time).
     *
     * @param n the size
     * @return the arbitrary
     */
    static Arbitrary<byte[]> bytesOfSize(int n) {
        if (n <= 300) {
            return Arbitraries.bytes().array(byte[].class).ofSize(n);
        }
        return Arbitraries.longs().map(seed -> {
            byte[] b = new byte[n];
            new SplittableRandom(seed).nextBytes(b);
            return b;
        });
    }

    /**
     * @param max the largest size
     * @return byte arrays of 0..max bytes
     */
    static Arbitrary<byte[]> bytesOfSizeUpTo(int max) {
        return Arbitraries.integers().between(0, max).flatMap(FrameArbitraries::bytesOfSize);
    }

    /**
     * Frames with flags 0, MORE or COMMAND (never MORE with COMMAND: RFC 23-FRAME-9).
     *
     * @param withHuge whether bodies around 65536 bytes may appear
     * @return the arbitrary; offsets are -1
     */
    static Arbitrary<DecodedFrame> frames(boolean withHuge) {
        Arbitrary<Integer> flags = Arbitraries.of(0, FrameFlags.MORE, FrameFlags.COMMAND);
        return Combinators.combine(flags, bodies(withHuge)).as((f, b) -> new DecodedFrame(f, b, -1));
    }

    /**
     * Lists of 0 to 12 frames.
     *
     * @param withHuge whether bodies around 65536 bytes may appear
     * @return the arbitrary
     */
    static Arbitrary<List<DecodedFrame>> frameLists(boolean withHuge) {
        return frames(withHuge).list().ofMaxSize(12);
    }
}
