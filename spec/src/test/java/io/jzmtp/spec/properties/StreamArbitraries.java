package io.jzmtp.spec.properties;

import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.frame.FrameFlags;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Hostile byte streams: pure noise, long noise runs, and "soups" of valid frames, plausible commands, headers
 * that declare huge or limit-sized bodies, reserved bits, long forms of small frames and junk, so that a decoder
 * or connection is driven deep, not just refused at the first octet.
 */
final class StreamArbitraries {
    private StreamArbitraries() {
    }

    /** @return noise of 0..2000 bytes, rarely 20000..100000 */
    static Arbitrary<byte[]> noise() {
        return Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.integers().between(0, 2000)),
            Tuple.of(1, Arbitraries.integers().between(20_000, 100_000)))
            .flatMap(FrameArbitraries::bytesOfSize);
    }

    /** @return streams of 0..24 soup pieces, or noise */
    static Arbitrary<byte[]> hostile() {
        Arbitrary<byte[]> soup = piece().list().ofMaxSize(24).map(StreamArbitraries::join);
        return Arbitraries.frequencyOf(Tuple.of(3, soup), Tuple.of(1, noise()));
    }

    private static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** @return one piece of soup */
    static Arbitrary<byte[]> piece() {
        Arbitrary<byte[]> valid = FrameArbitraries.frames(false).map(f -> Wire.frame(f.flags(), f.body()));
        Arbitrary<byte[]> junk = Arbitraries.integers().between(1, 40).flatMap(FrameArbitraries::bytesOfSize);
        Arbitrary<byte[]> declaresMuch = Combinators.combine(Arbitraries.of(0, 1, 4, 5, 0xF8),
            Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE)),
                Tuple.of(2, Arbitraries.longs().between(60_000, 70_000)),
                Tuple.of(1, Arbitraries.longs().between(Integer.MAX_VALUE - 10L, Integer.MAX_VALUE + 10L)),
                Tuple.of(1, Arbitraries.longs().between(Long.MIN_VALUE, -1))),
            Arbitraries.integers().between(0, 300)).as((flags, size, partial) -> {
                byte[] h = new byte[9 + partial];
                UnsafeBuffer b = new UnsafeBuffer(h);
                b.putByte(0, (byte) (flags | FrameFlags.LONG));
                b.putLong(1, size, ByteOrder.BIG_ENDIAN);
                byte[] body = new byte[partial];
                new SplittableRandom(size).nextBytes(body);
                b.putBytes(9, body);
                return h;
            });
        Arbitrary<byte[]> longSmall = FrameArbitraries.frames(false).filter(f -> f.body().length <= 255).map(f -> {
            byte[] h = new byte[9 + f.body().length];
            UnsafeBuffer b = new UnsafeBuffer(h);
            b.putByte(0, (byte) (f.flags() | FrameFlags.LONG));
            b.putLong(1, f.body().length, ByteOrder.BIG_ENDIAN);
            b.putBytes(9, f.body());
            return h;
        });
        Arbitrary<byte[]> reserved = Combinators.combine(FrameArbitraries.frames(false),
            Arbitraries.integers().between(1, 31)).as((f, r) -> {
                byte[] w = Wire.frame(f.flags(), f.body());
                w[0] |= (byte) (r << 3);
                return w;
            });
        return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(5, commands()), Tuple.of(2, junk),
            Tuple.of(2, declaresMuch), Tuple.of(1, longSmall), Tuple.of(1, reserved));
    }

    /** @return command frames with known and unknown names and plausible or random data */
    static Arbitrary<byte[]> commands() {
        Arbitrary<byte[]> names = Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.of(CommandNames.READY, CommandNames.ERROR, CommandNames.SUBSCRIBE,
                CommandNames.CANCEL, CommandNames.PING, CommandNames.PONG, CommandNames.HELLO, CommandNames.WELCOME,
                CommandNames.INITIATE, CommandNames.MESSAGE)),
            Tuple.of(1, Arbitraries.strings().withCharRange('A', 'z').ofMinLength(0).ofMaxLength(12)
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))));
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 40).flatMap(FrameArbitraries::bytesOfSize)),
            Tuple.of(3, metadata()),
            Tuple.of(1, Arbitraries.integers().between(0, 300).flatMap(FrameArbitraries::bytesOfSize)),
            Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255))
                .as((u, p) -> {
                    byte[] hello = Commands.plainHello(new byte[u], new byte[p]);
                    return java.util.Arrays.copyOfRange(hello, 6, hello.length);
                })));
        return Combinators.combine(names, data).as((n, d) -> Wire.command(Commands.body(n, d)));
    }

    /** @return encoded metadata: valid (with a Socket-Type, maybe of any type), or mutated */
    static Arbitrary<byte[]> metadata() {
        Arbitrary<byte[]> valid = Combinators.combine(
            Arbitraries.of(io.jzmtp.core.SocketType.class).map(io.jzmtp.core.SocketType::wireName),
            Arbitraries.of("Socket-Type", "socket-type", "Identity", "X-a"),
            Arbitraries.integers().between(0, 300).flatMap(FrameArbitraries::bytesOfSize))
            .as((type, other, value) -> {
                Metadata.Builder m = Metadata.builder().put("Socket-Type", type);
                if (!other.equalsIgnoreCase("Socket-Type")) {
                    m.put(other, value);
                }
                Metadata md = m.build();
                byte[] out = new byte[md.encodedLength()];
                md.encode(new UnsafeBuffer(out), 0);
                return out;
            });
        return Arbitraries.frequencyOf(Tuple.of(3, valid),
            Tuple.of(1, Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(1, 255)).as((v, pos, x) -> {
                    if (v.length > 0) {
                        v[pos % v.length] ^= x.byteValue();
                    }
                    return v;
                })));
    }
}
