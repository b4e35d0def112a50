package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.INCOMPATIBLE_SOCKET_TYPE;
import static io.jzmtp.core.ProtocolError.ZMTP_INVALID_METADATA;
import static io.jzmtp.spec.catalogue.Cases.atMark;
import static io.jzmtp.spec.catalogue.MetadataBytes.props;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import java.util.List;

/**
 * READY metadata (RFC 23 "The Metadata", "The Socket-Type Property", "The Identity Property"). Failures are
 * reported at the READY frame's flags octet; a refused socket type is answered with an ERROR.
 */
final class MetadataCases {
    /** The reason jzmtp sends in ERROR when it refuses a socket type. */
    static final String INVALID_SOCKET_TYPE = "Invalid socket type";

    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);
    private static final LocalSide NULL_ROUTER = LocalSide.nullSide(SocketType.ROUTER);

    private MetadataCases() {
    }

    /** Socket-Type ROUTER, then the given raw properties. */
    private static MetadataBytes routerThen() {
        return props().prop("Socket-Type", "ROUTER");
    }

    /** A NULL greeting, then a marked READY with these properties. */
    private static WireBuilder ready(MetadataBytes md) {
        return peer().nullGreeting().mark().ready(md);
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.METADATA);
        syntax(c);
        duplicates(c);
        socketTypes(c);
        tolerated(c);
        return c.list();
    }

    private static void invalid(Cases c, String name, String rfc, MetadataBytes md) {
        c.fails(name, rfc, NULL_DEALER, ready(md), ZMTP_INVALID_METADATA, atMark());
    }

    private static void syntax(Cases c) {
        invalid(c, "empty property name (name-size 0)", "23-READY-4",
            routerThen().name(0, new byte[0]).valueSize(1).raw(ascii("x")));
        invalid(c, "empty property name as the only property", "23-READY-4",
            props().name(0, new byte[0]).valueSize(0));
        invalid(c, "name with '=' ('Socket-Type=')", "23-READY-3", routerThen().prop("X-a=b", "v"));
        invalid(c, "name with a space", "23-READY-3", routerThen().prop("X-a b", "v"));
        invalid(c, "name with 0x80", "23-READY-3", routerThen().prop("X-\u0080", "v"));
        invalid(c, "name with 0x00", "23-READY-3", routerThen().prop("X-\0", "v"));
        invalid(c, "name with ':'", "23-READY-3", routerThen().prop("X-a:", "v"));
        invalid(c, "name length 20 with 5 octets left", "23-READY-3",
            routerThen().name(20, ascii("X-abc")));
        invalid(c, "name length 255 with 3 octets left", "23-READY-4", routerThen().name(255, ascii("X-a")));
        invalid(c, "value length 100 with 6 octets left", "23-READY-2",
            props().name(11, ascii("Socket-Type")).valueSize(100).raw(ascii("ROUTER")));
        invalid(c, "value length 0xFFFFFFFF", "23-READY-6",
            routerThen().name(5, ascii("X-big")).valueSize(0xFFFF_FFFFL).raw(ascii("v")));
        invalid(c, "value length 0x80000000 (top bit set)", "23-READY-6",
            routerThen().name(5, ascii("X-big")).valueSize(0x8000_0000L).raw(ascii("v")));
        invalid(c, "value length 2^31-1 (largest legal) past the end", "23-READY-6",
            routerThen().name(5, ascii("X-big")).valueSize(0x7FFF_FFFFL).raw(ascii("v")));
        invalid(c, "value-length field cut after 2 of 4 octets", "23-READY-7",
            routerThen().name(5, ascii("X-cut")).raw(new byte[] {0, 0}));
        invalid(c, "no value-length field after the last name", "23-READY-7",
            routerThen().name(5, ascii("X-cut")));
        invalid(c, "one stray octet (0x01) after the last property", "23-READY-2",
            routerThen().raw(new byte[] {1}));
    }

    private static void duplicates(Cases c) {
        invalid(c, "duplicate Socket-Type, same case", "23-META-2", routerThen().prop("Socket-Type", "ROUTER"));
        invalid(c, "duplicate Socket-Type, different case ('socket-type')", "23-META-2",
            routerThen().prop("socket-type", "ROUTER"));
        invalid(c, "duplicate application property 'X-Foo' / 'x-FOO'", "23-META-2",
            routerThen().prop("X-Foo", "1").prop("x-FOO", "2"));
        invalid(c, "duplicate Identity", "23-META-2", routerThen().prop("Identity", "").prop("IDENTITY", "a"));
        c.fails("Identity of 256 octets", "23-IDENT-3", NULL_ROUTER,
            ready(props().prop("Socket-Type", "DEALER").prop("Identity", Bodies.repeat('i', 256))),
            ZMTP_INVALID_METADATA, atMark());
    }

    private static void refusedType(Cases c, String name, String rfc, SocketType local, MetadataBytes md) {
        c.failsWithReply(name, rfc, LocalSide.nullSide(local), ready(md), INCOMPATIBLE_SOCKET_TYPE, atMark(),
            INVALID_SOCKET_TYPE);
    }

    private static MetadataBytes type(String t) {
        return props().prop("Socket-Type", t);
    }

    private static void socketTypes(Cases c) {
        refusedType(c, "Socket-Type PUB to a PUSH", "23-STYPE-3", SocketType.PUSH, type("PUB"));
        refusedType(c, "Socket-Type PUB to a DEALER", "23-STYPE-2", SocketType.DEALER, type("PUB"));
        refusedType(c, "Socket-Type SUB to a SUB", "23-STYPE-2", SocketType.SUB, type("SUB"));
        refusedType(c, "Socket-Type REQ to a REQ", "23-STYPE-2", SocketType.REQ, type("REQ"));
        refusedType(c, "Socket-Type REP to a REP", "23-STYPE-2", SocketType.REP, type("REP"));
        refusedType(c, "Socket-Type DEALER to a PAIR", "23-STYPE-2", SocketType.PAIR, type("DEALER"));
        refusedType(c, "Socket-Type PULL to a PUB", "23-STYPE-2", SocketType.PUB, type("PULL"));
        refusedType(c, "Socket-Type CLIENT to a CLIENT (draft matrix)", "37-STYPE-2", SocketType.CLIENT,
            type("CLIENT"));
        refusedType(c, "Socket-Type STREAM to a ROUTER", "23-STYPE-1", SocketType.ROUTER, type("STREAM"));
        refusedType(c, "unknown Socket-Type 'FOO'", "23-STYPE-1", SocketType.DEALER, type("FOO"));
        refusedType(c, "lowercase Socket-Type 'dealer' (compared case-sensitively, as libzmq does)", "23-STYPE-1",
            SocketType.ROUTER, type("dealer"));
        refusedType(c, "Socket-Type 'DEALER' with a trailing NUL", "23-STYPE-1", SocketType.ROUTER,
            type("DEALER\0"));
        refusedType(c, "empty Socket-Type value", "23-STYPE-1", SocketType.ROUTER, type(""));
        refusedType(c, "property name 'socket-type' (any case) with PUB to a DEALER", "23-META-2",
            SocketType.DEALER, props().prop("socket-type", "PUB"));
    }

    private static void tolerated(Cases c) {
        c.tolerates("no Socket-Type at all (the sender only SHOULD send it)", "23-META-3",
            NULL_DEALER, peer().nullGreeting().ready(props().prop("X-Foo", "bar")));
        c.tolerates("no properties at all", "23-READY-2", NULL_DEALER, peer().nullGreeting().ready(props()));
        c.tolerates("Identity of 255 octets to a ROUTER", "23-IDENT-3", NULL_ROUTER,
            peer().nullGreeting().ready(props().prop("Socket-Type", "DEALER").prop("Identity",
                Bodies.repeat('i', 255))));
        c.tolerates("empty Identity (libzmq ROUTER's READY)", "23-IDENT-3", NULL_DEALER,
            peer().nullGreeting().ready(routerThen().prop("Identity", "")));
        c.tolerates("unknown properties and empty values ('Resource', 'X-Empty')", "23-META-5", NULL_DEALER,
            peer().nullGreeting().ready(routerThen().prop("Resource", "a/b").prop("X-Empty", "")));
        c.tolerates("property name of 255 characters", "23-READY-4", NULL_DEALER,
            peer().nullGreeting().ready(routerThen().prop("X-" + "n".repeat(253), "v")));
        c.tolerates("property name using every allowed punctuation ('X-a_b.c+d')", "23-READY-3", NULL_DEALER,
            peer().nullGreeting().ready(routerThen().prop("X-a_b.c+d", "v")));
        MetadataBytes many = routerThen();
        for (int i = 0; i < 100_000; i++) {
            many.prop("X-" + i, "");
        }
        c.tolerates("100,000 distinct properties in one READY", "23-META-5", NULL_DEALER,
            peer().nullGreeting().ready(many));
        c.tolerates("property name 'SOCKET-TYPE' in upper case with ROUTER", "23-META-2", NULL_DEALER,
            peer().nullGreeting().ready(props().prop("SOCKET-TYPE", "ROUTER")));
    }
}
