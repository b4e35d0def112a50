package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.MALFORMED_FRAME;
import static io.jzmtp.core.ProtocolError.MESSAGE_TOO_LARGE;
import static io.jzmtp.spec.catalogue.Cases.atMark;
import static io.jzmtp.spec.catalogue.Cases.longSizeOfMark;
import static io.jzmtp.spec.catalogue.Cases.shortSizeOfMark;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.connection.ZmtpConnection.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Frame headers (RFC 23 "Framing"): flags, the size forms, and the size limits. A bad flags octet is reported
 * at that octet; a bad or too large size at the last octet of the size field.
 */
final class FrameCases {
    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);
    private static final byte[] ROUTER_READY =
        Bodies.command("READY", MetadataBytes.props().prop("Socket-Type", "ROUTER").bytes());
    private static final int EMPTY_MORE_FRAMES = 100_000;

    private FrameCases() {
    }

    /** A NULL ROUTER peer that has finished its handshake. */
    private static WireBuilder afterHandshake() {
        return peer().nullGreeting().readyAs("ROUTER");
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.FRAMES);
        flags(c);
        sizes(c);
        limits(c);
        tolerated(c);
        return c.list();
    }

    private static void flags(Cases c) {
        c.fails("command flags 0x05 (COMMAND+MORE) on READY", "23-FRAME-9",
            NULL_DEALER, peer().nullGreeting().mark().frame(0x05, ROUTER_READY), MALFORMED_FRAME, atMark());
        c.fails("command flags 0x07 (COMMAND+MORE+LONG) on READY", "23-FRAME-9",
            NULL_DEALER, peer().nullGreeting().mark().frame(0x07, ROUTER_READY), MALFORMED_FRAME, atMark());
        c.fails("command flags 0x05 on a PING after the handshake", "23-FRAME-9",
            NULL_DEALER, afterHandshake().mark().frame(0x05, Bodies.command("PING", new byte[2])),
            MALFORMED_FRAME, atMark());
        c.fails("flags 0xFF (every bit set)", "23-FRAME-9",
            NULL_DEALER, afterHandshake().mark().header(0xFF, 1).raw(0x41), MALFORMED_FRAME, atMark());
        c.fails("flags 0x0D (reserved bit 3 with COMMAND+MORE)", "23-FRAME-9",
            NULL_DEALER, afterHandshake().mark().header(0x0D, 1).raw(0x41), MALFORMED_FRAME, atMark());
    }

    private static void sizes(Cases c) {
        c.fails("long size 2^63 (top bit set) on a message", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x02, Long.MIN_VALUE), MALFORMED_FRAME, longSizeOfMark());
        c.fails("long size 2^64-1", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x02, -1L), MALFORMED_FRAME, longSizeOfMark());
        c.fails("long size 2^63+5 on a MORE frame", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x03, Long.MIN_VALUE + 5), MALFORMED_FRAME,
            longSizeOfMark());
        c.fails("long size 2^63 on a command during the handshake", "23-FRAME-4",
            NULL_DEALER, peer().nullGreeting().mark().header(0x06, Long.MIN_VALUE), MALFORMED_FRAME,
            longSizeOfMark());
        c.fails("long size Long.MAX_VALUE (2^63-1), no configured limit", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x02, Long.MAX_VALUE), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.fails("long size Long.MAX_VALUE on a command", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x06, Long.MAX_VALUE), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.fails("long size Integer.MAX_VALUE + 1, no configured limit", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x02, Integer.MAX_VALUE + 1L), MESSAGE_TOO_LARGE,
            longSizeOfMark());
        c.fails("long size Integer.MAX_VALUE (above the JVM array limit)", "23-FRAME-4",
            NULL_DEALER, afterHandshake().mark().header(0x02, Integer.MAX_VALUE), MESSAGE_TOO_LARGE,
            longSizeOfMark());
        c.fails("long size 2^32 (0 if truncated to an int)", "23-FRAME-7",
            NULL_DEALER, afterHandshake().mark().header(0x02, 1L << 32), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.fails("long size 2^32 + 5 (5 if truncated to an int), body of 5", "23-FRAME-7",
            NULL_DEALER, afterHandshake().mark().header(0x02, (1L << 32) + 5).raw(ascii("hello")),
            MESSAGE_TOO_LARGE, longSizeOfMark());
    }

    private static void limits(Cases c) {
        LocalSide max100 = NULL_DEALER.maxFrameSize(100);
        LocalSide max1000 = NULL_DEALER.maxFrameSize(1000);
        c.fails("short frame of maxFrameSize + 1 (101 > 100)", "23-FRAME-4",
            max100, afterHandshake().mark().frame(0x00, new byte[101]), MESSAGE_TOO_LARGE, shortSizeOfMark());
        c.fails("long frame of maxFrameSize + 1 (1001 > 1000)", "23-FRAME-4",
            max1000, afterHandshake().mark().frame(0x02, new byte[1001]), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.fails("long-form frame of 101 (< 256) over maxFrameSize 100", "23-FRAME-4",
            max100, afterHandshake().mark().frame(0x02, new byte[101]), MESSAGE_TOO_LARGE, longSizeOfMark());
        c.fails("MORE frame of maxFrameSize + 1 after an accepted first frame", "23-FRAME-4",
            max100, afterHandshake().message("a", true).mark().frame(0x01, new byte[101]),
            MESSAGE_TOO_LARGE, shortSizeOfMark());
        c.fails("READY larger than maxFrameSize (28 > 16)", "23-FRAME-4",
            NULL_DEALER.maxFrameSize(16), peer().nullGreeting().mark().command(ROUTER_READY),
            MESSAGE_TOO_LARGE, shortSizeOfMark());
        c.fails("command of maxFrameSize + 1 after the handshake", "23-FRAME-4",
            max100, afterHandshake().mark().command("FOO", new byte[97]), MESSAGE_TOO_LARGE, shortSizeOfMark());
    }

    private static void tolerated(Cases c) {
        c.tolerates("reserved flag bits 3-7 set on a message frame (0xF8)", "23-FRAME-5",
            NULL_DEALER, afterHandshake().frame(0xF8, ascii("abc")), "msg(abc)");
        c.tolerates("reserved bit 7 set on a MORE frame (0x81)", "23-FRAME-5",
            NULL_DEALER, afterHandshake().frame(0x81, ascii("a")).message("b", false), "msg(a)+", "msg(b)");
        c.tolerates("reserved bits set on READY (0x0C)", "23-FRAME-5",
            NULL_DEALER, peer().nullGreeting().frame(0x0C, ROUTER_READY));
        c.tolerates("reserved bits on a long-form message frame (0x7A)", "23-FRAME-5",
            NULL_DEALER, afterHandshake().frame(0x7A, ascii("xyz")), "msg(xyz)");
        c.tolerates("long-form message frame of 3 octets (size < 256)", "23-FRAME-7",
            NULL_DEALER, afterHandshake().frame(0x02, ascii("abc")), "msg(abc)");
        c.tolerates("long-form READY (0x06) of 28 octets", "23-MECH-8",
            NULL_DEALER, peer().nullGreeting().frame(0x06, ROUTER_READY));
        c.tolerates("empty message frame", "23-FRAME-3", NULL_DEALER, afterHandshake().message("", false), "msg()");
        c.tolerates("empty long-form message frame", "23-FRAME-3",
            NULL_DEALER, afterHandshake().frame(0x02, new byte[0]), "msg()");
        c.tolerates("short frame of 255 and long frame of 256 octets", "23-FRAME-4",
            NULL_DEALER, afterHandshake().frame(0x01, new byte[255]).frame(0x02, new byte[256]),
            "msg([255 bytes])+", "msg([256 bytes])");
        c.tolerates("frame of exactly maxFrameSize (100)", "23-FRAME-4",
            NULL_DEALER.maxFrameSize(100), afterHandshake().frame(0x00, new byte[100]), "msg([100 bytes])");
        c.tolerates("long frame of exactly maxFrameSize (1000)", "23-FRAME-4",
            NULL_DEALER.maxFrameSize(1000), afterHandshake().frame(0x02, new byte[1000]), "msg([1000 bytes])");
        WireBuilder many = afterHandshake();
        List<String> events = new ArrayList<>(EMPTY_MORE_FRAMES + 1);
        for (int i = 0; i < EMPTY_MORE_FRAMES; i++) {
            many.raw(0x01, 0x00);
            events.add("msg()+");
        }
        many.message("end", false);
        events.add("msg(end)");
        c.tolerates("100,000 empty MORE frames, then a last frame", "23-MSG-2", NULL_DEALER, many, events, null);
        c.tolerates("messages right behind READY in the same write", "23-NULL-6",
            NULL_DEALER, afterHandshake().message("a", true).message("bc", false), List.of("msg(a)+", "msg(bc)"),
            ZmtpVersion.V3_1);
        c.waits("long size field cut after 4 of 8 octets", "23-FRAME-2",
            NULL_DEALER, afterHandshake().raw(0x02, 0, 0, 0, 0), Phase.TRAFFIC);
        c.waits("body cut after 10 of 100 octets", "23-FRAME-2",
            NULL_DEALER, afterHandshake().header(0x00, 100).raw(new byte[10]), Phase.TRAFFIC);
        c.waits("READY cut inside its size field", "23-FRAME-2",
            NULL_DEALER, peer().nullGreeting().raw(0x06, 0, 0, 0), Phase.HANDSHAKE);
    }
}
