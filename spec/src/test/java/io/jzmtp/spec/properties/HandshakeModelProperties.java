package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * Stateful model tests (test-plan 5.3 item 7): a client and a server connection are driven by random action
 * chains (deliver k bytes either way, answer authentication, send traffic, corrupt or inject frames) and after
 * every action both are compared with {@link HandshakeModel}; at the end everything is delivered and the outcome
 * is checked against the RFC flows.
 */
class HandshakeModelProperties {
    @Provide
    Arbitrary<ActionChain<HandshakeWorld>> nullChains() {
        return chains(HandshakeWorld.Scenario.NULL);
    }

    @Provide
    Arbitrary<ActionChain<HandshakeWorld>> nullAuthChains() {
        return chains(HandshakeWorld.Scenario.NULL_AUTH);
    }

    @Provide
    Arbitrary<ActionChain<HandshakeWorld>> plainChains() {
        return chains(HandshakeWorld.Scenario.PLAIN);
    }

    // RFC 23-NULL-2, 23-NULL-3, 23-NULL-4, 23-NULL-5, 23-NULL-7, 23-NULL-8, 23-NULL-9, 37-NULL-2, 37-NULL-5,
    // 37-NULL-7, 23-STYPE-2, 23-STYPE-3, 23-META-3, 23-META-4, 23-IDENT-1, 23-VER-3, 23-GREET-8, 23-ERRH-1,
    // 23-CMD-3, 23-SUB-3, 23-SUB-5, 37-PING-2.
    @Property
    @Label("23-NULL-2..9, 37-NULL-7, 23-STYPE-2/3: NULL handshakes follow the model under any delivery and faults")
    void nullHandshakesFollowTheModel(@ForAll("nullChains") ActionChain<HandshakeWorld> chain) {
        outcome(run(chain));
    }

    // As above, plus 23-ERROR-2 and ZAP (RFC 27) through the mechanism: READY is held back until authentication
    // accepts the peer.
    @Property
    @Label("23-NULL-*, 23-ERROR-2: NULL with authentication follows the model; a refusal fails with the status")
    void nullAuthenticatedHandshakesFollowTheModel(@ForAll("nullAuthChains") ActionChain<HandshakeWorld> chain) {
        outcome(run(chain));
    }

    // RFC 24-FLOW-1, 24-FLOW-2, 24-FLOW-3, 24-FLOW-4, 24-FLOW-5, 24-FLOW-6, 24-FLOW-7, 24-FLOW-8, 24-HELLO-1,
    // 24-HELLO-2, 24-HELLO-3, 24-WELCOME-1, 24-INITIATE-1, 24-READY-1, 24-ERROR-1, 24-MECH-2.
    @Property
    @Label("24-FLOW-1..8, 24-HELLO/WELCOME/INITIATE/READY: PLAIN handshakes follow the model")
    void plainHandshakesFollowTheModel(@ForAll("plainChains") ActionChain<HandshakeWorld> chain) {
        outcome(run(chain));
    }

    private static HandshakeWorld run(ActionChain<HandshakeWorld> chain) {
        HandshakeWorld w = chain.withInvariant("matches the model", HandshakeWorld::check).run();
        w.finish();
        return w;
    }

    /** The end state, after everything was delivered and any pending request accepted. */
    private static void outcome(HandshakeWorld w) {
        HandshakeWorld.Config cfg = w.cfg;
        boolean refused = w.decision != null && !w.decision.equals("200");
        boolean undisturbed = w.faults == 0 && cfg.maxFrameSize() < 0;
        String label;
        if (undisturbed && cfg.compatible() && !refused) {
            // Everything delivered, authentication accepted: both sides ready, all traffic delivered in order.
            assertTrue(w.client.conn.isReady(), "client ready");
            assertTrue(w.server.conn.isReady(), "server ready");
            assertEquals(w.client.sent, w.server.recorder.events, "client traffic at the server");
            assertEquals(w.server.sent, w.client.recorder.events, "server traffic at the client");
            label = "both ready";
        } else if (undisturbed && refused) {
            // RFC 24-FLOW-3, 23-ERROR-2: refused with AUTHENTICATION_FAILED and the ZAP status as ERROR reason;
            // the client receives that ERROR (23-ERRH-1).
            assertNotNull(w.server.failure);
            assertEquals(ProtocolError.AUTHENTICATION_FAILED, w.server.failure.error());
            assertEquals(w.decision, w.server.failure.errorReply());
            assertFalse(w.server.conn.isReady());
            assertNotNull(w.client.failure);
            assertEquals(ProtocolError.ERROR_RECEIVED, w.client.failure.error());
            assertFalse(w.client.everReady);
            label = "refused " + w.decision;
        } else if (undisturbed && !cfg.compatible()) {
            // RFC 23-STYPE-2/3: nobody gets ready; somebody refuses the socket type.
            assertFalse(w.client.everReady || w.server.everReady, "ready with incompatible socket types");
            assertTrue(w.client.failure != null && w.server.failure != null, "both sides closed");
            assertTrue(w.client.failure.error() == ProtocolError.INCOMPATIBLE_SOCKET_TYPE
                || w.server.failure.error() == ProtocolError.INCOMPATIBLE_SOCKET_TYPE);
            label = "incompatible";
        } else {
            label = w.faults > 0 ? "faults" : "frame limit";
        }
        Statistics.label("outcome").collect(label);
        Statistics.label("client").collect(w.client.failure == null ? "ok" : w.client.failure.error().name());
        Statistics.label("server").collect(w.server.failure == null ? "ok" : w.server.failure.error().name());
    }

    static Arbitrary<ActionChain<HandshakeWorld>> chains(HandshakeWorld.Scenario scenario) {
        return configs(scenario).flatMap(cfg -> ActionChain.startWith(() -> new HandshakeWorld(cfg))
            .withAction(10, HandshakeActions.deliver(true))
            .withAction(10, HandshakeActions.deliver(false))
            .withAction(4, HandshakeActions.answer())
            .withAction(3, HandshakeActions.send(true))
            .withAction(3, HandshakeActions.send(false))
            .withAction(1, HandshakeActions.corruptGreeting(true))
            .withAction(1, HandshakeActions.corruptGreeting(false))
            .withAction(1, HandshakeActions.rewriteFlags(true))
            .withAction(1, HandshakeActions.rewriteFlags(false))
            .withAction(1, HandshakeActions.corruptName(true))
            .withAction(1, HandshakeActions.corruptName(false))
            .withAction(1, HandshakeActions.corruptAnywhere(true))
            .withAction(1, HandshakeActions.corruptAnywhere(false))
            .withAction(2, HandshakeActions.inject(true))
            .withAction(2, HandshakeActions.inject(false))
            .withAction(1, Action.just(Transformer.endOfChain()))
            .withMaxTransformations(60));
    }

    static Arbitrary<HandshakeWorld.Config> configs(HandshakeWorld.Scenario scenario) {
        Arbitrary<SocketType[]> compatible = Arbitraries.of(SocketType.class).filter(t -> !t.peers().isEmpty())
            .flatMap(t -> Arbitraries.of(t.peers()).map(p -> new SocketType[] {t, p}));
        Arbitrary<SocketType[]> any = Combinators.combine(Arbitraries.of(SocketType.class),
            Arbitraries.of(SocketType.class)).as((a, b) -> new SocketType[] {a, b});
        Arbitrary<SocketType[]> types = Arbitraries.frequencyOf(Tuple.of(6, compatible), Tuple.of(1, any));
        Arbitrary<byte[]> ids = Arbitraries.frequencyOf(Tuple.of(4, FrameArbitraries.bytesOfSizeUpTo(8)),
            Tuple.of(1, FrameArbitraries.bytesOfSizeUpTo(255)));
        Arbitrary<List<byte[]>> app = FrameArbitraries.bytesOfSizeUpTo(400).list().ofMaxSize(3);
        Arbitrary<byte[]> credentials = Arbitraries.frequencyOf(Tuple.of(4, FrameArbitraries.bytesOfSizeUpTo(10)),
            Tuple.of(1, FrameArbitraries.bytesOfSizeUpTo(255)));
        Arbitrary<Long> limits = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(-1L)),
            Tuple.of(1, Arbitraries.longs().between(200, 3000)));
        Arbitrary<Integer> budgets = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
            Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(2, 3)));
        Arbitrary<Object[]> idsAndCredentials = Combinators.combine(ids, ids, credentials, credentials)
            .as((a, b, c, d) -> new Object[] {a, b, c, d});
        Arbitrary<String> verdicts = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just("200")),
            Tuple.of(3, Arbitraries.of("300", "400", "500")));
        return Combinators.combine(types, idsAndCredentials, app, limits, budgets, Arbitraries.integers().between(0, 3),
            verdicts).as((t, x, values, max, budget, pause, verdict) -> new HandshakeWorld.Config(scenario, t[0], t[1],
                (byte[]) x[0], (byte[]) x[1], values, (byte[]) x[2], (byte[]) x[3], max, budget, pause, verdict));
    }
}
