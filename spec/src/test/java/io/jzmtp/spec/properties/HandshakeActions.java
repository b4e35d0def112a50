package io.jzmtp.spec.properties;

import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;
import org.agrona.concurrent.UnsafeBuffer;

/** The actions of the handshake model chains; "C->S" is client to server. */
final class HandshakeActions {
    private HandshakeActions() {
    }

    private static String dir(boolean toServer) {
        return toServer ? "C->S" : "S->C";
    }

    /** Deliver 1..all pending bytes in one direction. */
    static Action.Dependent<HandshakeWorld> deliver(boolean toServer) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(HandshakeWorld w) {
                return w.undelivered(toServer) > 0;
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                int max = w.undelivered(toServer);
                return Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.integers().between(1, Math.min(max, 3))),
                    Tuple.of(3, Arbitraries.integers().between(1, max)),
                    Tuple.of(2, Arbitraries.just(max)))
                    .map(k -> Transformer.mutate("deliver " + k + " " + dir(toServer), s -> s.deliver(toServer, k)));
            }
        };
    }

    /** Answer the server's pending authentication request with the chain's verdict. */
    static Action.Independent<HandshakeWorld> answer() {
        return Action.<HandshakeWorld>when(w -> w.server.failure == null && w.server.conn.authRequest() != null)
            .describeAs("answer")
            .justMutate(w -> w.answer(w.cfg.verdict()));
    }

    /** A ready side sends traffic. */
    static Action.Dependent<HandshakeWorld> send(boolean toServer) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(HandshakeWorld w) {
                HandshakeWorld.Side x = w.senderOf(toServer);
                return x.failure == null && x.conn.isReady();
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                return TrafficItem.items().list().ofMinSize(1).ofMaxSize(3)
                    .map(items -> Transformer.mutate("send " + items + " " + dir(toServer),
                        s -> s.send(toServer, items)));
            }
        };
    }

    private abstract static class Fault implements Action.Dependent<HandshakeWorld> {
        final boolean toServer;

        Fault(boolean toServer) {
            this.toServer = toServer;
        }

        abstract List<Integer> candidates(HandshakeWorld w);

        @Override
        public boolean precondition(HandshakeWorld w) {
            return w.faults < w.cfg.faultBudget() && !candidates(w).isEmpty();
        }
    }

    /** Change one undelivered greeting octet (any octet: the model judges them all). */
    static Action.Dependent<HandshakeWorld> corruptGreeting(boolean toServer) {
        return new Fault(toServer) {
            @Override
            List<Integer> candidates(HandshakeWorld w) {
                WireStream s = w.stream(toServer);
                List<Integer> out = new ArrayList<>();
                for (int i = s.delivered; i < Math.min(s.length(), Greeting.LENGTH); i++) {
                    out.add(i);
                }
                return out;
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                return Combinators.combine(Arbitraries.of(candidates(w)), Arbitraries.integers().between(1, 255))
                    .as((at, x) -> Transformer.mutate("xor greeting octet " + at + " with " + x + " " + dir(toServer),
                        s -> s.xor(toServer, at, x, true)));
            }
        };
    }

    /** Rewrite the MORE/COMMAND/reserved bits of an undelivered frame's flags (the LONG bit is kept). */
    static Action.Dependent<HandshakeWorld> rewriteFlags(boolean toServer) {
        return new Fault(toServer) {
            @Override
            List<Integer> candidates(HandshakeWorld w) {
                WireStream s = w.stream(toServer);
                List<Integer> out = new ArrayList<>();
                for (WireStream.Segment seg : s.segments()) {
                    if (seg.start() >= s.delivered) {
                        out.add(seg.start());
                    }
                }
                return out;
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                Arbitrary<Integer> flags = Combinators.combine(Arbitraries.of(0, 1, 4, 5),
                    Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.integers().between(1, 31)))).as((f, r) -> f | r << 3);
                return Combinators.combine(Arbitraries.of(candidates(w)), flags)
                    .as((at, f) -> Transformer.mutate("flags at " + at + " := " + Integer.toHexString(f)
                        + " (LONG kept) "
                        + dir(toServer), s -> s.setFlags(toServer, at, f)));
            }
        };
    }

    /** Change one octet of an undelivered command name (or its length octet). */
    static Action.Dependent<HandshakeWorld> corruptName(boolean toServer) {
        return new Fault(toServer) {
            @Override
            List<Integer> candidates(HandshakeWorld w) {
                WireStream s = w.stream(toServer);
                byte[] b = s.bytes();
                List<Integer> out = new ArrayList<>();
                for (WireStream.Segment seg : s.segments()) {
                    int bodyStart = seg.start() + WireStream.headerLength(b[seg.start()]);
                    if ((b[seg.start()] & FrameFlags.COMMAND) == 0 || bodyStart >= seg.end()) {
                        continue;
                    }
                    int nameEnd = Math.min(seg.end() - 1, bodyStart + (b[bodyStart] & 0xFF));
                    for (int i = Math.max(bodyStart, s.delivered); i <= nameEnd; i++) {
                        out.add(i);
                    }
                }
                return out;
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                return Combinators.combine(Arbitraries.of(candidates(w)), Arbitraries.integers().between(1, 255))
                    .as((at, x) -> Transformer.mutate("xor name octet " + at + " with " + x + " " + dir(toServer),
                        s -> s.xor(toServer, at, x, true)));
            }
        };
    }

    /** Change any undelivered octet after the greeting: the model only knows the receiver may fail from there. */
    static Action.Dependent<HandshakeWorld> corruptAnywhere(boolean toServer) {
        return new Fault(toServer) {
            @Override
            List<Integer> candidates(HandshakeWorld w) {
                WireStream s = w.stream(toServer);
                int from = Math.max(s.delivered, Greeting.LENGTH);
                return from < s.length() ? List.of(from, s.length() - 1) : List.of();
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                List<Integer> range = candidates(w);
                return Combinators.combine(Arbitraries.integers().between(range.get(0), range.get(1)),
                    Arbitraries.integers().between(1, 255))
                    .as((at, x) -> Transformer.mutate("xor octet " + at + " with " + x + " " + dir(toServer),
                        s -> s.xor(toServer, at, x, false)));
            }
        };
    }

    /** Insert a foreign frame at an undelivered frame boundary. */
    static Action.Dependent<HandshakeWorld> inject(boolean toServer) {
        return new Fault(toServer) {
            @Override
            List<Integer> candidates(HandshakeWorld w) {
                return w.stream(toServer).boundaries();
            }

            @Override
            public Arbitrary<Transformer<HandshakeWorld>> transformer(HandshakeWorld w) {
                return Combinators.combine(Arbitraries.of(candidates(w)), foreignFrames())
                    .as((at, f) -> Transformer.mutate("inject " + Hex.head(f) + " (" + f.length + " bytes) at " + at
                        + " " + dir(toServer), s -> s.inject(toServer, at, f)));
            }
        };
    }

    /** Whole frames a misbehaving or foreign peer might send. */
    static Arbitrary<byte[]> foreignFrames() {
        Arbitrary<byte[]> traffic = PeerScript.items().map(PeerScript.Item::bytes);
        Arbitrary<byte[]> anyFrame = FrameArbitraries.frames(false).map(f -> Wire.frame(f.flags(), f.body()));
        Arbitrary<byte[]> badPing = FrameArbitraries.bytesOfSizeUpTo(24).filter(d -> d.length < 2 || d.length > 18)
            .map(d -> Wire.command(Commands.body(CommandNames.PING, d)));
        Arbitrary<byte[]> badPong = Arbitraries.integers().between(17, 30).flatMap(FrameArbitraries::bytesOfSize)
            .map(d -> Wire.command(Commands.body(CommandNames.PONG, d)));
        Arbitrary<byte[]> errors = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)
                .map(r -> Wire.command(Commands.error(r)))),
            Tuple.of(1, FrameArbitraries.bytesOfSizeUpTo(10)
                .map(d -> Wire.command(Commands.body(CommandNames.ERROR, d)))));
        Arbitrary<byte[]> plainish = Combinators.combine(Arbitraries.of(CommandNames.HELLO, CommandNames.WELCOME),
            FrameArbitraries.bytesOfSizeUpTo(6)).as((n, d) -> Wire.command(Commands.body(n, d)));
        Arbitrary<byte[]> malformedNames = Arbitraries.of(new byte[] {4, 0}, new byte[] {4, 1, 0},
            new byte[] {4, 3, 5, 'R', 'E'}, new byte[] {4, 3, 2, 'A', '1'}, new byte[] {4, 2, 1, '_'});
        Arbitrary<byte[]> longSmall = FrameArbitraries.frames(false).filter(f -> f.body().length < 256).map(f -> {
            byte[] out = new byte[9 + f.body().length];
            UnsafeBuffer b = new UnsafeBuffer(out);
            b.putByte(0, (byte) (f.flags() | FrameFlags.LONG));
            b.putLong(1, f.body().length, ByteOrder.BIG_ENDIAN);
            b.putBytes(9, f.body());
            return out;
        });
        Arbitrary<byte[]> commandMore = FrameArbitraries.bytesOfSizeUpTo(20).map(d -> {
            byte[] f = Wire.command(d);
            f[0] |= FrameFlags.MORE;
            return f;
        });
        Arbitrary<byte[]> unknown = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
            .ofMaxLength(8), FrameArbitraries.bytesOfSizeUpTo(20))
            .as((n, d) -> Wire.command(Commands.body(n.getBytes(StandardCharsets.US_ASCII), d)));
        return Arbitraries.frequencyOf(Tuple.of(4, traffic), Tuple.of(3, anyFrame), Tuple.of(1, badPing),
            Tuple.of(1, badPong), Tuple.of(2, errors), Tuple.of(1, plainish), Tuple.of(1, malformedNames),
            Tuple.of(1, longSmall), Tuple.of(1, commandMore), Tuple.of(1, unknown));
    }
}
