package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.ERROR_RECEIVED;
import static io.jzmtp.core.ProtocolError.ZMTP_MALFORMED_COMMAND_ERROR;
import static io.jzmtp.core.ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED;
import static io.jzmtp.core.ProtocolError.ZMTP_UNEXPECTED_COMMAND;
import static io.jzmtp.spec.catalogue.Cases.atMark;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import java.util.List;

/**
 * Command framing (RFC 23 "Commands": {@code name-size name(1-255 ALPHA) data}) and the commands a NULL
 * handshake may see. Every failure is reported at the flags octet of the offending frame.
 */
final class CommandCases {
    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);

    private CommandCases() {
    }

    /** A NULL peer's greeting, with the mark on the frame that follows. */
    private static WireBuilder handshakeFrame() {
        return peer().nullGreeting().mark();
    }

    /** A NULL ROUTER peer after its handshake, with the mark on the frame that follows. */
    private static WireBuilder trafficFrame() {
        return peer().nullGreeting().readyAs("ROUTER").mark();
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.COMMANDS);
        names(c);
        unexpected(c);
        errors(c);
        return c.list();
    }

    private static void names(Cases c) {
        c.fails("empty command body (04 00) in place of READY", "23-CMD-2", NULL_DEALER,
            handshakeFrame().frame(0x04, new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 0", "23-CMD-2", NULL_DEALER,
            handshakeFrame().frame(0x04, new byte[] {0}), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 0 followed by data", "23-CMD-2", NULL_DEALER,
            handshakeFrame().frame(0x04, Bodies.rawCommand(0, ascii("READY"))),
            ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 5 in a 3-octet body", "23-CMD-2", NULL_DEALER,
            handshakeFrame().frame(0x04, Bodies.rawCommand(5, ascii("RE"))),
            ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 255 with a 5-octet body after it", "37-CMD-1", NULL_DEALER,
            handshakeFrame().frame(0x04, Bodies.rawCommand(255, ascii("READY"))),
            ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name with a digit ('READY1')", "23-CMD-2", NULL_DEALER,
            handshakeFrame().command("READY1", new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name with a space ('READ Y')", "23-CMD-2", NULL_DEALER,
            handshakeFrame().command("READ Y", new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name with 0x00 ('READ\\0')", "23-CMD-2", NULL_DEALER,
            handshakeFrame().command("READ\0", new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name with 0xFF", "23-CMD-2", NULL_DEALER,
            handshakeFrame().command("READ\u00FF", new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name with '-' ('X-READY')", "23-CMD-2", NULL_DEALER,
            handshakeFrame().command("X-READY", new byte[0]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 0 after the handshake", "23-CMD-2", NULL_DEALER,
            trafficFrame().frame(0x04, new byte[] {0}), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("non-ALPHA name after the handshake ('PING1')", "23-CMD-2", NULL_DEALER,
            trafficFrame().command("PING1", new byte[2]), ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.fails("name length 9 in a 4-octet body after the handshake", "23-CMD-2", NULL_DEALER,
            trafficFrame().frame(0x04, Bodies.rawCommand(9, ascii("SUB"))),
            ZMTP_MALFORMED_COMMAND_UNSPECIFIED, atMark());
        c.tolerates("name of 255 letters after the handshake (unknown: ignored)", "23-CMD-3", NULL_DEALER,
            trafficFrame().command(new String(Bodies.repeat('Z', 255), java.nio.charset.StandardCharsets.US_ASCII),
                ascii("data")).message("next", false), "msg(next)");
        c.tolerates("lowercase 'ping' after the handshake (unknown: ignored)", "23-CMD-3", NULL_DEALER,
            trafficFrame().command("ping", new byte[2]).message("next", false), "msg(next)");
    }

    private static void unexpected(Cases c) {
        c.fails("unknown command 'FOO' in place of READY", "23-NULL-9", NULL_DEALER,
            handshakeFrame().command("FOO", new byte[0]), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("unknown 255-letter command in place of READY", "23-NULL-9", NULL_DEALER,
            handshakeFrame().command(new String(Bodies.repeat('A', 255), java.nio.charset.StandardCharsets.US_ASCII),
                new byte[0]), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("lowercase 'ready' (command names are case-sensitive)", "23-READY-1", NULL_DEALER,
            handshakeFrame().command("ready", MetadataBytes.props().prop("Socket-Type", "ROUTER").bytes()),
            ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("message frame in place of READY", "37-NULL-7", NULL_DEALER,
            handshakeFrame().message("hello", false), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("MORE message frame in place of READY", "37-NULL-7", NULL_DEALER,
            handshakeFrame().message("hello", true).message("world", false), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("empty message frame in place of READY", "37-NULL-7", NULL_DEALER,
            handshakeFrame().message("", false), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("READY twice", "23-NULL-9", NULL_DEALER,
            trafficFrame().readyAs("ROUTER"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("HELLO sent to a NULL peer", "23-NULL-9", NULL_DEALER,
            handshakeFrame().hello("admin", "secret"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("WELCOME sent to a NULL peer", "23-NULL-9", NULL_DEALER,
            handshakeFrame().welcome(), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PING before READY", "37-PING-1", NULL_DEALER,
            handshakeFrame().ping(10, new byte[0]), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PONG before READY", "37-PING-1", NULL_DEALER,
            handshakeFrame().pong(new byte[0]), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("SUBSCRIBE before READY", "23-NULL-9", NULL_DEALER,
            handshakeFrame().subscribe(ascii("topic")), ZMTP_UNEXPECTED_COMMAND, atMark());
    }

    private static void errors(Cases c) {
        c.fails("well-formed ERROR in place of READY", "23-ERROR-2", NULL_DEALER,
            handshakeFrame().error("Invalid socket type"), ERROR_RECEIVED, atMark());
        c.fails("ERROR with an empty reason", "23-ERROR-1", NULL_DEALER,
            handshakeFrame().error(""), ERROR_RECEIVED, atMark());
        c.fails("ERROR with non-printable reason octets (accepted as a reason)", "23-ERROR-3", NULL_DEALER,
            handshakeFrame().command("ERROR", Bodies.sized(new byte[] {0, 1, (byte) 0xFF})), ERROR_RECEIVED,
            atMark());
        c.fails("ERROR reason length 10 with 3 octets", "23-ERROR-1", NULL_DEALER,
            handshakeFrame().command("ERROR", Bodies.rawCommand(10, ascii("abc"))),
            ZMTP_MALFORMED_COMMAND_ERROR, atMark());
        c.fails("ERROR reason length 1 with 3 octets", "23-ERROR-1", NULL_DEALER,
            handshakeFrame().command("ERROR", Bodies.rawCommand(1, ascii("abc"))),
            ZMTP_MALFORMED_COMMAND_ERROR, atMark());
        c.fails("ERROR with no reason-size octet", "23-ERROR-1", NULL_DEALER,
            handshakeFrame().command("ERROR", new byte[0]), ZMTP_MALFORMED_COMMAND_ERROR, atMark());
        c.fails("ERROR reason length 255 with no octets", "23-ERROR-1", NULL_DEALER,
            handshakeFrame().command("ERROR", new byte[] {(byte) 255}), ZMTP_MALFORMED_COMMAND_ERROR, atMark());
    }
}
