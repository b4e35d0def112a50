package io.jzmtp.spec.properties;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.frame.FrameFlags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What a NULL peer sends to one of our NULL connections: greeting, READY, then traffic; and what our side
 * should hand its handler for that traffic.
 *
 * @param ourType our socket type (compatible with the peer's)
 * @param authenticate whether our side asks authentication
 * @param bytes the peer's stream
 * @param readyEnd the stream offset just after the peer's READY
 * @param events the handler calls the traffic should produce, as {@link Recorder} writes them
 */
record PeerScript(SocketType ourType, boolean authenticate, byte[] bytes, int readyEnd, List<String> events) {

    @Override
    public String toString() {
        return "PeerScript[our " + ourType + ", authenticate=" + authenticate + ", " + bytes.length
            + " bytes, READY ends at " + readyEnd + ", events=" + events + "]";
    }

    /** One traffic item: its bytes and the event it should produce (null for none). */
    record Item(byte[] bytes, String event) {
    }

    static Arbitrary<PeerScript> scripts() {
        Arbitrary<SocketType[]> pair = Arbitraries.of(SocketType.class)
            .filter(t -> !t.peers().isEmpty())
            .flatMap(t -> Arbitraries.of(t.peers()).map(p -> new SocketType[] {t, p}));
        Arbitrary<byte[]> greeting = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(3)),
                Tuple.of(1, Arbitraries.integers().between(3, 255))),
            Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(0, 1)),
                Tuple.of(1, Arbitraries.integers().between(0, 255))),
            Arbitraries.integers().between(0, 255),
            FrameArbitraries.bytesOfSize(8),
            FrameArbitraries.bytesOfSize(31))
            .as((major, minor, asServer, padding, filler) ->
                Wire.greeting("NULL", major, minor, asServer, padding, filler));
        Arbitrary<List<Item>> traffic = items().list().ofMaxSize(8);
        Arbitrary<List<byte[]>> appValues =
            Arbitraries.integers().between(0, 400).flatMap(FrameArbitraries::bytesOfSize).list().ofMaxSize(2);
        return Combinators.combine(pair, Arbitraries.of(true, false), greeting, appValues, traffic)
            .as((types, auth, g, values, items) -> build(types[0], types[1], auth, g, values, items));
    }

    private static PeerScript build(SocketType ours, SocketType peer, boolean auth, byte[] greeting,
        List<byte[]> appValues, List<Item> items) {
        Metadata.Builder md = Metadata.builder().put(Metadata.SOCKET_TYPE, peer.wireName());
        if (peer.sendsIdentity()) {
            md.put(Metadata.IDENTITY, "peer-id".getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < appValues.size(); i++) {
            md.put("X-App-" + i, appValues.get(i));
        }
        byte[] ready = Wire.command(Commands.ready(md.build()));
        List<byte[]> parts = new ArrayList<>();
        parts.add(greeting);
        parts.add(ready);
        List<String> events = new ArrayList<>();
        for (Item it : items) {
            parts.add(it.bytes());
            if (it.event() != null) {
                events.add(it.event());
            }
        }
        return new PeerScript(ours, auth, Wire.concat(parts.toArray(new byte[0][])), greeting.length + ready.length,
            events);
    }

    static Arbitrary<Item> items() {
        Arbitrary<Item> message = Combinators.combine(Arbitraries.of(true, false), FrameArbitraries.bodies(false))
            .as((more, body) -> new Item(Wire.frame(more ? FrameFlags.MORE : 0, body),
                "MSG" + (more ? "+ " : " ") + Hex.all(body)));
        Arbitrary<Item> ping = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as((ttl, ctx) -> {
                byte[] f = new byte[Commands.pingFrameLength(ctx.length)];
                Commands.writePing(new UnsafeBuffer(f), 0, ttl, new UnsafeBuffer(ctx), 0, ctx.length);
                return new Item(f, "PING " + ttl + " " + Hex.all(ctx));
            });
        Arbitrary<Item> pong = Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(ctx -> {
            byte[] f = new byte[7 + ctx.length];
            Commands.writePong(new UnsafeBuffer(f), 0, new UnsafeBuffer(ctx), 0, ctx.length);
            return new Item(f, "PONG " + Hex.all(ctx));
        });
        Arbitrary<Item> subscription = Combinators.combine(Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 300).flatMap(FrameArbitraries::bytesOfSize)).as((sub, topic) -> {
                byte[] f = new byte[Commands.subscriptionFrameLength(topic.length, sub)];
                Commands.writeSubscription(new UnsafeBuffer(f), 0, sub, new UnsafeBuffer(topic), 0, topic.length);
                return new Item(f, (sub ? "SUBSCRIBE " : "CANCEL ") + Hex.all(topic));
            });
        // RFC 23-CMD-3: unknown commands after the handshake are carried through and ignored.
        Arbitrary<Item> unknown = Combinators.combine(
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)
                .filter(n -> !isKnown(n)),
            FrameArbitraries.bodies(false))
            .as((name, data) -> new Item(Wire.command(Commands.body(name.getBytes(StandardCharsets.US_ASCII), data)),
                null));
        return Arbitraries.frequencyOf(Tuple.of(6, message), Tuple.of(2, ping), Tuple.of(2, pong),
            Tuple.of(2, subscription), Tuple.of(1, unknown));
    }

    private static boolean isKnown(String name) {
        for (byte[] n : new byte[][] {CommandNames.READY, CommandNames.ERROR, CommandNames.SUBSCRIBE,
            CommandNames.CANCEL, CommandNames.PING, CommandNames.PONG, CommandNames.HELLO, CommandNames.WELCOME,
            CommandNames.INITIATE}) {
            if (name.equals(new String(n, StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
