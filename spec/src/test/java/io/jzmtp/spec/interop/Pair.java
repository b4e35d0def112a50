package io.jzmtp.spec.interop;

import java.nio.charset.StandardCharsets;

/**
 * The valid socket-type pairs (RFC 28–31; zmtp-notes §1.7), each with the scenario its cells run and the routing
 * ids its sides announce. Test code only.
 */
enum Pair {
    REQ_REP("REQ", "REP", null, null, Scenarios::reqRep),
    REQ_ROUTER("REQ", "ROUTER", "REQ-ID", null, Scenarios::reqRouter),
    DEALER_REP("DEALER", "REP", null, null, Scenarios::dealerRep),
    DEALER_ROUTER("DEALER", "ROUTER", null, null, Scenarios::dealerRouter),
    DEALER_DEALER("DEALER", "DEALER", null, null, Scenarios::dealerDealer),
    ROUTER_ROUTER("ROUTER", "ROUTER", "ROUTER-A", "ROUTER-B", Scenarios::routerRouter),
    PUB_SUB("PUB", "SUB", null, null, Scenarios::pubSub),
    PUB_XSUB("PUB", "XSUB", null, null, Scenarios::pubSub),
    XPUB_SUB("XPUB", "SUB", null, null, Scenarios::pubSub),
    XPUB_XSUB("XPUB", "XSUB", null, null, Scenarios::pubSub),
    PUSH_PULL("PUSH", "PULL", null, null, Scenarios::pushPull),
    PAIR_PAIR("PAIR", "PAIR", null, null, Scenarios::pairPair);

    /** What a cell does once the first side (a) and the second (b) are connected. */
    interface Scenario {
        void run(InteropSocket a, InteropSocket b, boolean aBinds);
    }

    final String a;
    final String b;
    final byte[] idA;
    final byte[] idB;
    final Scenario scenario;

    Pair(String a, String b, String idA, String idB, Scenario scenario) {
        this.a = a;
        this.b = b;
        this.idA = idA == null ? null : idA.getBytes(StandardCharsets.US_ASCII);
        this.idB = idB == null ? null : idB.getBytes(StandardCharsets.US_ASCII);
        this.scenario = scenario;
    }

    /** @return true for DEALER–DEALER, ROUTER–ROUTER and PAIR–PAIR, whose cells need only two roles */
    boolean symmetric() {
        return a.equals(b);
    }

    /** @return e.g. "REQ–REP" */
    String label() {
        return a + "–" + b;
    }
}
