package io.jzmtp.spec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.ZSocket;
import io.jzmtp.monitor.SocketEvent;
import io.jzmtp.monitor.SocketEvent.Kind;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What tcp and ipc endpoints accept, report and leave behind. */
@Timeout(30)
class EndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern TCP = Pattern.compile("tcp://(.+):(\\d+)");

    @TempDir
    Path dir;
    Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close(Duration.ZERO);
    }

    /** Sends one message from a new PUSH connected to {@code connectTo} and receives it on {@code pull}. */
    private void assertReachable(PullSocket pull, String connectTo) {
        PushSocket push = ctx.push();
        push.connect(connectTo);
        push.send("via " + connectTo);
        Message m = pull.receive(WAIT);
        assertNotNull(m, "no message through " + connectTo);
        assertEquals("via " + connectTo, m.string(0));
        push.close();
    }

    private static int port(String endpoint) {
        Matcher m = TCP.matcher(endpoint);
        assertTrue(m.matches(), "a tcp endpoint with a port: " + endpoint);
        return Integer.parseInt(m.group(2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp://127.0.0.1:*", "tcp://127.0.0.1:0"})
    void wildcardPortReturnsTheActualPort(String requested) throws IOException {
        PullSocket pull = ctx.pull();
        String bound = pull.bind(requested);
        int port = port(bound);
        assertEquals("tcp://127.0.0.1:" + port, bound);
        assertTrue(port > 0, "an actual port: " + bound);
        try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            assertTrue(plain.isConnected(), "the reported port accepts connections");
        }
        assertReachable(pull, bound);
    }

    @Test
    void wildcardHostAndPortReportAllInterfacesAndAcceptLoopback() {
        PullSocket pull = ctx.pull();
        String bound = pull.bind("tcp://*:*");
        int port = port(bound);
        assertEquals("tcp://0.0.0.0:" + port, bound);
        assertReachable(pull, "tcp://127.0.0.1:" + port);
    }

    private static boolean hasIpv6Loopback() throws SocketException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet6Address && a.isLoopbackAddress()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void ipv6LoopbackWithWildcardPort() throws IOException {
        Assumptions.assumeTrue(hasIpv6Loopback(), "SKIPPED: this host has no IPv6 loopback (::1) on an up interface");
        PullSocket pull = ctx.pull(SocketOptions.builder().ipv6(true).build());
        String bound = pull.bind("tcp://[::1]:*");
        Matcher m = Pattern.compile("tcp://\\[(.+)]:(\\d+)").matcher(bound);
        assertTrue(m.matches(), "a bracketed IPv6 endpoint: " + bound);
        InetAddress host = InetAddress.getByName(m.group(1));
        assertTrue(host instanceof Inet6Address && host.isLoopbackAddress(), "bound to ::1: " + bound);
        PushSocket push = ctx.push(SocketOptions.builder().ipv6(true).build());
        push.connect("tcp://[::1]:" + m.group(2));
        push.send("v6");
        Message got = pull.receive(WAIT);
        assertNotNull(got, "no message over IPv6");
        assertEquals("v6", got.string(0));
        assertReachable(pull, bound);
    }

    @Test
    void hostNamesResolve() {
        PullSocket pull = ctx.pull();
        String bound = pull.bind("tcp://localhost:*");
        int port = port(bound);
        assertEquals("tcp://127.0.0.1:" + port, bound, "localhost binds the IPv4 loopback without ipv6");
        assertReachable(pull, "tcp://localhost:" + port);
    }

    @Test
    void bindingATcpPortTwiceFailsNamingTheEndpointAndReportsBindFailed() {
        PullSocket first = ctx.pull();
        String bound = first.bind("tcp://127.0.0.1:*");
        PullSocket second = ctx.pull();
        Events events = new Events(second);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> second.bind(bound));
        assertTrue(e.getMessage().contains(bound), "the message names the endpoint: " + e.getMessage());
        SocketEvent failed = events.await(Kind.BIND_FAILED);
        assertEquals(bound, failed.endpoint());
        assertReachable(first, bound);
    }

    /** Leaves a socket file behind as a dead process would: bound, closed, never unlinked. */
    private Path staleSocketFile(String name) throws IOException {
        Path path = dir.resolve(name);
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(Files.exists(path), "precondition: closing a channel leaves its socket file");
        return path;
    }

    @Test
    void staleIpcFileDoesNotPreventBind() throws IOException {
        Path path = staleSocketFile("stale.sock");
        PullSocket pull = ctx.pull();
        String bound = pull.bind("ipc://" + path);
        assertEquals("ipc://" + path, bound);
        assertReachable(pull, bound);
    }

    @Test
    void ipcFileIsRemovedOnUnbind() {
        Path path = dir.resolve("unbind.sock");
        PullSocket pull = ctx.pull();
        String bound = pull.bind("ipc://" + path);
        assertTrue(Files.exists(path), "bind creates the socket file");
        pull.unbind(bound);
        Await.until(WAIT, () -> !Files.exists(path), "unbind removed " + path);
    }

    @Test
    void ipcFileIsRemovedOnSocketClose() {
        Path path = dir.resolve("close.sock");
        PullSocket pull = ctx.pull();
        pull.bind("ipc://" + path);
        assertTrue(Files.exists(path), "bind creates the socket file");
        pull.close();
        Await.until(WAIT, () -> !Files.exists(path), "socket close removed " + path);
    }

    @Test
    void ipcFileIsGoneWhenContextCloseReturns() {
        Path path = dir.resolve("ctx.sock");
        Context own = Context.create();
        PullSocket pull = own.pull();
        pull.bind("ipc://" + path);
        PushSocket push = own.push();
        push.connect("ipc://" + path);
        push.send("x");
        assertNotNull(pull.receive(WAIT));
        own.close();
        assertFalse(Files.exists(path), "context close leaves no socket file behind");
    }

    @Test
    void bindingAnIpcPathWhereALiveListenerAcceptsFails() throws IOException {
        Path path = dir.resolve("live.sock");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(path));
            PullSocket pull = ctx.pull();
            Events events = new Events(pull);
            String endpoint = "ipc://" + path;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pull.bind(endpoint));
            assertTrue(e.getMessage().contains(endpoint), "the message names the endpoint: " + e.getMessage());
            assertEquals(endpoint, events.await(Kind.BIND_FAILED).endpoint());
            // The live listener's file was left alone: it still accepts.
            assertTrue(Files.exists(path), "the live listener's file is still there");
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                assertTrue(client.isConnected());
            }
        }
    }

    @Test
    void bindingAnIpcPathAnotherSocketListensOnFails() {
        String endpoint = "ipc://" + dir.resolve("twice.sock");
        PullSocket first = ctx.pull();
        first.bind(endpoint);
        PullSocket second = ctx.pull();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> second.bind(endpoint));
        assertTrue(e.getMessage().contains(endpoint), e.getMessage());
        assertReachable(first, endpoint);
    }

    private static void assertBad(String endpoint, Consumer<String> call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(endpoint),
            "endpoint " + endpoint);
        assertTrue(e.getMessage().contains(endpoint) && e.getMessage().contains("expected"),
            "the message names the endpoint and what was expected: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1:5555", "://x", "udp://127.0.0.1:5555", "tcp://127.0.0.1", "tcp://127.0.0.1:",
        "tcp://:5555", "tcp://127.0.0.1:65536", "tcp://127.0.0.1:-1", "tcp://127.0.0.1:http", "tcp://::1:5555",
        "tcp://[::1:5555", "tcp://[]:5555", "ipc://", "inproc://",
        "ipc:///tmp/a-path-much-too-long-for-a-unix-socket-address-because-sun-path-holds-only-108-bytes-on-linux-so-this-one-is-refused.sock"})
    void malformedEndpointsAreRefusedByBindAndConnect(String endpoint) {
        ZSocket s = ctx.pull();
        assertBad(endpoint, s::bind);
        assertBad(endpoint, s::connect);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp://*:5555", "tcp://127.0.0.1:*", "tcp://127.0.0.1:0", "ipc://*"})
    void wildcardsAreForBindOnly(String endpoint) {
        assertBad(endpoint, ctx.push()::connect);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp://192.0.2.1:5555", "tcp://no-such-host.invalid:5555"})
    void addressesThisHostCannotBindAreRefused(String endpoint) {
        PullSocket pull = ctx.pull();
        Events events = new Events(pull);
        assertBad(endpoint, pull::bind);
        events.await(Kind.BIND_FAILED);
    }

    @Test
    void unbindAndDisconnectOfUnknownEndpointsAreRefused() {
        PullSocket pull = ctx.pull();
        String bound = pull.bind("tcp://127.0.0.1:*");
        assertBad("tcp://127.0.0.1:1", pull::unbind);
        assertBad(bound, pull::disconnect);
        pull.connect("tcp://127.0.0.1:1");
        assertBad("tcp://127.0.0.1:1", pull::unbind);
    }
}
