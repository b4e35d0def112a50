package io.jzmtp.spec.catalogue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.connection.ZmtpConnection.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the cases of one area with a compact notation. Test code only. */
final class Cases {
    /** Where the offending byte sits, resolved against the finished wire. */
    @FunctionalInterface
    interface Offset {
        long resolve(WireBuilder wire);
    }

    /** No single byte is at fault (for example a refusal by authentication). */
    static final Offset NO_OFFSET = w -> -1;

    private final Area area;
    private final List<MalformedCase> cases = new ArrayList<>();

    Cases(Area area) {
        this.area = area;
    }

    /** @return an absolute stream offset. */
    static Offset at(long offset) {
        return w -> offset;
    }

    /** @return the marked position plus {@code delta}. */
    static Offset mark(int delta) {
        return w -> w.marked() + delta;
    }

    /** The flags octet of the marked frame. */
    static Offset atMark() {
        return mark(0);
    }

    /** The last octet of the marked frame's 1-octet size. */
    static Offset shortSizeOfMark() {
        return mark(1);
    }

    /** The last octet of the marked frame's 8-octet size. */
    static Offset longSizeOfMark() {
        return mark(8);
    }

    /** The peer is refused without an ERROR reply. */
    Cases fails(String name, String rfc, LocalSide local, WireBuilder wire, ProtocolError error, Offset offset) {
        return add(name, rfc, local, wire, new Expectation.Fails(error, offset.resolve(wire), null, -1));
    }

    /** The peer is refused, and an ERROR with {@code reply} goes out first. */
    Cases failsWithReply(String name, String rfc, LocalSide local, WireBuilder wire, ProtocolError error,
        Offset offset, String reply) {
        return add(name, rfc, local, wire, new Expectation.Fails(error, offset.resolve(wire), reply, -1));
    }

    /** The peer is refused before it saw more than {@code maxOutput} of our bytes. */
    Cases failsHavingSentAtMost(String name, String rfc, LocalSide local, WireBuilder wire, ProtocolError error,
        Offset offset, int maxOutput) {
        return add(name, rfc, local, wire, new Expectation.Fails(error, offset.resolve(wire), null, maxOutput));
    }

    /** The handshake completes and the handler receives exactly {@code events}. */
    Cases tolerates(String name, String rfc, LocalSide local, WireBuilder wire, String... events) {
        return tolerates(name, rfc, local, wire, List.of(events), null);
    }

    /** The handshake completes with the given revision, and the handler receives exactly {@code events}. */
    Cases tolerates(String name, String rfc, LocalSide local, WireBuilder wire, List<String> events,
        ZmtpVersion version) {
        return add(name, rfc, local, wire, new Expectation.Tolerates(Phase.TRAFFIC, events, version));
    }

    /** No error and no progress past {@code phase}: the input is incomplete, not wrong. */
    Cases waits(String name, String rfc, LocalSide local, WireBuilder wire, Phase phase) {
        return add(name, rfc, local, wire, new Expectation.Tolerates(phase, List.of(), null));
    }

    private Cases add(String name, String rfc, LocalSide local, WireBuilder wire, Expectation e) {
        cases.add(new MalformedCase(area, name, rfc, local, wire.bytes(), e));
        return this;
    }

    List<MalformedCase> list() {
        return Collections.unmodifiableList(cases);
    }
}
