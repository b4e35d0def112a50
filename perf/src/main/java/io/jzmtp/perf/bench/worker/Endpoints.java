package io.jzmtp.perf.bench.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The endpoint each run binds, by transport, and the ipc files to remove afterwards. */
final class Endpoints {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Endpoints() {
    }

    /**
     * @param transport {@code tcp}, {@code ipc} or {@code inproc}
     * @return the endpoint to bind: tcp on loopback with a wildcard port, a fresh ipc file or inproc name
     */
    static String bindTo(String transport) {
        int n = NEXT.incrementAndGet();
        return switch (transport) {
            case "tcp" -> "tcp://127.0.0.1:*";
            case "ipc" -> "ipc:///tmp/zmq-worker-" + ProcessHandle.current().pid() + "-" + n + ".ipc";
            case "inproc" -> "inproc://worker-" + n;
            default -> throw new IllegalArgumentException("transport " + transport + ": expected tcp, ipc or inproc");
        };
    }

    /**
     * Removes an ipc endpoint's file if the library left it; does nothing for other endpoints.
     *
     * @param endpoint an endpoint from {@link #bindTo}
     */
    static void cleanUp(String endpoint) {
        if (endpoint.startsWith("ipc://")) {
            try {
                Files.deleteIfExists(Path.of(endpoint.substring("ipc://".length())));
            } catch (IOException | RuntimeException e) {
                System.err.println("could not remove " + endpoint + ": " + e);
            }
        }
    }
}
