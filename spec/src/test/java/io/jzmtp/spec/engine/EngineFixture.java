package io.jzmtp.spec.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jzmtp.PullSocket;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.spec.harness.MonitorEvents;
import io.jzmtp.spec.harness.RawPeer;
import io.jzmtp.spec.harness.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** What the engine tests share: deadlines, the raw handshake, checks of the bytes jzmtp sends. Test code only. */
final class EngineFixture {
    /** The deadline for anything that should happen promptly. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    /** The loopback host every test uses. */
    static final String HOST = "127.0.0.1";

    private EngineFixture() {
    }

    /** A socket bound on loopback, its monitor, and the port it listens on. */
    record Bound(PullSocket socket, MonitorEvents events, int port) {
    }

    /**
     * Binds a PULL socket on an ephemeral loopback port, with its monitor started first.
     *
     * @param pull the socket
     * @return the socket, its events and its port
     */
    static Bound bind(PullSocket pull) {
        MonitorEvents events = new MonitorEvents(pull.monitor());
        String endpoint = pull.bind("tcp://" + HOST + ":*");
        events.await(SocketEvent.Kind.LISTENING, DEADLINE);
        return new Bound(pull, events, port(endpoint));
    }

    /** @return the port of a {@code tcp://host:port} endpoint. */
    static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /**
     * Runs the NULL handshake as a PUSH client: sends a greeting and READY (in one write), then reads and checks
     * the socket's whole greeting and its READY.
     *
     * @param raw the raw peer
     * @param ourType the Socket-Type the socket under test must announce
     * @throws IOException if the connection breaks or a deadline passes
     */
    static void handshakeAsPush(RawPeer raw, String ourType) throws IOException {
        raw.send(Wire.concat(Wire.greeting("NULL", false), Wire.ready("PUSH")));
        assertFullGreeting(raw.read(Wire.GREETING_LENGTH, DEADLINE), "NULL");
        Wire.Frame ready = raw.readFrame(DEADLINE);
        assertEquals("READY", ready.commandName(), "the socket's first command: " + ready);
        assertArrayEquals(readyData(ourType), ready.commandData(), "the socket's READY metadata");
    }

    /** @return the metadata of a READY that carries only Socket-Type (what a socket with no options sends). */
    static byte[] readyData(String socketType) {
        byte[] frame = Wire.ready(socketType);
        return Arrays.copyOfRange(frame, 2 + 1 + "READY".length(), frame.length);
    }

    /**
     * Checks a whole 64-octet greeting as jzmtp sends it (RFC 23 23-GREET-1 .. 23-GREET-7, RFC 37 37-GREET-1).
     *
     * @param g the bytes
     * @param mechanism the expected mechanism
     */
    static void assertFullGreeting(byte[] g, String mechanism) {
        assertEquals(Wire.GREETING_LENGTH, g.length);
        assertNull(Wire.greetingPrefixProblem(g), () -> "greeting " + hex(g));
        assertEquals(1, g[11], "minor version");
        byte[] mech = Arrays.copyOfRange(g, 12, 32);
        byte[] want = Arrays.copyOf(mechanism.getBytes(StandardCharsets.US_ASCII), 20);
        assertArrayEquals(want, mech, () -> "mechanism field of " + hex(g));
        assertArrayEquals(new byte[31], Arrays.copyOfRange(g, 33, 64), () -> "filler of " + hex(g));
    }

    /** @return the bytes in hex, for failure messages. */
    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x ", x & 0xFF));
        }
        return s.toString().trim();
    }

    /** @return milliseconds since a {@link System#nanoTime()} reading. */
    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
