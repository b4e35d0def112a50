package io.jzmtp.spec.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * How a byte stream is cut into the chunks a reader hands to a decoder: at every byte, or at chosen positions.
 *
 * @param everyByte true for 1-byte chunks throughout
 * @param cuts sorted cut positions (each in 1..length-1) when not every byte
 */
record Chunking(boolean everyByte, int[] cuts) {
    /** A single chunk. */
    static final Chunking WHOLE = new Chunking(false, new int[0]);

    /**
     * @param length the stream's length
     * @return the chunk boundaries: 0, the cuts below length, length
     */
    int[] boundaries(int length) {
        if (everyByte) {
            int[] b = new int[length + 1];
            for (int i = 0; i <= length; i++) {
                b[i] = i;
            }
            return b;
        }
        TreeSet<Integer> s = new TreeSet<>();
        s.add(0);
        s.add(length);
        for (int c : cuts) {
            if (c > 0 && c < length) {
                s.add(c);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunking c && c.everyByte == everyByte && Arrays.equals(c.cuts, cuts);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(everyByte) * 31 + Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return everyByte ? "Chunking[every byte]" : "Chunking" + Arrays.toString(cuts);
    }

    /**
     * Cuttings of a stream of the given length: every byte, random cut sets, regular small chunks, and cuts at
     * the given special positions (such as the end of the greeting) mixed with random ones.
     *
     * @param length the stream's length
     * @param special positions worth cutting at
     * @return the arbitrary
     */
    static Arbitrary<Chunking> of(int length, List<Integer> special) {
        if (length < 2) {
            return Arbitraries.just(WHOLE);
        }
        Arbitrary<Set<Integer>> randomCuts = Arbitraries.integers().between(1, length - 1).set().ofMaxSize(48);
        Arbitrary<Chunking> random = randomCuts.map(Chunking::from);
        Arbitrary<Chunking> withSpecial = randomCuts.map(s -> {
            TreeSet<Integer> t = new TreeSet<>(s);
            t.addAll(special);
            return from(t);
        });
        Arbitrary<Chunking> regular = Arbitraries.integers().between(1, 37).map(step -> {
            TreeSet<Integer> t = new TreeSet<>();
            for (int i = step; i < length && t.size() < 5000; i += step) {
                t.add(i);
            }
            return from(t);
        });
        List<Tuple2<Integer, Arbitrary<Chunking>>> choices = new ArrayList<>();
        choices.add(Tuple.of(3, random));
        choices.add(Tuple.of(3, withSpecial));
        choices.add(Tuple.of(2, regular));
        if (length <= 20_000) {
            choices.add(Tuple.of(2, Arbitraries.just(new Chunking(true, new int[0]))));
        }
        return Arbitraries.frequencyOf(choices);
    }

    private static Chunking from(Set<Integer> cuts) {
        return new Chunking(false, new TreeSet<>(cuts).stream().mapToInt(Integer::intValue).toArray());
    }
}
