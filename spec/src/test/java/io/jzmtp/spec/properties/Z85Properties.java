package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.Z85;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Z85 (RFC 32), the text form of CURVE keys; test-plan 5.3 item 5 and 5.2 "Z85 length not a multiple of 5". */
class Z85Properties {
    private static final String ALPHABET =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    @Provide
    Arbitrary<byte[]> wholeWords() {
        return Arbitraries.integers().between(0, 100).flatMap(n -> FrameArbitraries.bytesOfSize(4 * n));
    }

    // RFC 32: 4 bytes become 5 characters; decoding inverts encoding.
    @Property
    @Label("RFC 32: decode(encode(b)) == b for lengths that are multiples of 4 (0..400)")
    void encodeThenDecodeIsIdentity(@ForAll("wholeWords") byte[] data) {
        String text = Z85.encode(data);
        assertEquals(data.length / 4 * 5, text.length());
        for (char c : text.toCharArray()) {
            assertTrue(ALPHABET.indexOf(c) >= 0, "character outside the alphabet: " + c);
        }
        assertArrayEquals(data, Z85.decode(text));
    }

    // RFC 32: "The binary frame SHALL have a length that is divisible by 4 with no remainder."
    @Property
    @Label("RFC 32: encode refuses lengths that are not multiples of 4")
    void encodeRefusesPartialWords(@ForAll @Size(max = 403) byte[] data) {
        if (data.length % 4 == 0) {
            assertEquals(data.length / 4 * 5, Z85.encode(data).length());
        } else {
            assertThrows(IllegalArgumentException.class, () -> Z85.encode(data));
        }
    }

    @Provide
    Arbitrary<String> z85LikeText() {
        Arbitrary<Character> inAlphabet = Arbitraries.of(ALPHABET.toCharArray());
        Arbitrary<Character> anyChar = Arbitraries.chars();
        Arbitrary<Character> mostlyAlphabet = Arbitraries.frequencyOf(Tuple.of(60, inAlphabet),
            Tuple.of(1, anyChar), Tuple.of(1, Arbitraries.of(' ', '"', '\'', ',', ';', '\\', '_', '`', '|', '~',
                (char) 0, (char) 127, (char) 128, (char) 0xFF, '\u20AC')));
        return Arbitraries.frequencyOf(
            Tuple.of(4, mostlyAlphabet.list().ofMaxSize(60).map(Z85Properties::join)),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(30)),
            Tuple.of(2, Arbitraries.of("%%%%%", "#####", "%nSc1", "%nSc0", "&&&&&", "00000", "vqVs}")));
    }

    private static String join(java.util.List<Character> cs) {
        StringBuilder b = new StringBuilder();
        cs.forEach(b::append);
        return b.toString();
    }

    // RFC 32: length a multiple of 5, every character in the alphabet, every group at most 2^32 - 1; otherwise
    // IllegalArgumentException and never another exception. A decodable text is canonical: it re-encodes to itself.
    @Property
    @Label("RFC 32: decode accepts exactly the valid texts (re-encoding to themselves), else IllegalArgumentException")
    void decodeJudgesTextExactly(@ForAll("z85LikeText") String text) {
        boolean valid = text.length() % 5 == 0;
        for (int i = 0; valid && i < text.length(); i += 5) {
            long v = 0;
            for (int d = 0; d < 5; d++) {
                int digit = ALPHABET.indexOf(text.charAt(i + d));
                if (digit < 0) {
                    valid = false;
                    break;
                }
                v = v * 85 + digit;
            }
            valid = valid && v <= 0xFFFF_FFFFL;
        }
        if (valid) {
            byte[] bytes = Z85.decode(text);
            assertEquals(text.length() / 5 * 4, bytes.length);
            assertEquals(text, Z85.encode(bytes));
        } else {
            assertThrows(IllegalArgumentException.class, () -> Z85.decode(text));
        }
        Statistics.label("outcome").collect(valid ? "valid" : "invalid")
            .coverage(c -> c.check("valid").percentage(p -> p > 15.0));
    }

    // RFC 32 test vector.
    @Example
    @Label("RFC 32: 86 4F D2 6F B5 59 F7 5B <-> HelloWorld")
    void rfc32TestVector() {
        byte[] bytes = {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B};
        assertEquals("HelloWorld", Z85.encode(bytes));
        assertArrayEquals(bytes, Z85.decode("HelloWorld"));
    }
}
