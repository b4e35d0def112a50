package io.jzmtp.spec.engine;

import static io.jzmtp.spec.engine.EngineFixture.DEADLINE;
import static io.jzmtp.spec.engine.EngineFixture.HOST;
import static io.jzmtp.spec.engine.EngineFixture.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import io.jzmtp.spec.harness.FaultProxy;
import io.jzmtp.spec.harness.MonitorEvents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Disconnects and reconnects of a PUSH connecting to a PULL, with faults injected by a loopback {@link FaultProxy}
 * (reset, blackhole, half-close) or by the PULL going away and coming back; and the reconnect back-off.
 */
// A hard limit even for a thread stuck in a blocking socket read (which an interrupt does not end).
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReconnectTest {
    private Context ctx;
    private PullSocket pull;
    private String pullEndpoint;

    @BeforeEach
    void open() {
        ctx = Context.create();
        pull = ctx.pull();
        pullEndpoint = pull.bind("tcp://" + HOST + ":*");
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    private record Connector(PushSocket socket, MonitorEvents events) {
    }

    private Connector push(SocketOptions.Builder options, int port) {
        PushSocket push = ctx.push(options.build());
        MonitorEvents events = new MonitorEvents(push.monitor());
        push.connect("tcp://" + HOST + ":" + port);
        return new Connector(push, events);
    }

    private static SocketOptions.Builder fastReconnect() {
        return SocketOptions.builder().reconnectInterval(Duration.ofMillis(20));
    }

    /** Sends a fresh message and receives until it arrives (earlier ones may have been lost with a connection). */
    private void assertFlows(PushSocket push, PullSocket to, String text) {
        assertTrue(push.send(Message.of(text), DEADLINE), "send of " + text);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Message m = to.receive(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            assertNotNull(m, "'" + text + "' never arrived");
            if (m.string(0).equals(text)) {
                return;
            }
        }
    }

    /** Awaits the connector's way back: it retried, connected and completed a new handshake, in that order. */
    private static void assertReconnected(MonitorEvents events) {
        events.await(Kind.CONNECT_RETRIED, DEADLINE);
        events.await(Kind.CONNECTED, DEADLINE);
        events.await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
    }

    // Catches: a reset taken for a protocol error (no reconnect), a connector that stops after one loss, or a pipe
    // that does not survive the reconnection.
    @Test
    @DisplayName("a connection reset by the network: the PUSH reconnects and later messages arrive "
        + "[RFC 23-ERRH-4, 23-ERRH-5, 23-SOCK-3]")
    void resetConnectionIsReestablished() throws IOException {
        try (FaultProxy proxy = new FaultProxy(port(pullEndpoint))) {
            Connector c = push(fastReconnect(), proxy.port());
            c.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
            assertFlows(c.socket(), pull, "before");
            proxy.resetAll();
            SocketEvent lost = c.events().await(Kind.DISCONNECTED, DEADLINE);
            assertNull(lost.error(), "a reset is not a protocol error: " + lost);
            assertReconnected(c.events());
            assertFlows(c.socket(), pull, "after");
            assertEquals(2, proxy.accepted());
        }
    }

    // Catches: a fixed interval (no back-off), a back-off past the maximum, doubling from the wrong base, or jitter
    // outside [0, interval).
    @Test
    @DisplayName("reconnect delays against a closed port double from 20 ms up to the 160 ms maximum, plus jitter "
        + "below one interval [RFC 23-ERRH-6, 23-ERRH-7, 23-SOCK-2]")
    void reconnectIntervalGrowsExponentiallyUpToTheMaximum() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        // RFC 23-SOCK-2: connecting does not need the peer to be up; the attempts go on in the background.
        Connector c = push(fastReconnect().reconnectIntervalMax(Duration.ofMillis(160)), closedPort);
        List<Long> delays = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            delays.add(c.events().await(Kind.CONNECT_RETRIED, DEADLINE).value());
        }
        for (int k = 0; k < delays.size(); k++) {
            long base = Math.min(20L << k, 160);
            long d = delays.get(k);
            assertTrue(d >= base && d < base + 20, "delay " + k + " = " + d + " ms, expected [" + base + ", "
                + (base + 20) + "): all delays " + delays);
        }
    }

    // Catches: a dead connection (peer gone silent) never dropped by the connector's heartbeats, or not reconnected
    // after the heartbeat failure.
    @Test
    @DisplayName("a blackholed connection is dropped by heartbeats and re-established once traffic passes again "
        + "[RFC 37-PING-11, 37-PING-13]")
    void blackholeIsDetectedByHeartbeatsAndRecovered() throws IOException {
        try (FaultProxy proxy = new FaultProxy(port(pullEndpoint))) {
            Connector c = push(fastReconnect().heartbeatInterval(Duration.ofMillis(100))
                .heartbeatTimeout(Duration.ofMillis(300)).handshakeTimeout(Duration.ofMillis(300)), proxy.port());
            c.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
            assertFlows(c.socket(), pull, "before");
            proxy.mode(FaultProxy.Mode.BLACKHOLE);
            SocketEvent dead = c.events().await(Kind.DISCONNECTED, DEADLINE);
            assertNull(dead.error(), dead.toString());
            // While the partition lasts, new connections stall in the greeting and die by the handshake timeout.
            c.events().await(Kind.CONNECT_RETRIED, DEADLINE);
            SocketEvent stalled = c.events().await(Kind.HANDSHAKE_FAILED, DEADLINE);
            assertNull(stalled.error(), stalled.toString());
            proxy.mode(FaultProxy.Mode.PASS);
            assertReconnected(c.events());
            assertFlows(c.socket(), pull, "after");
        }
    }

    // Catches: end of stream on a half-closed connection not noticed (the connector would keep writing into it).
    @Test
    @DisplayName("a half-closed connection is treated as a disconnect and re-established [RFC 23-ERRH-4]")
    void halfCloseIsADisconnect() throws IOException {
        MonitorEvents pullEvents = new MonitorEvents(pull.monitor());
        try (FaultProxy proxy = new FaultProxy(port(pullEndpoint))) {
            Connector c = push(fastReconnect(), proxy.port());
            c.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
            pullEvents.await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
            assertFlows(c.socket(), pull, "before");
            proxy.halfCloseAll();
            assertNull(c.events().await(Kind.DISCONNECTED, DEADLINE).error());
            assertNull(pullEvents.await(Kind.DISCONNECTED, DEADLINE).error());
            assertReconnected(c.events());
            assertFlows(c.socket(), pull, "after");
        }
    }

    // Catches: a connector that gives up while the peer is down, or whose pipe is tied to the old connection.
    @Test
    @DisplayName("the PULL closes and a new one binds the same port: the PUSH reconnects and messages flow "
        + "[RFC 23-SOCK-2, 23-SOCK-3]")
    void pullRestartOnTheSamePort() {
        Connector c = push(fastReconnect(), port(pullEndpoint));
        c.events().await(Kind.HANDSHAKE_SUCCEEDED, DEADLINE);
        assertFlows(c.socket(), pull, "before");
        pull.close();
        assertNull(c.events().await(Kind.DISCONNECTED, DEADLINE).error());
        PullSocket again = ctx.pull();
        bindWithin(again, pullEndpoint);
        assertReconnected(c.events());
        assertFlows(c.socket(), again, "after");
    }

    /**
     * Binds, trying again while the old listener on the port is still closing on its I/O thread (closing a socket
     * never blocks); bounded by the deadline.
     */
    private static void bindWithin(PullSocket socket, String endpoint) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                socket.bind(endpoint);
                return;
            } catch (IllegalArgumentException inUse) {
                if (System.nanoTime() - deadline > 0) {
                    throw inUse;
                }
                Thread.onSpinWait();
            }
        }
    }
}
