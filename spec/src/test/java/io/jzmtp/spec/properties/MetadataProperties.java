package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.Metadata;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.agrona.concurrent.UnsafeBuffer;

/** Metadata properties as READY and INITIATE carry them (RFC 23 "The Metadata", 23-READY-2..7, 23-META-2). */
class MetadataProperties {
    private static final String NAME_CHARS =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+";

    /** One property as generated: a name and a value. */
    record Prop(String name, byte[] value) {
        @Override
        public String toString() {
            return name + "=" + value.length + " bytes";
        }
    }

    @Provide
    Arbitrary<List<Prop>> propertyLists() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(16)),
            Tuple.of(1, Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(255)));
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(0, 40)),
            Tuple.of(1, Arbitraries.integers().between(0, 1000))).flatMap(FrameArbitraries::bytesOfSize);
        return Combinators.combine(names, values).as(Prop::new).list().ofMaxSize(8)
            .uniqueElements(p -> p.name().toLowerCase(Locale.ROOT));
    }

    private static Metadata build(List<Prop> props) {
        Metadata.Builder b = Metadata.builder();
        for (Prop p : props) {
            b.put(p.name(), p.value());
        }
        return b.build();
    }

    private static byte[] encode(Metadata m) {
        byte[] out = new byte[m.encodedLength()];
        assertEquals(out.length, m.encode(new UnsafeBuffer(out), 0));
        return out;
    }

    // RFC 23-READY-2, 23-READY-3, 23-READY-4, 23-READY-6, 23-READY-7: name-size, name, 4-octet network-order
    // value-size, value; in order.
    @Property
    @Label("23-READY-2/3/6/7: metadata encodes to the RFC layout and parses back to the same properties")
    void metadataRoundTrips(@ForAll("propertyLists") List<Prop> props) throws ProtocolException {
        Metadata m = build(props);
        byte[] wire = encode(m);
        UnsafeBuffer b = new UnsafeBuffer(wire);
        int pos = 0;
        for (Prop p : props) {
            assertEquals(p.name().length(), wire[pos] & 0xFF);
            assertEquals(p.name(), b.getStringWithoutLengthAscii(pos + 1, p.name().length()));
            pos += 1 + p.name().length();
            assertEquals(p.value().length, b.getInt(pos, ByteOrder.BIG_ENDIAN));
            pos += 4 + p.value().length;
        }
        assertEquals(wire.length, pos);
        byte[] framed = Wire.concat(new byte[] {9, 9, 9}, wire, new byte[] {7, 7});
        Metadata parsed = Metadata.parse(new UnsafeBuffer(framed), 3, wire.length);
        assertEquals(m, parsed);
        assertEquals(props.size(), parsed.size());
        for (int i = 0; i < props.size(); i++) {
            assertEquals(props.get(i).name(), parsed.properties().get(i).name());
            assertArrayEquals(props.get(i).value(), parsed.properties().get(i).value());
        }
    }

    // RFC 23-META-2, 23-READY-5: names are case-insensitive.
    @Property
    @Label("23-META-2, 23-READY-5: lookup ignores the case of the name")
    void lookupIgnoresCase(@ForAll("propertyLists") List<Prop> props, @ForAll long caseSeed) throws ProtocolException {
        Metadata parsed = Metadata.parse(new UnsafeBuffer(encode(build(props))), 0, encode(build(props)).length);
        java.util.SplittableRandom r = new java.util.SplittableRandom(caseSeed);
        for (Prop p : props) {
            StringBuilder s = new StringBuilder();
            for (char c : p.name().toCharArray()) {
                s.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            assertArrayEquals(p.value(), parsed.value(s.toString()));
        }
        assertNull(parsed.value("X-Not-There-" + props.size() + "-" + caseSeed));
    }

    @Provide
    Arbitrary<List<Prop>> nonEmptyPropertyLists() {
        return propertyLists().filter(l -> !l.isEmpty());
    }

    // RFC 23-META-2: a name may not repeat when case is ignored (builder side).
    @Property
    @Label("23-META-2: the builder refuses a name that repeats ignoring case")
    void builderRefusesCaseInsensitiveDuplicates(@ForAll("nonEmptyPropertyLists") List<Prop> props,
        @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 7) int which) {
        Metadata.Builder b = Metadata.builder();
        for (Prop p : props) {
            b.put(p.name(), p.value());
        }
        String again = props.get(which % props.size()).name().toUpperCase(Locale.ROOT);
        assertThrows(IllegalArgumentException.class, () -> b.put(again, new byte[0]));
    }

    @Provide
    Arbitrary<byte[]> metadataLikeBytes() {
        Arbitrary<byte[]> valid = propertyLists().map(p -> encode(build(p)));
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 3))
            .as((v, pos, x, how) -> mutate(v, pos, x, how));
        Arbitrary<byte[]> noise = Arbitraries.integers().between(0, 300).flatMap(FrameArbitraries::bytesOfSize);
        return Arbitraries.frequencyOf(Tuple.of(2, valid), Tuple.of(5, mutated), Tuple.of(2, noise));
    }

    private static byte[] mutate(byte[] v, int pos, int x, int how) {
        if (v.length == 0) {
            return new byte[] {(byte) x};
        }
        int at = pos % v.length;
        switch (how) {
            case 0:
                v[at] ^= (byte) x;
                return v;
            case 1:
                return java.util.Arrays.copyOf(v, at);
            case 2:
                return Wire.concat(v, new byte[] {(byte) x, 0, 0});
            default:
                return Wire.concat(v, v);
        }
    }

    // RFC 23-READY-2, 23-READY-3, 23-READY-4, 23-READY-5, 23-READY-6, 23-READY-7, 23-META-2 and test-plan 5.3
    // item 4: bytes parse as metadata and re-encode identically,
    // or are refused with ZMTP_INVALID_METADATA, exactly as an independent reading of the grammar says.
    @Property
    @Label("23-READY-2..7: arbitrary bytes parse and re-encode identically, or fail with ZMTP_INVALID_METADATA")
    void arbitraryBytesParseOrFailWithInvalidMetadata(@ForAll("metadataLikeBytes") byte[] bytes) {
        boolean valid = referenceValid(bytes);
        byte[] framed = Wire.concat(new byte[] {1, 2}, bytes, new byte[] {(byte) 0xFF, 0x7F, 5});
        try {
            Metadata m = Metadata.parse(new UnsafeBuffer(framed), 2, bytes.length);
            assertTrue(valid, "parsed what the grammar refuses");
            assertArrayEquals(bytes, encode(m));
        } catch (ProtocolException e) {
            assertEquals(ProtocolError.ZMTP_INVALID_METADATA, e.error());
            assertTrue(!valid, () -> "refused valid metadata: " + e.getMessage());
        }
        Statistics.label("outcome").collect(valid ? "valid" : "invalid")
            .coverage(c -> c.check("valid").percentage(p -> p > 20.0));
    }

    /** An independent reading of the RFC 23 metadata grammar, with names unique ignoring case. */
    private static boolean referenceValid(byte[] b) {
        List<String> names = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            int n = b[pos++] & 0xFF;
            if (n == 0 || pos + n > b.length) {
                return false;
            }
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < n; i++) {
                char c = (char) (b[pos + i] & 0xFF);
                if (NAME_CHARS.indexOf(c) < 0) {
                    return false;
                }
                name.append(c);
            }
            pos += n;
            if (pos + 4 > b.length) {
                return false;
            }
            long size = ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                | (b[pos + 3] & 0xFF);
            pos += 4;
            if (size > b.length - pos) {
                return false;
            }
            pos += (int) size;
            String lower = name.toString().toLowerCase(Locale.ROOT);
            if (names.contains(lower)) {
                return false;
            }
            names.add(lower);
        }
        return true;
    }
}
