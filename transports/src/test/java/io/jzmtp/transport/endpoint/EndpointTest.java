package io.jzmtp.transport.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.transport.endpoint.Endpoint.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void parsesTcpForms() {
        assertEquals(new Endpoint(Transport.TCP, "127.0.0.1", 5555, null), Endpoint.parse("tcp://127.0.0.1:5555"));
        assertEquals(new Endpoint(Transport.TCP, "*", 0, null), Endpoint.parse("tcp://*:*"));
        assertEquals(new Endpoint(Transport.TCP, "::1", 7, null), Endpoint.parse("tcp://[::1]:7"));
        assertEquals(new Endpoint(Transport.TCP, "localhost", 0, null), Endpoint.parse("tcp://localhost:0"));
        assertEquals("tcp://[::1]:7", Endpoint.parse("tcp://[::1]:7").toString());
        assertTrue(Endpoint.parse("tcp://*:1").isWildcardHost());
    }

    @Test
    void parsesIpcAndInproc() {
        assertEquals(new Endpoint(Transport.IPC, null, -1, "/tmp/x.sock"), Endpoint.parse("ipc:///tmp/x.sock"));
        assertEquals(new Endpoint(Transport.INPROC, null, -1, "a.b"), Endpoint.parse("inproc://a.b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tcp:/x:1", "udp://x:1", "tcp://x", "tcp://:1", "tcp://x:", "tcp://x:65536",
        "tcp://x:-1", "tcp://x:+1", "tcp://::1:5", "tcp://[::1:5", "tcp://[]:5", "ipc://", "inproc://"})
    void rejectsMalformedEndpointsNamingThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void rejectsOverlongIpcPathsAndInprocNames() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("ipc:///" + "a".repeat(107)));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("inproc://" + "a".repeat(257)));
    }
}
