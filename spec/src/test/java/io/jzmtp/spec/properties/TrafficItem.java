package io.jzmtp.spec.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Application traffic a ready side sends: a message frame, a PING, or a subscription change.
 *
 * @param kind what it is
 * @param body the body, context or topic
 * @param more for messages, the MORE flag
 * @param ttl for PINGs, the TTL
 */
record TrafficItem(Kind kind, byte[] body, boolean more, int ttl) {
    /** The kinds of traffic. */
    enum Kind { MESSAGE, PING, SUBSCRIBE, CANCEL }

    @Override
    public String toString() {
        return kind + (kind == Kind.MESSAGE && more ? "+" : "") + "(" + body.length + " bytes)";
    }

    static Arbitrary<TrafficItem> items() {
        Arbitrary<TrafficItem> message =
            Combinators.combine(FrameArbitraries.bodies(false), Arbitraries.of(true, false))
            .as((b, more) -> new TrafficItem(Kind.MESSAGE, b, more, 0));
        Arbitrary<TrafficItem> ping = Combinators.combine(FrameArbitraries.bytesOfSizeUpTo(16),
            Arbitraries.integers().between(0, 0xFFFF)).as((c, ttl) -> new TrafficItem(Kind.PING, c, false, ttl));
        Arbitrary<TrafficItem> sub = Combinators.combine(Arbitraries.of(Kind.SUBSCRIBE, Kind.CANCEL),
            FrameArbitraries.bytesOfSizeUpTo(300)).as((k, t) -> new TrafficItem(k, t, false, 0));
        return Arbitraries.frequencyOf(Tuple.of(5, message), Tuple.of(1, ping), Tuple.of(2, sub));
    }
}
