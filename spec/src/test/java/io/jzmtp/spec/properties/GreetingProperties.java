package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.greeting.GreetingExchange;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

/** The 64-octet greeting and its staged exchange (RFC 23 "The Greeting" and "Version Negotiation"). */
class GreetingProperties {

    @Provide
    Arbitrary<String> mechanisms() {
        // Printable ASCII without the space (the field is NUL-padded, so a name never contains NUL or blanks).
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Greeting> greetings() {
        return Combinators.combine(Arbitraries.integers().between(3, 255), Arbitraries.integers().between(0, 255),
            mechanisms(), Arbitraries.of(true, false)).as(Greeting::new);
    }

    // RFC 23-GREET-1, 23-GREET-2, 23-GREET-3, 23-GREET-4, 23-GREET-5, 23-GREET-6, 23-GREET-7: the layout;
    // Detecting mode (23-VER-5): jzmtp writes the padding it is given (routing-id length + 1), not zeros.
    @Property
    @Label("23-GREET-1..7: Greeting encodes to the RFC layout and parses back to the same record")
    void greetingEncodesToTheLayoutAndParsesBack(@ForAll("greetings") Greeting g, @ForAll long padding) {
        byte[] b = g.toBytes(padding);
        assertEquals(64, b.length);
        assertEquals((byte) 0xFF, b[0]);
        assertEquals(padding, new UnsafeBuffer(b).getLong(1, ByteOrder.BIG_ENDIAN));
        assertEquals(0x7F, b[9]);
        assertEquals((byte) g.major(), b[10]);
        assertEquals((byte) g.minor(), b[11]);
        byte[] mech = Arrays.copyOfRange(b, 12, 32);
        byte[] name = g.mechanism().getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(name, Arrays.copyOf(mech, name.length));
        for (int i = name.length; i < 20; i++) {
            assertEquals(0, mech[i], "mechanism NUL padding");
        }
        assertEquals(g.asServer() ? 1 : 0, b[32]);
        for (int i = 33; i < 64; i++) {
            assertEquals(0, b[i], "filler octet " + i);
        }
        byte[] framed = new byte[70];
        System.arraycopy(b, 0, framed, 3, 64);
        assertEquals(g, Greeting.parse(new UnsafeBuffer(framed), 3));
    }

    /** A peer greeting with every field the receiver does not judge chosen at random. */
    record PeerGreeting(int major, int minor, int asServer, byte[] padding, byte[] filler, int[] cuts) {
        byte[] bytes(String mechanism) {
            return Wire.greeting(mechanism, major, minor, asServer, padding, filler);
        }

        @Override
        public String toString() {
            return "PeerGreeting[" + major + "." + minor + ", as-server " + asServer + ", padding " + Hex.all(padding)
                + ", filler " + Hex.all(filler) + ", cuts " + Arrays.toString(cuts) + "]";
        }
    }

    @Provide
    Arbitrary<PeerGreeting> peerGreetings() {
        return Combinators.combine(
            Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(3, 255))),
            Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(0, 1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255))),
            Arbitraries.integers().between(0, 255), FrameArbitraries.bytesOfSize(8), FrameArbitraries.bytesOfSize(31),
            Arbitraries.integers().between(1, 63).set().ofMaxSize(10)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray()))
            .as(PeerGreeting::new);
    }

    // RFC 23-VER-3, 23-VER-9, 23-VER-10, 37-VER-1, 37-VER-2, 37-GREET-1, 23-VER-8 (padding never judged),
    // 23-TOPO-2 note (as-server never judged),
    // 23-GREET-7 note (filler never judged), 23-MECH-10 (our full greeting once the peer's major is in).
    @Property
    @Label("23-VER-3/8/9, 37-VER-2: any valid peer greeting with our mechanism is accepted; 3.0 iff 3.0")
    void anyValidPeerGreetingIsAccepted(@ForAll("mechanisms") String mechanism, @ForAll boolean asServer,
        @ForAll("peerGreetings") PeerGreeting peer) throws ProtocolException {
        GreetingExchange ex = new GreetingExchange(mechanism, asServer, 1);
        byte[] theirs = Wire.concat(peer.bytes(mechanism), new byte[] {0x55, 0x66});
        byte[] ours = new byte[64];
        int taken = ex.takeOutput(new UnsafeBuffer(ours), 0, 64);
        assertEquals(10, taken, "only the signature before the peer's first 10 octets");
        int fed = 0;
        int[] cuts = Arrays.copyOf(peer.cuts(), peer.cuts().length + 1);
        cuts[cuts.length - 1] = theirs.length;
        for (int cut : cuts) {
            int n = ex.receive(new UnsafeBuffer(Arrays.copyOfRange(theirs, fed, cut)), 0, cut - fed);
            assertEquals(Math.min(cut, 64) - fed, n, "consumes up to the 64th octet only");
            fed += n;
            int expectedReleased = fed < 10 ? 10 : fed < 11 ? 11 : 64;
            taken += ex.takeOutput(new UnsafeBuffer(ours), taken, 64 - taken);
            assertEquals(expectedReleased, taken, "our octets released after " + fed + " of the peer's");
            assertEquals(fed == 64, ex.isComplete());
            if (fed == 64) {
                break;
            }
        }
        assertTrue(ex.isComplete());
        assertArrayEquals(new Greeting(3, 1, mechanism, asServer).toBytes(1), ours);
        Greeting g = ex.peerGreeting();
        assertEquals(peer.major(), g.major());
        assertEquals(peer.minor(), g.minor());
        assertEquals(mechanism, g.mechanism());
        assertEquals(peer.asServer() == 1, g.asServer());
        assertEquals(peer.major() == 3 && peer.minor() == 0 ? ZmtpVersion.V3_0 : ZmtpVersion.V3_1, ex.version());
    }

    // RFC 23-MECH-11: a mechanism field that differs in any of its 20 octets is refused at octet 31.
    @Property
    @Label("23-MECH-11: a peer naming another mechanism is refused at octet 31, however its bytes arrive")
    void anotherMechanismIsRefusedAtOctet31(@ForAll("mechanisms") String ours,
        @ForAll("peerGreetings") PeerGreeting peer,
        @ForAll @IntRange(min = 12, max = 31) int octet, @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] theirs = peer.bytes(ours);
        theirs[octet] ^= (byte) xor;
        ProtocolException e = feedExpectingFailure(new GreetingExchange(ours, false, 1), theirs, peer.cuts());
        assertEquals(ProtocolError.ZMTP_MECHANISM_MISMATCH, e.error());
        assertEquals(31, e.offset());
    }

    // RFC 23-GREET-2, 23-GREET-3, 23-VER-4, 23-SEC-1 (forged 1.0/2.0 headers): refused at the octet that decides
    // it, and our greeting beyond what that octet unlocked is never released.
    @Property
    @Label("23-GREET-2/3, 23-SEC-1: a bad signature or a major below 3 is refused at its octet, not later")
    void legacyPeersAreRefusedAtTheDecidingOctet(@ForAll("peerGreetings") PeerGreeting peer,
        @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 0, max = 255) int value) {
        byte[] theirs = peer.bytes("NULL");
        int at;
        if (which == 0) {
            at = 0;
            theirs[0] = (byte) (value == 0xFF ? 0 : value);
        } else if (which == 1) {
            at = 9;
            theirs[9] = (byte) (value & 0xFE);
        } else {
            at = 10;
            theirs[10] = (byte) (value % 3);
        }
        GreetingExchange ex = new GreetingExchange("NULL", false, 1);
        ProtocolException e = feedExpectingFailure(ex, theirs, peer.cuts());
        assertEquals(ProtocolError.UNSUPPORTED_VERSION, e.error());
        assertEquals(at, e.offset());
        assertFalse(ex.isComplete());
        assertNull(ex.version());
        byte[] out = new byte[64];
        assertEquals(at == 10 ? 11 : 10, ex.takeOutput(new UnsafeBuffer(out), 0, 64), "octets released");
    }

    private static ProtocolException feedExpectingFailure(GreetingExchange ex, byte[] theirs, int[] cuts) {
        int fed = 0;
        int[] all = Arrays.copyOf(cuts, cuts.length + 1);
        all[all.length - 1] = theirs.length;
        try {
            for (int cut : all) {
                fed += ex.receive(new UnsafeBuffer(Arrays.copyOfRange(theirs, fed, cut)), 0, cut - fed);
            }
        } catch (ProtocolException e) {
            assertNotNull(e.error());
            return e;
        }
        return fail("the greeting was accepted");
    }
}
