package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jzmtp.core.SocketType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The socket type table: ids, wire names and the compatibility matrix (RFC 23 23-STYPE-*, RFC 37 37-STYPE-*). */
class SocketTypeProperties {

    // RFC 23 "Socket Compatibility" and 37-STYPE-2: the matrix is symmetric. All 441 pairs are checked.
    @Property(generation = GenerationMode.EXHAUSTIVE)
    @Label("23-STYPE-2, 37-STYPE-2: isCompatibleWith is symmetric for every pair")
    void compatibilityIsSymmetric(@ForAll SocketType a, @ForAll SocketType b) {
        assertEquals(a.isCompatibleWith(b), b.isCompatibleWith(a), a + " / " + b);
        assertEquals(a.isCompatibleWith(b), a.peers().contains(b));
    }

    // 23-STYPE-1, 37-STYPE-1: each type's libzmq id and wire name look it up again.
    @Property(generation = GenerationMode.EXHAUSTIVE)
    @Label("23-STYPE-1, 37-STYPE-1: fromId and fromWireName invert id() and wireName()")
    void idsAndNamesRoundTrip(@ForAll SocketType t) {
        assertSame(t, SocketType.fromId(t.id()));
        assertSame(t, SocketType.fromWireName(t.wireName()));
        byte[] framed = ("xx" + t.wireName() + "yy").getBytes(StandardCharsets.US_ASCII);
        assertSame(t, SocketType.fromWireName(framed, 2, t.wireName().length()));
        assertEquals(t.wireName(), new String(t.wireNameBytes(), StandardCharsets.US_ASCII));
    }

    @Property
    @Label("fromId refuses ids outside 0..20")
    void fromIdRefusesUnknownIds(@ForAll @IntRange(min = -1000, max = 1000) int id) {
        if (id >= 0 && id < SocketType.values().length) {
            assertEquals(id, SocketType.fromId(id).id());
        } else {
            assertThrows(IllegalArgumentException.class, () -> SocketType.fromId(id));
        }
    }

    @Provide
    Arbitrary<String> candidateNames() {
        Arbitrary<String> names = Arbitraries.of(SocketType.class).map(SocketType::wireName);
        return Arbitraries.frequencyOf(Tuple.of(2, names),
            Tuple.of(1, names.map(n -> n.toLowerCase(Locale.ROOT))),
            Tuple.of(1, names.map(n -> n.substring(0, n.length() - 1))),
            Tuple.of(2, Arbitraries.strings().alpha().ofMaxLength(8)));
    }

    // CONFORMANCE 1.12 note: libzmq compares Socket-Type case-sensitively, and so does jzmtp.
    @Property
    @Label("23-STYPE-1: fromWireName knows exactly the upper-case names")
    void fromWireNameKnowsExactlyTheNames(@ForAll("candidateNames") String name) {
        SocketType expected = null;
        for (SocketType t : SocketType.values()) {
            if (t.name().equals(name)) {
                expected = t;
            }
        }
        assertEquals(expected, SocketType.fromWireName(name));
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, SocketType.fromWireName(b, 0, b.length));
    }
}
