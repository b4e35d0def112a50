package io.jzmtp.spec.catalogue;

import static io.jzmtp.spec.catalogue.WireBuilder.peer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.connection.ZmtpConnection.Phase;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.greeting.Greeting;
import io.jzmtp.core.mechanism.HandshakeConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Checks the catalogue's own machinery: the wire builder writes what zmtp-core's encoders write for the valid
 * pieces, and the checker rejects every kind of wrong outcome (so that a passing catalogue means something).
 */
class CatalogueSelfTest {
    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);

    private static byte[] framed(byte[] body) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[body.length + FrameEncoder.MAX_HEADER_LENGTH]);
        int n = FrameEncoder.writeFrame(b, 0, 0x04, body, 0, body.length);
        byte[] out = new byte[n];
        b.getBytes(0, out);
        return out;
    }

    @Test
    @DisplayName("the builder's valid greeting and commands equal zmtp-core's encoders' output")
    void builderAgreesWithTheEncoders() {
        assertArrayEquals(new Greeting(3, 1, "NULL", false).toBytes(1), peer().nullGreeting().bytes());
        assertArrayEquals(new Greeting(3, 1, "PLAIN", true).toBytes(1), peer().greeting("PLAIN", true).bytes());
        assertArrayEquals(framed(Commands.ready(HandshakeConfig.of(SocketType.ROUTER).localMetadata())),
            peer().ready(MetadataBytes.props().prop("Socket-Type", "ROUTER").prop("Identity", "")).bytes());
        assertArrayEquals(framed(Commands.plainHello(ascii("admin"), ascii("secret"))),
            peer().hello("admin", "secret").bytes());
        assertArrayEquals(framed(Commands.welcome()), peer().welcome().bytes());
        assertArrayEquals(framed(Commands.error("Invalid socket type")), peer().error("Invalid socket type").bytes());
        UnsafeBuffer ping = new UnsafeBuffer(new byte[32]);
        int n = Commands.writePing(ping, 0, 20, new UnsafeBuffer(ascii("ctx")), 0, 3);
        byte[] expected = new byte[n];
        ping.getBytes(0, expected);
        assertArrayEquals(expected, peer().ping(20, ascii("ctx")).bytes());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static MalformedCase legacyPeer(Expectation e) {
        return new MalformedCase(Area.GREETING, "self-test", null, NULL_DEALER,
            peer().nullGreeting().set(10, 2).bytes(), e);
    }

    private static void checkFails(MalformedCase c) {
        assertThrows(AssertionFailedError.class, () -> MalformedInputCatalogueTest.check(c, CaseRunner.run(c, 1)));
    }

    @Test
    @DisplayName("the checker rejects a wrong reason, offset, ERROR reply or output bound")
    void checkerRejectsWrongRefusals() {
        // The codec answers UNSUPPORTED_VERSION at offset 10, with no reply, having sent at most 11 octets.
        MalformedCase right = legacyPeer(new Expectation.Fails(ProtocolError.UNSUPPORTED_VERSION, 10, null, 11));
        MalformedInputCatalogueTest.check(right, CaseRunner.run(right, 1));
        checkFails(legacyPeer(new Expectation.Fails(ProtocolError.MALFORMED_FRAME, 10, null, -1)));
        checkFails(legacyPeer(new Expectation.Fails(ProtocolError.UNSUPPORTED_VERSION, 9, null, -1)));
        checkFails(legacyPeer(new Expectation.Fails(ProtocolError.UNSUPPORTED_VERSION, 10, "x", -1)));
        checkFails(legacyPeer(new Expectation.Fails(ProtocolError.UNSUPPORTED_VERSION, 10, null, 5)));
        checkFails(legacyPeer(new Expectation.Tolerates(Phase.TRAFFIC, List.of(), null)));
    }

    @Test
    @DisplayName("the checker rejects a refusal of valid input, wrong events, and any other throwable")
    void checkerRejectsWrongAcceptance() {
        WireBuilder valid = peer().nullGreeting().readyAs("ROUTER").message("a", false);
        MalformedCase refused = new MalformedCase(Area.FRAMES, "self-test", null, NULL_DEALER, valid.bytes(),
            new Expectation.Fails(ProtocolError.MALFORMED_FRAME, 0, null, -1));
        checkFails(refused);
        MalformedCase wrongEvents = new MalformedCase(Area.FRAMES, "self-test", null, NULL_DEALER, valid.bytes(),
            new Expectation.Tolerates(Phase.TRAFFIC, List.of("msg(b)"), null));
        checkFails(wrongEvents);
        MalformedCase right = new MalformedCase(Area.FRAMES, "self-test", null, NULL_DEALER, valid.bytes(),
            new Expectation.Tolerates(Phase.TRAFFIC, List.of("msg(a)"), null));
        MalformedInputCatalogueTest.check(right, CaseRunner.run(right, 1));
        CaseRunner.Outcome escaped = new CaseRunner.Outcome(null, new IllegalStateException("boom"), List.of(), 0,
            0, null);
        assertThrows(AssertionFailedError.class, () -> MalformedInputCatalogueTest.check(right, escaped));
    }
}
