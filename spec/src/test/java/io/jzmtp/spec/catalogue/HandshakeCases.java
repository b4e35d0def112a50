package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.AUTHENTICATION_FAILED;
import static io.jzmtp.core.ProtocolError.ERROR_RECEIVED;
import static io.jzmtp.core.ProtocolError.INCOMPATIBLE_SOCKET_TYPE;
import static io.jzmtp.core.ProtocolError.ZMTP_INVALID_METADATA;
import static io.jzmtp.core.ProtocolError.ZMTP_MALFORMED_COMMAND_HELLO;
import static io.jzmtp.core.ProtocolError.ZMTP_MALFORMED_COMMAND_WELCOME;
import static io.jzmtp.core.ProtocolError.ZMTP_UNEXPECTED_COMMAND;
import static io.jzmtp.spec.catalogue.Cases.NO_OFFSET;
import static io.jzmtp.spec.catalogue.Cases.atMark;
import static io.jzmtp.spec.catalogue.MetadataBytes.props;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.AuthResult;
import java.util.List;

/**
 * The NULL and PLAIN handshakes (RFC 23 "The NULL Security Mechanism", RFC 24). Command failures are reported
 * at the offending frame's flags octet; a refusal by authentication names no octet and is answered with an ERROR
 * carrying the ZAP status code, as libzmq's is.
 */
final class HandshakeCases {
    private static final LocalSide PLAIN_SERVER = LocalSide.plainServer(SocketType.REP);
    private static final LocalSide PLAIN_CLIENT = LocalSide.plainClient(SocketType.REQ);

    private HandshakeCases() {
    }

    /** A PLAIN client peer's greeting (as-server 0), with the mark on the next frame. */
    private static WireBuilder toServer() {
        return peer().greeting("PLAIN", false).mark();
    }

    /** A PLAIN server peer's greeting (as-server 1), with the mark on the next frame. */
    private static WireBuilder toClient() {
        return peer().greeting("PLAIN", true).mark();
    }

    private static byte[] hello(byte[] data) {
        return Bodies.command("HELLO", data);
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.HANDSHAKE);
        plainServer(c);
        authentication(c);
        plainClient(c);
        tolerated(c);
        return c.list();
    }

    private static void plainServer(Cases c) {
        c.fails("PLAIN HELLO username length 20 with 6 octets left", "24-HELLO-2", PLAIN_SERVER,
            toServer().command(hello(Bodies.rawCommand(20, ascii("admin\0")))), ZMTP_MALFORMED_COMMAND_HELLO,
            atMark());
        c.fails("PLAIN HELLO password length 10 with 6 octets left (too long)", "24-HELLO-3", PLAIN_SERVER,
            toServer().command(hello(Bodies.concat(Bodies.sized(ascii("admin")), Bodies.rawCommand(10,
                ascii("secret"))))), ZMTP_MALFORMED_COMMAND_HELLO, atMark());
        c.fails("PLAIN HELLO password length 3 with 6 octets left (too short)", "24-HELLO-3", PLAIN_SERVER,
            toServer().command(hello(Bodies.concat(Bodies.sized(ascii("admin")), Bodies.rawCommand(3,
                ascii("secret"))))), ZMTP_MALFORMED_COMMAND_HELLO, atMark());
        c.fails("PLAIN HELLO with no password size", "24-HELLO-3", PLAIN_SERVER,
            toServer().command(hello(Bodies.sized(ascii("admin")))), ZMTP_MALFORMED_COMMAND_HELLO, atMark());
        c.fails("PLAIN HELLO with no data", "24-HELLO-1", PLAIN_SERVER,
            toServer().command(hello(new byte[0])), ZMTP_MALFORMED_COMMAND_HELLO, atMark());
        c.fails("PLAIN HELLO username length 255 with 3 octets", "24-HELLO-2", PLAIN_SERVER,
            toServer().command(hello(Bodies.rawCommand(255, ascii("abc")))), ZMTP_MALFORMED_COMMAND_HELLO,
            atMark());
        c.fails("PLAIN server receives WELCOME (from a client)", "24-FLOW-8", PLAIN_SERVER,
            toServer().welcome(), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN server receives INITIATE before HELLO", "24-FLOW-8", PLAIN_SERVER,
            toServer().initiateAs("REQ"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN server receives READY in place of HELLO", "24-FLOW-8", PLAIN_SERVER,
            toServer().readyAs("REQ"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN server receives HELLO twice", "24-FLOW-8", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("admin", "secret").mark().hello("admin", "secret"),
            ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN server receives a message frame between HELLO and INITIATE", "24-FLOW-6", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("admin", "secret").mark().message("early", false),
            ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN server receives ERROR in place of HELLO", "23-ERRH-1", PLAIN_SERVER,
            toServer().error("bye"), ERROR_RECEIVED, atMark());
        c.fails("PLAIN INITIATE with a value length past the end", "24-INITIATE-1", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("admin", "secret").mark()
                .initiate(props().name(11, ascii("Socket-Type")).valueSize(50).raw(ascii("REQ"))),
            ZMTP_INVALID_METADATA, atMark());
        c.failsWithReply("PLAIN INITIATE with Socket-Type PUB to a REP", "24-FLOW-5", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("admin", "secret").mark().initiateAs("PUB"),
            INCOMPATIBLE_SOCKET_TYPE, atMark(), MetadataCases.INVALID_SOCKET_TYPE);
        c.fails("PLAIN INITIATE with an Identity of 256 octets", "23-IDENT-3",
            LocalSide.plainServer(SocketType.ROUTER),
            peer().greeting("PLAIN", false).hello("admin", "secret").mark()
                .initiate(props().prop("Socket-Type", "DEALER").prop("Identity", Bodies.repeat('i', 256))),
            ZMTP_INVALID_METADATA, atMark());
    }

    private static AuthResult status(String code) {
        return new AuthResult(code, "refused by the test", "", Metadata.EMPTY);
    }

    private static void authentication(Cases c) {
        for (String code : List.of("400", "500", "300")) {
            c.failsWithReply("PLAIN credentials refused with ZAP status " + code, "24-FLOW-3",
                PLAIN_SERVER.deciding(status(code)),
                peer().greeting("PLAIN", false).hello("admin", "wrong").initiateAs("REQ"),
                AUTHENTICATION_FAILED, NO_OFFSET, code);
        }
        c.failsWithReply("NULL peer refused by ZAP with status 400", "23-ERROR-2",
            LocalSide.nullSide(SocketType.DEALER).deciding(status("400")),
            peer().nullGreeting().readyAs("ROUTER"), AUTHENTICATION_FAILED, NO_OFFSET, "400");
    }

    private static void plainClient(Cases c) {
        c.fails("PLAIN WELCOME carrying data", "24-WELCOME-1", PLAIN_CLIENT,
            toClient().command("WELCOME", ascii("x")), ZMTP_MALFORMED_COMMAND_WELCOME, atMark());
        c.fails("PLAIN WELCOME carrying 300 octets (long form)", "24-WELCOME-1", PLAIN_CLIENT,
            toClient().command("WELCOME", new byte[300]), ZMTP_MALFORMED_COMMAND_WELCOME, atMark());
        c.fails("PLAIN client receives READY where WELCOME is expected", "24-FLOW-8", PLAIN_CLIENT,
            toClient().readyAs("REP"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN client receives HELLO", "24-FLOW-8", PLAIN_CLIENT,
            toClient().hello("admin", "secret"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN client receives INITIATE", "24-FLOW-8", PLAIN_CLIENT,
            toClient().initiateAs("REP"), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN client receives WELCOME twice", "24-FLOW-8", PLAIN_CLIENT,
            toClient().welcome().mark().welcome(), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN client receives ERROR '400' in place of WELCOME", "24-ERROR-1", PLAIN_CLIENT,
            toClient().error("400"), ERROR_RECEIVED, atMark());
        c.fails("PLAIN client receives ERROR in place of READY", "24-ERROR-1", PLAIN_CLIENT,
            toClient().welcome().mark().error("Invalid socket type"), ERROR_RECEIVED, atMark());
        c.failsWithReply("PLAIN READY with Socket-Type PUB to a REQ", "24-FLOW-5", PLAIN_CLIENT,
            toClient().welcome().mark().readyAs("PUB"), INCOMPATIBLE_SOCKET_TYPE, atMark(),
            MetadataCases.INVALID_SOCKET_TYPE);
        c.fails("PLAIN READY with an empty property name", "24-READY-1", PLAIN_CLIENT,
            toClient().welcome().mark().ready(props().name(0, new byte[0]).valueSize(0)), ZMTP_INVALID_METADATA,
            atMark());
        c.fails("PLAIN client receives a message frame before READY", "24-FLOW-6", PLAIN_CLIENT,
            toClient().welcome().mark().message("early", false), ZMTP_UNEXPECTED_COMMAND, atMark());
        c.fails("PLAIN client receives PING before READY", "37-PING-1", PLAIN_CLIENT,
            toClient().welcome().mark().ping(10, new byte[0]), ZMTP_UNEXPECTED_COMMAND, atMark());
    }

    private static void tolerated(Cases c) {
        c.tolerates("PLAIN HELLO with empty username and password", "24-HELLO-2", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("", "").initiateAs("REQ"));
        c.tolerates("PLAIN HELLO with 255-octet username and password", "24-HELLO-3", PLAIN_SERVER,
            peer().greeting("PLAIN", false).hello("u".repeat(255), "p".repeat(255)).initiateAs("REQ"));
        c.tolerates("PLAIN client: messages right behind READY", "24-FLOW-6", PLAIN_CLIENT,
            toClient().welcome().readyAs("REP").message("a", false), "msg(a)");
        c.tolerates("NULL peer accepted by ZAP (status 200)", "23-NULL-2",
            LocalSide.nullSide(SocketType.DEALER).deciding(AuthResult.accept("u")),
            peer().nullGreeting().readyAs("ROUTER").message("m", false), "msg(m)");
    }
}
