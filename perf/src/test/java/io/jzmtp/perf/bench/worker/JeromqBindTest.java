package io.jzmtp.perf.bench.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ 0.6's ipc is loopback tcp on a port made from the name's hash (its {@code IpcAddress}: 10000 plus the
 * hash's absolute value modulo 55536); a worker whose port is held by another socket binds under another name.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JeromqBindTest {

    private static int jeromqIpcPort(String name) {
        return Math.abs(name.hashCode()) % 55536 + 10000;
    }

    @Test
    void anIpcBindWhosePortIsTakenMovesToAnotherNameAndCarriesMessages() throws IOException {
        String name = null;
        ServerSocket holder = null;
        for (int i = 0; holder == null; i++) {
            String candidate = "/tmp/jzmtp-jeromq-bind-test-" + ProcessHandle.current().pid() + "-" + i + ".ipc";
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), jeromqIpcPort(candidate)));
                holder = s;
                name = candidate;
            } catch (IOException inUse) {
                s.close(); // that port is someone else's: another name
            }
        }
        try (ServerSocket held = holder; ZContext ctx = new ZContext()) {
            assertTrue(held.isBound(), "the name's port is held while JeroMQ binds");
            ZMQ.Socket pull = Jeromq.socket(ctx, SocketType.PULL);
            String bound = Jeromq.bind(pull, "ipc://" + name);
            assertNotEquals("ipc://" + name, bound, "the taken name was not moved off");
            assertTrue(bound.startsWith("ipc://" + name), bound);

            ZMQ.Socket push = Jeromq.socket(ctx, SocketType.PUSH);
            Jeromq.connect(push, bound);
            pull.setReceiveTimeOut(10_000);
            assertTrue(push.send(new byte[] {1, 2, 3}));
            assertArrayEquals(new byte[] {1, 2, 3}, pull.recv(0));
        }
    }
}
