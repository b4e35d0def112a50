package io.jzmtp.spec.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The three transports every contract test runs over, and how a test names an endpoint on each. */
enum TransportKind {
    TCP, IPC, INPROC;

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** @return an endpoint to bind: a wildcard port for tcp, a file in {@code dir} for ipc, a fresh inproc name */
    String bindable(Path dir, String name) {
        switch (this) {
            case TCP:
                return "tcp://127.0.0.1:*";
            case IPC:
                return "ipc://" + dir.resolve(name + ".sock");
            default:
                return "inproc://" + name + "-" + NAMES.incrementAndGet();
        }
    }

    /**
     * @return a concrete endpoint known before anything binds it, for connect-before-bind: for tcp a port the kernel
     *     just handed out and released (nothing else on this host is expected to take it within the test)
     */
    String concrete(Path dir, String name) {
        if (this != TCP) {
            return bindable(dir, name);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return true for transports with a connection, an engine and a handshake (tcp and ipc) */
    boolean isStream() {
        return this != INPROC;
    }
}
