package io.jzmtp.spec.interop;

import static io.jzmtp.spec.interop.Features.LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.StreamSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * STREAM: raw TCP, no ZMTP. Each connection is announced to the application by a message [routing id, empty
 * payload], data arrives as [routing id, bytes as the TCP stream delivered them], and sending [routing id, empty]
 * closes that connection; a peer's close is announced by [routing id, empty] too. Tried against a plain TCP peer
 * (java.net sockets) on both sides of the connection, and against libzmq's own STREAM socket both ways.
 */
@DisplayName("STREAM against a plain TCP peer and libzmq's STREAM")
@ExtendWith(InteropReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamRawTcpTest {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();
    private static final int BIG = 256 * 1024;

    private Context ctx;

    @BeforeEach
    void start() {
        ctx = Context.create();
    }

    @AfterEach
    void stop() {
        ctx.close(Duration.ZERO);
    }

    @Test
    void ourStream_rawTcpClient_tcp() throws Exception {
        StreamSocket stream = ctx.stream();
        int port = Features.port(stream.bind("tcp://127.0.0.1:*"));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout((int) LONG.toMillis());
            byte[] id = awaitConnection(stream);
            OutputStream out = client.getOutputStream();
            byte[] big = Frames.pattern(BIG);
            out.write(big);
            out.flush();
            assertArrayEquals(big, receiveBytes(stream, id, BIG), "the client's bytes, in order, whole");
            stream.send(Message.builder().add(id).add(big).build());
            InputStream in = client.getInputStream();
            assertArrayEquals(big, in.readNBytes(BIG), "our bytes at the client");
            client.shutdownOutput();
            Message gone = receive(stream);
            assertArrayEquals(id, gone.frame(0));
            assertEquals(0, gone.frame(1).length, "the client's close is announced with an empty payload");
        }
    }

    @Test
    void ourStream_rawTcpServer_tcp() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) LONG.toMillis());
            StreamSocket stream = ctx.stream();
            stream.connect("tcp://127.0.0.1:" + server.getLocalPort());
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout((int) LONG.toMillis());
                byte[] id = awaitConnection(stream);
                stream.send(Message.builder().add(id).add("GET / HTTP/1.0\r\n\r\n").build());
                InputStream in = accepted.getInputStream();
                assertEquals("GET / HTTP/1.0\r\n\r\n", new String(in.readNBytes(18), StandardCharsets.US_ASCII));
                accepted.getOutputStream().write("HTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.0 200 OK\r\n", new String(receiveBytes(stream, id, 17), StandardCharsets.US_ASCII));
                stream.send(Message.builder().add(id).addEmpty().build());
                assertEquals(-1, in.read(), "an empty payload closes the connection: the server reads end of stream");
            }
        }
    }

    @Test
    void ourStreamConnects_theirStream_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        String theirs = peer.socket("STREAM", Map.of(), false);
        String ep = peer.bind(theirs, "tcp://127.0.0.1:*");
        StreamSocket ours = ctx.stream();
        ours.connect(ep);
        exchange(peer, theirs, ours, awaitConnection(ours));
    }

    @Test
    void ourStreamBinds_theirStream_tcp() {
        LibzmqPeer peer = LIBZMQ.peer();
        StreamSocket ours = ctx.stream();
        String ep = ours.bind("tcp://127.0.0.1:*");
        String theirs = peer.socket("STREAM", Map.of(), false);
        peer.connect(theirs, ep);
        exchange(peer, theirs, ours, awaitConnection(ours));
    }

    /** Both sides announce the connection, bytes go both ways, and our close reaches libzmq as its notification. */
    private static void exchange(LibzmqPeer peer, String theirs, StreamSocket ours, byte[] ourId) {
        List<byte[]> hello = peer.recv(theirs, LONG);
        assertNotNull(hello, "libzmq's STREAM announced no connection");
        assertEquals(0, hello.get(1).length, "libzmq announces a new connection with an empty payload");
        byte[] theirId = hello.get(0);
        ours.send(Message.builder().add(ourId).add("ping").build());
        List<byte[]> got = peer.recv(theirs, LONG);
        assertNotNull(got, "libzmq received nothing");
        assertArrayEquals(theirId, got.get(0));
        assertEquals("ping", new String(got.get(1), StandardCharsets.US_ASCII));
        peer.send(theirs, List.of(theirId, "pong".getBytes(StandardCharsets.US_ASCII)), LONG, Duration.ZERO);
        assertEquals("pong", new String(receiveBytes(ours, ourId, 4), StandardCharsets.US_ASCII));
        ours.send(Message.builder().add(ourId).addEmpty().build());
        List<byte[]> bye = peer.recv(theirs, LONG);
        assertNotNull(bye, "libzmq saw no disconnection");
        assertArrayEquals(theirId, bye.get(0));
        assertEquals(0, bye.get(1).length, "our close reaches libzmq as its disconnection notice");
    }

    private static byte[] awaitConnection(StreamSocket stream) {
        Message hello = receive(stream);
        assertEquals(2, hello.size(), "frames of the connection notice");
        assertEquals(0, hello.frame(1).length, "a new connection is announced with an empty payload");
        return hello.frame(0);
    }

    /** Gathers exactly n bytes from one connection, however TCP split them. */
    private static byte[] receiveBytes(StreamSocket stream, byte[] id, int n) {
        ByteArrayOutputStream got = new ByteArrayOutputStream(n);
        while (got.size() < n) {
            Message m = receive(stream);
            assertArrayEquals(id, m.frame(0), "data from another connection");
            assertEquals(2, m.size(), "frames");
            got.writeBytes(m.frame(1));
        }
        assertEquals(n, got.size(), "bytes received");
        return got.toByteArray();
    }

    private static Message receive(StreamSocket stream) {
        Message m = stream.receive(LONG);
        assertNotNull(m, "our STREAM received nothing within " + LONG);
        return m;
    }
}
