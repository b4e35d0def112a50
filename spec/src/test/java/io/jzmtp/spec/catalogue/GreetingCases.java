package io.jzmtp.spec.catalogue;

import static io.jzmtp.core.ProtocolError.UNSUPPORTED_VERSION;
import static io.jzmtp.core.ProtocolError.ZMTP_MECHANISM_MISMATCH;
import static io.jzmtp.spec.catalogue.Cases.at;
import static io.jzmtp.spec.catalogue.WireBuilder.ascii;
import static io.jzmtp.spec.catalogue.WireBuilder.peer;

import io.jzmtp.core.SocketType;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.connection.ZmtpConnection.Phase;
import java.util.List;

/**
 * The 64-octet greeting (RFC 23 "The Greeting", "Version Negotiation"; RFC 37). Mechanism octets are 12-31, so a
 * mechanism mismatch is decided at offset 31. A legacy peer is refused before it sees our mechanism: at most
 * our 10 signature octets, plus our major version once its signature checked out.
 */
final class GreetingCases {
    private static final LocalSide NULL_DEALER = LocalSide.nullSide(SocketType.DEALER);
    private static final LocalSide PLAIN_CLIENT = LocalSide.plainClient(SocketType.REQ);
    private static final LocalSide PLAIN_SERVER = LocalSide.plainServer(SocketType.REP);
    private static final int MECHANISM_END = 31;

    private GreetingCases() {
    }

    /** A valid NULL peer: greeting, then READY as a ROUTER. */
    private static WireBuilder nullPeer() {
        return peer().nullGreeting().readyAs("ROUTER");
    }

    /** A NULL peer whose greeting has octets from {@code offset} replaced. */
    private static WireBuilder nullPeerWith(int offset, int... octets) {
        return nullPeer().set(offset, octets);
    }

    /** A NULL peer whose mechanism field is exactly these 20 octets. */
    private static WireBuilder mechanismField(byte[] field) {
        WireBuilder w = nullPeer().fill(12, 20, 0);
        for (int i = 0; i < field.length; i++) {
            w.set(12 + i, field[i] & 0xFF);
        }
        return w;
    }

    static List<MalformedCase> cases() {
        Cases c = new Cases(Area.GREETING);
        legacyPeers(c);
        mechanisms(c);
        tolerated(c);
        return c.list();
    }

    private static void legacyPeers(Cases c) {
        c.failsHavingSentAtMost("signature octet 0 is 0x01 (ZMTP 1.0 peer, 0-octet identity)", "23-COMPAT-7",
            NULL_DEALER, nullPeerWith(0, 0x01), UNSUPPORTED_VERSION, at(0), 10);
        c.failsHavingSentAtMost("signature octet 0 is 0x00", "23-COMPAT-7",
            NULL_DEALER, nullPeerWith(0, 0x00), UNSUPPORTED_VERSION, at(0), 10);
        c.failsHavingSentAtMost("signature octet 0 is 0xFE", "23-GREET-2",
            NULL_DEALER, nullPeerWith(0, 0xFE), UNSUPPORTED_VERSION, at(0), 10);
        c.failsHavingSentAtMost("signature octets 0 and 9 swapped (7F ... FF)", "23-GREET-2",
            NULL_DEALER, nullPeerWith(0, 0x7F).set(9, 0xFF), UNSUPPORTED_VERSION, at(0), 10);
        c.failsHavingSentAtMost("ZMTP 1.0 identity frame 01 00 then a message frame 07 00 'sneaky'", "23-COMPAT-7",
            NULL_DEALER, peer().raw(0x01, 0x00, 0x07, 0x00).raw(ascii("sneaky")), UNSUPPORTED_VERSION, at(0), 10);
        c.failsHavingSentAtMost("signature octet 9 is 0x7E (bit 0 clear: ZMTP 1.0 peer, long identity)",
            "23-COMPAT-8", NULL_DEALER, nullPeerWith(9, 0x7E), UNSUPPORTED_VERSION, at(9), 10);
        c.failsHavingSentAtMost("signature octet 9 is 0x00", "23-COMPAT-8",
            NULL_DEALER, nullPeerWith(9, 0x00), UNSUPPORTED_VERSION, at(9), 10);
        c.failsHavingSentAtMost("signature octet 9 is 0xFE", "23-COMPAT-8",
            NULL_DEALER, nullPeerWith(9, 0xFE), UNSUPPORTED_VERSION, at(9), 10);
        c.failsHavingSentAtMost("major version 0 (ZMTP 1.0 revision)", "23-VER-12",
            NULL_DEALER, nullPeerWith(10, 0), UNSUPPORTED_VERSION, at(10), 11);
        c.failsHavingSentAtMost("major version 1 (ZMTP 2.0 peer)", "23-COMPAT-9",
            NULL_DEALER, nullPeerWith(10, 1), UNSUPPORTED_VERSION, at(10), 11);
        c.failsHavingSentAtMost("major version 2 (ZMTP 2.0 peer)", "23-COMPAT-9",
            NULL_DEALER, nullPeerWith(10, 2), UNSUPPORTED_VERSION, at(10), 11);
        c.failsHavingSentAtMost("major version 2 against a PLAIN server (no downgrade with security)",
            "23-COMPAT-10", PLAIN_SERVER, peer().greeting("PLAIN", false).set(10, 2).hello("admin", "secret"),
            UNSUPPORTED_VERSION, at(10), 11);
    }

    private static void mechanisms(Cases c) {
        c.fails("mechanism CURVE against NULL", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("CURVE")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism lowercase 'null'", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("null")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism PLAIN against NULL", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("PLAIN")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism NULL against a PLAIN client", "23-MECH-11",
            PLAIN_CLIENT, peer().nullGreeting().readyAs("REP"), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism NULL against a PLAIN server", "23-MECH-11",
            PLAIN_SERVER, peer().nullGreeting().readyAs("REQ"), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism 'NULL' padded with spaces, not NULs", "23-GREET-5",
            NULL_DEALER, mechanismField(ascii("NULL                ")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism 'NULL', a NUL, then 'XYZ' in the padding", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("NULL\0XYZ")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism 'NULL' with 0x01 in its last padding octet", "23-MECH-11",
            NULL_DEALER, nullPeerWith(MECHANISM_END, 0x01), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism field all NUL (empty name)", "23-GREET-5",
            NULL_DEALER, mechanismField(new byte[0]), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism 'NULLX' (ours as a prefix)", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("NULLX")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism 'NUL' (a prefix of ours)", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("NUL")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism ' NULL' (leading space)", "23-GREET-5",
            NULL_DEALER, mechanismField(ascii(" NULL")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism field all 0xFF", "23-GREET-5",
            NULL_DEALER, mechanismField(Bodies.repeat(0xFF, 20)), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
        c.fails("mechanism unknown 'GSSAPI'", "23-MECH-11",
            NULL_DEALER, mechanismField(ascii("GSSAPI")), ZMTP_MECHANISM_MISMATCH, at(MECHANISM_END));
    }

    private static void tolerated(Cases c) {
        c.tolerates("baseline: valid NULL greeting and READY", "23-GREET-1", NULL_DEALER, nullPeer());
        c.tolerates("padding all 0xFF (not significant)", "23-VER-8",
            NULL_DEALER, nullPeer().fill(1, 8, 0xFF));
        c.tolerates("padding all zero (demanding mode)", "23-VER-8", NULL_DEALER, nullPeer().fill(1, 8, 0));
        c.tolerates("padding = identity length + 1 = 6 (detecting mode)", "23-VER-5",
            NULL_DEALER, nullPeer().set(8, 6));
        c.tolerates("signature octet 9 is 0xFF (only bit 0 is significant)", "23-COMPAT-9",
            NULL_DEALER, nullPeerWith(9, 0xFF));
        c.tolerates("as-server 1 with NULL (carries no meaning)", "23-TOPO-3", NULL_DEALER, nullPeerWith(32, 1));
        c.tolerates("as-server 0xFF with NULL", "23-GREET-6", NULL_DEALER, nullPeerWith(32, 0xFF));
        c.tolerates("filler all 0xFF", "23-GREET-7", NULL_DEALER, nullPeer().fill(33, 31, 0xFF));
        c.tolerates("minor version 0 (ZMTP 3.0 rules)", "37-VER-2",
            NULL_DEALER, nullPeerWith(11, 0), List.of(), ZmtpVersion.V3_0);
        c.tolerates("minor version 9 (later 3.x)", "37-VER-1",
            NULL_DEALER, nullPeerWith(11, 9), List.of(), ZmtpVersion.V3_1);
        c.tolerates("major version 4 (a future major)", "23-VER-9",
            NULL_DEALER, nullPeerWith(10, 4), List.of(), ZmtpVersion.V3_1);
        c.tolerates("major 255, minor 255", "23-VER-9",
            NULL_DEALER, nullPeerWith(10, 255, 255), List.of(), ZmtpVersion.V3_1);
        c.tolerates("PLAIN server announcing as-server 0 (libzmq, JeroMQ)", "23-TOPO-2",
            PLAIN_CLIENT, peer().greeting("PLAIN", false).welcome().readyAs("REP"));
        c.tolerates("PLAIN client announcing as-server 1 (both sides claim the server role)", "24-MECH-2",
            PLAIN_SERVER, peer().greeting("PLAIN", true).hello("admin", "secret").initiateAs("REQ"));
        c.waits("greeting stops after 63 octets (a stall, for the handshake timer)", "23-GREET-1",
            NULL_DEALER, peer().raw(java.util.Arrays.copyOf(peer().nullGreeting().bytes(), 63)), Phase.GREETING);
        c.waits("greeting stops after the 10-octet signature", "23-VER-4",
            NULL_DEALER, peer().raw(java.util.Arrays.copyOf(peer().nullGreeting().bytes(), 10)), Phase.GREETING);
    }
}
