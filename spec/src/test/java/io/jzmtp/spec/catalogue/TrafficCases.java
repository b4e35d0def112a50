package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.ERROR_RECEIVED;
import static io.jzmtp.core.ProtocolError.MALFORMED_COMMAND_PING;
import static io.jzmtp.core.ProtocolError.MALFORMED_COMMAND_PONG;
import static io.jzmtp.core.ProtocolError.MESSAGE_TOO_LARGE;
import static io.jzmtp.core.ProtocolError.ZMTP_MALFORMED_COMMAND_ERROR;
import static io.jzmtp.core.ProtocolError.ZMTP_UNEXPECTED_COMMAND;
import static io.jzmtp.spec.catalogue.Cases.atMark;
import static io.jzmtp.spec.catalogue.Cases.longSizeOfMark;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import java.util.List;

/**
 * Commands after the handshake (RFC 37 PING/PONG, SUBSCRIBE/CANCEL; RFC 23 ERROR). Handshake commands are
 * refused, ERROR is fatal, and unknown commands are ignored (forward compatibility, as libzmq does).
 */
final class TrafficCases {
    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);
    private static final LocalSide NULL_XPUB = LocalSide.nullSide(SocketType.XPUB);
    private static final int SIXTEEN_MIB = 16 << 20;

    private TrafficCases() {
    }

    /** A NULL ROUTER peer after its handshake, with the mark on the next frame. */
    private static WireBuilder traffic() {
        return peer().nullGreeting().readyAs("ROUTER").mark();
    }

    /** A NULL SUB peer after its handshake, with the mark on the next frame. */
    private static WireBuilder subscriber() {
        return peer().nullGreeting().readyAs("SUB").mark();
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.TRAFFIC);
        heartbeats(c);
        commands(c);
        subscriptions(c);
        return c.list();
    }

    private static void heartbeats(Cases c) {
        c.fails("PING with 1 octet of data (TTL cut short)", "37-PING-2", NULL_DEALER,
            traffic().command("PING", new byte[1]), MALFORMED_COMMAND_PING, atMark());
        c.fails("PING with no data", "37-PING-2", NULL_DEALER,
            traffic().command("PING", new byte[0]), MALFORMED_COMMAND_PING, atMark());
        c.fails("PING with a 17-octet context", "37-PING-5", NULL_DEALER,
            traffic().ping(10, new byte[17]), MALFORMED_COMMAND_PING, atMark());
        c.fails("PING with a 255-octet context", "37-PING-5", NULL_DEALER,
            traffic().ping(10, new byte[255]), MALFORMED_COMMAND_PING, atMark());
        c.fails("PONG with a 17-octet context", "37-PING-6", NULL_DEALER,
            traffic().pong(new byte[17]), MALFORMED_COMMAND_PONG, atMark());
        c.fails("PONG with a 300-octet context (long form)", "37-PING-6", NULL_DEALER,
            traffic().pong(new byte[300]), MALFORMED_COMMAND_PONG, atMark());
        c.tolerates("PING with a 16-octet context", "37-PING-5", NULL_DEALER,
            traffic().ping(20, ascii("0123456789abcdef")), "ping(20,0123456789abcdef)");
        c.tolerates("PING with TTL 65535 and no context", "37-PING-3", NULL_DEALER,
            traffic().ping(0xFFFF, new byte[0]), "ping(65535,)");
        c.tolerates("PONG with a 16-octet context, then an empty PONG", "37-PING-6", NULL_DEALER,
            traffic().pong(ascii("0123456789abcdef")).pong(new byte[0]), "pong(0123456789abcdef)", "pong()");
        c.tolerates("PING from a ZMTP 3.0 (minor 0) peer (libzmq sends them)", "37-PING-1", NULL_DEALER,
            peer().nullGreeting().set(11, 0).readyAs("ROUTER").ping(5, new byte[0]), List.of("ping(5,)"),
            ZmtpVersion.V3_0);
    }

    private static void commands(Cases c) {
        c.fails("ERROR after the handshake", "23-ERRH-1", NULL_DEALER,
            traffic().error("going away"), ERROR_RECEIVED, atMark());
        c.fails("ERROR after the handshake with reason length 200 and 3 octets", "23-ERROR-1", NULL_DEALER,
            traffic().command("ERROR", Bodies.rawCommand(200, ascii("abc"))), ZMTP_MALFORMED_COMMAND_ERROR,
            atMark());
        c.fails("READY after the handshake", "23-NULL-9", NULL_DEALER,
            traffic().readyAs("ROUTER"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("HELLO after the handshake", "24-FLOW-8", NULL_DEALER,
            traffic().hello("admin", "secret"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("WELCOME after the handshake", "24-FLOW-8", NULL_DEALER,
            traffic().welcome(), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("INITIATE after the handshake", "24-FLOW-8", NULL_DEALER,
            traffic().initiateAs("ROUTER"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("ERROR after messages were delivered", "23-ERRH-1", NULL_DEALER,
            traffic().message("a", false).mark().error("x"), ERROR_RECEIVED, atMark());
        c.tolerates("unknown command 'FOO' after the handshake, then a message", "23-CMD-3", NULL_DEALER,
            traffic().command("FOO", ascii("bar")).message("next", false), "msg(next)");
        c.tolerates("JOIN (a RADIO/DISH command) to a DEALER is ignored", "23-CMD-3", NULL_DEALER,
            traffic().command("JOIN", ascii("group")).message("next", false), "msg(next)");
        c.tolerates("unknown command between two frames of a message", "23-CMD-3", NULL_DEALER,
            traffic().message("a", true).command("NOOP", new byte[0]).message("b", false), "msg(a)+", "msg(b)");
    }

    private static void subscriptions(Cases c) {
        byte[] topic = Bodies.repeat('t', SIXTEEN_MIB);
        c.tolerates("SUBSCRIBE with a 16 MiB topic under a 32 MiB maxFrameSize", "37-SUB-2",
            NULL_XPUB.maxFrameSize(2L * SIXTEEN_MIB), subscriber().subscribe(topic),
            "sub([" + SIXTEEN_MIB + " bytes])");
        c.fails("SUBSCRIBE with a 16 MiB topic over a 1 MiB maxFrameSize", "23-FRAME-4",
            NULL_XPUB.maxFrameSize(1 << 20), subscriber().subscribe(topic), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.tolerates("SUBSCRIBE and CANCEL with empty topics", "37-SUB-4", NULL_XPUB,
            subscriber().subscribe(new byte[0]).command("CANCEL", new byte[0]), "sub()", "cancel()");
        c.tolerates("CANCEL without SUBSCRIBE (a no-op for the socket, delivered)", "37-SUB-4", NULL_XPUB,
            subscriber().command("CANCEL", ascii("abc")), "cancel(abc)");
        c.tolerates("ZMTP 3.0 subscription message (0x01 + topic) from a 3.1 peer", "23-SUB-3", NULL_XPUB,
            subscriber().message(Bodies.concat(new byte[] {1}, ascii("abc")), false), "msg(\\x01abc)");
    }
}
