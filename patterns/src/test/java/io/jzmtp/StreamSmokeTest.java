package io.jzmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamSmokeTest {
    @Test
    void talksRawTcpWithAPlainSocket() throws Exception {
        try (Context ctx = Context.create();
             StreamSocket stream = ctx.stream()) {
            String ep = stream.bind("tcp://127.0.0.1:*");
            int port = Integer.parseInt(ep.substring(ep.lastIndexOf(':') + 1));
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(10_000);
                Message hello = stream.receive(Duration.ofSeconds(10));
                assertEquals(2, hello.size());
                assertEquals(0, hello.frame(1).length, "a new connection is announced with an empty payload");
                byte[] id = hello.frame(0);
                OutputStream out = client.getOutputStream();
                out.write("GET /".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Message data = stream.receive(Duration.ofSeconds(10));
                assertArrayEquals(id, data.frame(0));
                assertEquals("GET /", data.string(1));
                stream.send(Message.builder().add(id).add("200 OK").build());
                InputStream in = client.getInputStream();
                byte[] reply = in.readNBytes(6);
                assertEquals("200 OK", new String(reply, StandardCharsets.US_ASCII));
                stream.send(Message.builder().add(id).addEmpty().build());
                assertEquals(-1, in.read(), "sending an empty payload closes the connection");
            }
        }
    }

    @Test
    void refusesInprocAndUnknownIds() {
        try (Context ctx = Context.create();
             StreamSocket stream = ctx.stream()) {
            assertThrows(IllegalArgumentException.class, () -> stream.bind("inproc://raw"));
            assertThrows(HostUnreachableException.class, () -> stream.send(Message.of("nobody", "x")));
        }
    }
}
