package io.jzmtp.spec.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jzmtp.core.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the malformed-input catalogue (test-plan §5.2) through {@link io.jzmtp.core.connection.ZmtpConnection}:
 * each case must end in a {@link ProtocolException} with exactly the expected reason, offset and ERROR reply, or,
 * for the inputs a receiver must tolerate, be accepted; nothing else may ever escape. Each case runs twice: with
 * the whole input at once, and one byte at a time (RFC 23 framing may split anywhere: the same stream must give
 * the same outcome at the same offset).
 */
@Timeout(120)
class MalformedInputCatalogueTest {
    /** The catalogue may grow, never shrink below this. */
    private static final int MINIMUM_CASES = 80;

    @TestFactory
    @DisplayName("catalogue, whole input in one call")
    Stream<DynamicNode> wholeInput() {
        return byArea(c -> dynamicTest(c.displayName(), () -> check(c, CaseRunner.run(c, Integer.MAX_VALUE))));
    }

    @TestFactory
    @DisplayName("catalogue, one byte per call (same outcome, same offset)")
    Stream<DynamicNode> oneBytePerCall() {
        return byArea(c -> dynamicTest(c.displayName(), () -> {
            CaseRunner.Outcome whole = CaseRunner.run(c, Integer.MAX_VALUE);
            CaseRunner.Outcome dribbled = CaseRunner.run(c, 1);
            check(c, dribbled);
            assertSameOutcome(whole, dribbled);
        }));
    }

    private static Stream<DynamicNode> byArea(Function<MalformedCase, DynamicNode> test) {
        return Arrays.stream(Area.values()).map(area -> dynamicContainer(area.label(),
            Catalogue.all().stream().filter(c -> c.area() == area).map(test)));
    }

    /** Asserts one outcome against the case's expectation. */
    static void check(MalformedCase c, CaseRunner.Outcome o) {
        if (o.escaped() != null) {
            // Bad network input must end in a typed ProtocolException, never any other throwable.
            fail("a " + o.escaped().getClass().getName() + " escaped the codec instead of a ProtocolException",
                o.escaped());
        }
        if (c.expectation() instanceof Expectation.Fails f) {
            ProtocolException e = o.refusal();
            assertNotNull(e, () -> "expected " + f.error() + " but the input was " + o.summary());
            assertEquals(f.error(), e.error(), () -> "reason; got " + o.summary());
            assertEquals(f.offset(), e.offset(), () -> "offset of the offending byte; got " + o.summary());
            assertEquals(f.errorReply(), e.errorReply(), () -> "ERROR reply; got " + o.summary());
            if (f.maxOutput() >= 0) {
                assertTrue(o.output() <= f.maxOutput(), () -> "released " + o.output() + " bytes to the peer, at"
                    + " most " + f.maxOutput() + " allowed before refusing it");
            }
        } else if (c.expectation() instanceof Expectation.Tolerates t) {
            if (o.refusal() != null) {
                fail("must tolerate this input, but it was " + o.summary());
            }
            assertEquals(t.phase(), o.connection().phase(), "phase");
            assertEquals(c.wire().length, o.consumed(), "bytes consumed");
            assertEquals(t.events(), o.events(), "events delivered");
            if (t.version() != null) {
                assertEquals(t.version(), o.connection().peerVersion(), "negotiated revision");
            }
        }
    }

    private static void assertSameOutcome(CaseRunner.Outcome whole, CaseRunner.Outcome dribbled) {
        assertEquals(whole.refusal() == null, dribbled.refusal() == null,
            () -> "whole: " + whole.summary() + "; dribbled: " + dribbled.summary());
        if (whole.refusal() != null) {
            assertEquals(whole.refusal().error(), dribbled.refusal().error(), "reason");
            assertEquals(whole.refusal().offset(), dribbled.refusal().offset(), "offset");
            assertEquals(whole.refusal().errorReply(), dribbled.refusal().errorReply(), "ERROR reply");
        }
        assertEquals(whole.events(), dribbled.events(), "events delivered before the end");
    }

    @Test
    @DisplayName("the catalogue keeps at least 80 cases, and each area its minimum")
    void catalogueIsComplete() {
        assertTrue(Catalogue.all().size() >= MINIMUM_CASES, () -> "only " + Catalogue.all().size() + " cases");
        Map<Area, Integer> counts = new EnumMap<>(Area.class);
        for (MalformedCase c : Catalogue.all()) {
            counts.merge(c.area(), 1, Integer::sum);
        }
        for (Area a : Area.values()) {
            int n = counts.getOrDefault(a, 0);
            assertTrue(n >= a.minimum(), () -> a.label() + " has " + n + " cases, at least " + a.minimum()
                + " required; counts: " + counts);
        }
    }

    @Test
    @DisplayName("case names are unique, and every failing case names an offending byte or says why not")
    void namesAreUnique() {
        Set<String> names = new HashSet<>();
        for (MalformedCase c : Catalogue.all()) {
            assertTrue(names.add(c.displayName()), () -> "duplicate name: " + c.displayName());
            if (c.expectation() instanceof Expectation.Fails f && f.offset() < 0) {
                assertEquals(io.jzmtp.core.ProtocolError.AUTHENTICATION_FAILED, f.error(),
                    () -> c.displayName() + ": only an authentication refusal may name no offending byte");
            }
        }
    }

    @Test
    @DisplayName("every cited clause ID exists in spec/CONFORMANCE.md")
    void citedClausesExist() throws IOException {
        String conformance = Files.readString(Path.of("CONFORMANCE.md"), StandardCharsets.UTF_8);
        for (MalformedCase c : Catalogue.all()) {
            if (c.rfc() != null) {
                assertTrue(conformance.contains("| " + c.rfc() + " |"),
                    () -> c.displayName() + " cites " + c.rfc() + ", which CONFORMANCE.md does not define");
            }
        }
    }
}
