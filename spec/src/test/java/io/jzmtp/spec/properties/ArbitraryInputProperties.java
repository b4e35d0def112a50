package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.AuthResult;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;
import java.util.Iterator;
import java.util.List;
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
 * Test-plan 5.3 item 3 and the house rule "bad network input must end in a typed ProtocolException": arbitrary
 * bytes never make the decoder or a connection throw anything else, never make the decoder hold more memory
 * than the frames declare (or the limit allows), and are always consumed.
 */
class ArbitraryInputProperties {

    /** A stream for the decoder, its limit, and how to cut it. */
    record DecoderInput(byte[] bytes, long maxFrameSize, Chunking chunking, int pauseEvery) {
        @Override
        public String toString() {
            return "DecoderInput[" + bytes.length + " bytes " + Hex.head(bytes) + ", max " + maxFrameSize + ", "
                + chunking + ", pause every " + pauseEvery + "]";
        }
    }

    @Provide
    Arbitrary<DecoderInput> decoderInputs() {
        Arbitrary<Long> limits = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(-1L)),
            Tuple.of(1, Arbitraries.of(0L, 1L, 255L, 256L, 65_536L, FrameDecoder.MAX_FRAME_SIZE_LIMIT)),
            Tuple.of(2, Arbitraries.longs().between(0, 70_000)));
        return Combinators.combine(StreamArbitraries.hostile(), limits, Arbitraries.integers().between(0, 2))
            .flatAs((bytes, max, pause) -> Chunking.of(bytes.length, List.of())
                .map(c -> new DecoderInput(bytes, max, c, pause)));
    }

    // RFC 23-FRAME-2, 23-FRAME-4, 23-FRAME-7, 23-FRAME-9, 23-SEC-4; test-plan 2.3 "oversized 64-bit frame length":
    // reject before allocating, and grow only with what arrived.
    @Property
    @Label("23-FRAME-2/4/9: the decoder reads arbitrary bytes as the reference does, within its memory bound")
    void decoderReadsArbitraryBytesLikeTheReference(@ForAll("decoderInputs") DecoderInput in) {
        long limit = in.maxFrameSize() < 0 ? FrameDecoder.MAX_FRAME_SIZE_LIMIT : in.maxFrameSize();
        ReferenceFrames.Reading ref = ReferenceFrames.read(in.bytes(), in.maxFrameSize(), 0);
        FrameStreams.Outcome out = FrameStreams.decode(in.bytes(), in.chunking(), in.maxFrameSize(), 0,
            in.pauseEvery(), (consumed, decoder) -> {
                long declared = 0;
                long received = 0;
                for (ReferenceFrames.Declared d : ref.declared()) {
                    if (d.after() <= consumed) {
                        declared = Math.max(declared, d.size());
                        received = Math.max(received, Math.min(d.size(), consumed - d.after()));
                    }
                }
                int capacity = decoder.gatherCapacity();
                assertTrue(capacity <= Math.max(declared, 256), "gather capacity " + capacity
                    + " exceeds max(256, largest declared size so far " + declared + ")");
                // FrameDecoder: the buffer grows as bytes arrive, so a peer that declares a huge frame and sends a
                // little costs only about what it sent (test-plan 2.3, pre-handshake memory exhaustion).
                assertTrue(capacity <= Math.max(256, 2 * received), "gather capacity " + capacity
                    + " exceeds max(256, twice the largest body received so far " + received + ")");
                assertTrue(capacity <= limit, "gather capacity " + capacity + " exceeds the limit " + limit);
                assertEquals(consumed, decoder.position(), "the decoder's position is what it consumed");
            });
        assertEquals(ref.frames(), out.frames());
        assertEquals(ref.error(), out.error());
        assertEquals(ref.errorOffset(), out.errorOffset());
        for (DecodedFrame f : out.frames()) {
            assertTrue(f.body().length <= limit, "a frame above the limit was delivered");
        }
        if (out.error() == null) {
            assertEquals(in.bytes().length, out.position(), "all input consumed");
        }
        Statistics.label("outcome").collect(out.error() == null ? "no error" : out.error().name());
    }

    /** Our side of a connection under attack. */
    enum Role {
        NULL_PEER, NULL_AUTHENTICATING, PLAIN_CLIENT, PLAIN_SERVER;

        Mechanism mechanism(SocketType type) {
            HandshakeConfig c = HandshakeConfig.of(type);
            switch (this) {
                case NULL_PEER: return new NullMechanism(c, false);
                case NULL_AUTHENTICATING: return new NullMechanism(c, true);
                case PLAIN_CLIENT: return new PlainClientMechanism(c, new byte[] {'u'}, new byte[] {'p'});
                default: return new PlainServerMechanism(c);
            }
        }

        String mechanismName() {
            return this == NULL_PEER || this == NULL_AUTHENTICATING ? "NULL" : "PLAIN";
        }
    }

    /** What is thrown at a connection. */
    record Attack(Role role, SocketType type, byte[] bytes, long maxFrameSize, Chunking chunking,
        List<Boolean> decisions) {
        @Override
        public String toString() {
            return "Attack[" + role + " " + type + ", " + bytes.length + " bytes " + Hex.head(bytes) + ", max "
                + maxFrameSize + ", " + chunking + ", accept " + decisions + "]";
        }
    }

    @Provide
    Arbitrary<Attack> attacks() {
        Arbitrary<Role> roles = Arbitraries.of(Role.class);
        Arbitrary<SocketType> types = Arbitraries.of(SocketType.class).filter(t -> !t.peers().isEmpty());
        return Combinators.combine(roles, types).flatAs((role, type) -> {
            Arbitrary<byte[]> greetingPrefixed = Combinators.combine(mutatedGreeting(role.mechanismName()),
                StreamArbitraries.hostile()).as(Wire::concat);
            // A valid handshake from the peer first, so that the soup reaches the traffic phase too.
            Arbitrary<byte[]> handshakePrefixed = Combinators.combine(mutatedGreeting(role.mechanismName()),
                Arbitraries.of(type.peers()), StreamArbitraries.hostile())
                .as((g, peer, soup) -> Wire.concat(g, handshake(role, peer), soup));
            Arbitrary<byte[]> signaturePrefixed =
                StreamArbitraries.noise().map(n -> Wire.concat(new byte[] {(byte) 0xFF}, n));
            Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(Tuple.of(4, greetingPrefixed),
                Tuple.of(4, handshakePrefixed), Tuple.of(1, StreamArbitraries.noise()),
                Tuple.of(1, signaturePrefixed));
            Arbitrary<Long> limits = Arbitraries.of(-1L, 0L, 40L, 300L, 70_000L);
            Arbitrary<List<Boolean>> answers = Arbitraries.of(true, true, false).list().ofMinSize(1).ofMaxSize(3);
            return Combinators.combine(bytes, limits, answers)
                .flatAs((b, max, decisions) -> Chunking.of(b.length, List.of(Greeting.LENGTH))
                    .map(c -> new Attack(role, type, b, max, c, decisions)));
        });
    }

    /** The commands a well-behaved peer of the given type sends to our role, after its greeting. */
    private static byte[] handshake(Role role, SocketType peer) {
        Metadata md = HandshakeConfig.of(peer).localMetadata();
        switch (role) {
            case PLAIN_SERVER:
                return Wire.concat(Wire.command(Commands.plainHello(new byte[] {'u'}, new byte[] {'p'})),
                    Wire.command(Commands.initiate(md)));
            case PLAIN_CLIENT:
                return Wire.concat(Wire.command(Commands.welcome()), Wire.command(Commands.ready(md)));
            default:
                return Wire.command(Commands.ready(md));
        }
    }

    /** A valid greeting for the mechanism, sometimes with one or two octets changed. */
    static Arbitrary<byte[]> mutatedGreeting(String mechanism) {
        Arbitrary<byte[]> valid = Combinators.combine(Arbitraries.integers().between(3, 255),
            Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
            FrameArbitraries.bytesOfSize(8), FrameArbitraries.bytesOfSize(31))
            .as((major, minor, as, pad, fill) -> Wire.greeting(mechanism, major, minor, as, pad, fill));
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 63),
            Arbitraries.integers().between(1, 255)).as((g, pos, x) -> ChunkingProperties.flip(g, pos, x));
        return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(1, mutated));
    }

    // House rule: "Bad network input must end in a typed ProtocolException (never any other exception)."
    // RFC 23-GREET-1, 23-GREET-2, 23-GREET-3, 23-MECH-11, 23-FRAME-2, 23-FRAME-9, 23-CMD-2, 24-FLOW-8: whatever
    // the peer sends.
    @Property
    @Label("23-GREET/FRAME/CMD, 24-FLOW-8: a connection fed arbitrary bytes fails only with a ProtocolException")
    void connectionsFailOnlyWithProtocolExceptions(@ForAll("attacks") Attack a) {
        ZmtpConnection conn = new ZmtpConnection(a.role().mechanism(a.type()), a.maxFrameSize(), 1);
        Iterator<Boolean> decisions = a.decisions().iterator();
        ConnectionFeeder.Result r = ConnectionFeeder.feed(conn, a.bytes(), a.chunking(), 0,
            () -> decisions.hasNext() && !decisions.next() ? AuthResult.refuse("no") : AuthResult.accept("u"));
        assertEquals(List.of(), r.violations());
        if (r.error() == null) {
            assertEquals(a.bytes().length, r.consumed(), "all input consumed when nothing failed");
        } else if (r.error() == ProtocolError.AUTHENTICATION_FAILED) {
            assertEquals("400", r.errorReply());
        } else {
            assertTrue(r.errorOffset() >= 0 && r.errorOffset() < a.bytes().length,
                () -> r.error() + " reported at offset " + r.errorOffset() + " outside the input");
        }
        Statistics.label("outcome").collect(r.error() != null ? r.error().name() : r.ready() ? "ready" : "waiting");
    }
}
