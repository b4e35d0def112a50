package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A libzmq peer process: {@code interop/zmq_peer.py} run by Debian's Python (pyzmq on libzmq), driven by one JSON
 * command per line. Every reply has a hard deadline (the command's own timeout plus {@link #MARGIN}); a peer that
 * misses it is killed and the test fails. One process hosts many sockets. Test code only; one thread at a time.
 */
final class LibzmqPeer implements AutoCloseable {
    /** Debian's interpreter: the python3 on PATH may not see Debian's packages. */
    static final String PYTHON = "/usr/bin/python3";
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final String EOF = "\u0000EOF";
    private static final AtomicInteger SOCKET_IDS = new AtomicInteger();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Set<String> open = new LinkedHashSet<>();
    private final Map<String, Object> version;

    private LibzmqPeer(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        daemon("libzmq-peer-stdout", () -> pump(process.getInputStream(), true));
        daemon("libzmq-peer-stderr", () -> pump(process.getErrorStream(), false));
        this.version = call(cmd("op", "version"), Duration.ZERO);
    }

    /** @return a started peer; fails or aborts the test (see {@link PeerAvailability}) if it cannot run here */
    static LibzmqPeer start() {
        PeerAvailability.requireLibzmq();
        try {
            Process p = new ProcessBuilder(PYTHON, "-u", script().toString()).start();
            return new LibzmqPeer(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the libzmq peer", e);
        }
    }

    private static Path script() throws IOException {
        URL url = LibzmqPeer.class.getResource("/interop/zmq_peer.py");
        if (url == null) {
            throw new IOException("interop/zmq_peer.py is not on the test classpath");
        }
        if (url.getProtocol().equals("file")) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Path tmp = Files.createTempFile("zmq_peer", ".py");
        tmp.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void pump(InputStream in, boolean isReplies) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (isReplies) {
                    replies.add(line);
                } else if (stderr.length() < 20_000) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended: the EOF marker below tells the waiting caller
        } finally {
            if (isReplies) {
                replies.add(EOF);
            }
        }
    }

    /** @return the versions the peer reports: zmq (libzmq), pyzmq, python */
    Map<String, Object> version() {
        return version;
    }

    /** @return a new, process-wide unique socket id */
    static String newId() {
        return "s" + SOCKET_IDS.incrementAndGet();
    }

    /** @return a command map from alternating keys and values */
    static Map<String, Object> cmd(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** @return bytes as the peer's option and frame encoding: {"b64": ...} */
    static Map<String, Object> bytes(byte[] b) {
        return cmd("b64", Base64.getEncoder().encodeToString(b));
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @param command the command
     * @param own the command's own timeout (added to the margin)
     * @return the reply, whose "ok" is true
     */
    Map<String, Object> call(Map<String, Object> command, Duration own) {
        Map<String, Object> r = tryCall(command, own);
        if (!Boolean.TRUE.equals(r.get("ok"))) {
            fail("libzmq peer refused " + brief(command) + ": " + r.get("error"));
        }
        return r;
    }

    /** Like {@link #call}, but returns a refusal ("ok": false) instead of failing. */
    @SuppressWarnings("unchecked")
    Map<String, Object> tryCall(Map<String, Object> command, Duration own) {
        Duration limit = own.plus(MARGIN);
        try {
            stdin.write((Json.write(command) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String line = replies.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                kill();
                fail("libzmq peer did not answer " + brief(command) + " within " + limit + " (killed); stderr: "
                    + stderr);
            }
            if (line.equals(EOF)) {
                fail("libzmq peer ended while asked " + brief(command) + "; stderr: " + stderr);
            }
            return (Map<String, Object>) Json.parse(line);
        } catch (IOException e) {
            return fail("libzmq peer unreachable for " + brief(command) + ": " + e + "; stderr: " + stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return fail("interrupted while waiting for the libzmq peer (killed)");
        }
    }

    private static String brief(Map<String, Object> command) {
        String s = Json.write(command);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * Creates a socket.
     *
     * @param type the socket type, e.g. "REQ"
     * @param options socket options by libzmq name (ints, booleans, text or {@link #bytes})
     * @param monitor true to collect its monitor events from the start
     * @return its id
     */
    String socket(String type, Map<String, Object> options, boolean monitor) {
        String id = newId();
        call(cmd("op", "socket", "id", id, "type", type, "options", options, "monitor", monitor), Duration.ZERO);
        open.add(id);
        return id;
    }

    /** @return the bound endpoint (LAST_ENDPOINT) */
    String bind(String id, String endpoint) {
        return (String) call(cmd("op", "bind", "id", id, "endpoint", endpoint), Duration.ZERO).get("endpoint");
    }

    /** @return the bound endpoint, or null if libzmq refused the bind (e.g. the address is still in use) */
    String tryBind(String id, String endpoint) {
        Map<String, Object> r = tryCall(cmd("op", "bind", "id", id, "endpoint", endpoint), Duration.ZERO);
        return Boolean.TRUE.equals(r.get("ok")) ? (String) r.get("endpoint") : null;
    }

    void connect(String id, String endpoint) {
        call(cmd("op", "connect", "id", id, "endpoint", endpoint), Duration.ZERO);
    }

    void setOptions(String id, Map<String, Object> options) {
        call(cmd("op", "setsockopt", "id", id, "options", options), Duration.ZERO);
    }

    /**
     * Sends a message.
     *
     * @param id the socket
     * @param frames each a byte array, or {@code Map.of("pattern", n)} for n pattern bytes made by the peer
     * @param timeout how long the send may wait for room or a peer
     * @param retryUnreachable how long to retry while a ROUTER (mandatory) has no route yet
     */
    void send(String id, List<?> frames, Duration timeout, Duration retryUnreachable) {
        List<Object> wire = new ArrayList<>(frames.size());
        for (Object f : frames) {
            wire.add(f instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : f);
        }
        call(cmd("op", "send", "id", id, "frames", wire, "timeout_ms", timeout.toMillis(), "retry_unreachable_ms",
            retryUnreachable.toMillis()), timeout.plus(retryUnreachable));
    }

    /** @return the next message's frames, or null if none arrived within the timeout */
    @SuppressWarnings("unchecked")
    List<byte[]> recv(String id, Duration timeout) {
        Map<String, Object> r = call(cmd("op", "recv", "id", id, "timeout_ms", timeout.toMillis()), timeout);
        if (Boolean.TRUE.equals(r.get("timeout"))) {
            return null;
        }
        List<byte[]> out = new ArrayList<>();
        for (Object f : (List<Object>) r.get("frames")) {
            out.add(Base64.getDecoder().decode((String) f));
        }
        return out;
    }

    /** @return the next message as one "size:sha256" string per frame, or null on timeout */
    @SuppressWarnings("unchecked")
    List<String> recvDigest(String id, Duration timeout) {
        Map<String, Object> r = call(cmd("op", "recv", "id", id, "timeout_ms", timeout.toMillis(), "digest", true),
            timeout);
        if (Boolean.TRUE.equals(r.get("timeout"))) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object f : (List<Object>) r.get("frames")) {
            Map<String, Object> d = (Map<String, Object>) f;
            out.add(d.get("size") + ":" + d.get("sha256"));
        }
        return out;
    }

    /**
     * Waits for a monitor event (the socket was created with monitor true).
     *
     * @return the event: "event" (name without EVENT_), "value", "endpoint"
     */
    Map<String, Object> awaitEvent(String id, Duration timeout, String... events) {
        Map<String, Object> r = call(cmd("op", "await_event", "id", id, "events", List.of(events), "timeout_ms",
            timeout.toMillis()), timeout);
        if (Boolean.TRUE.equals(r.get("timeout"))) {
            fail("libzmq socket saw no " + List.of(events) + " event within " + timeout + "; events seen: "
                + r.get("seen"));
        }
        return r;
    }

    /** @return the monitor events not consumed yet, collected for the window: each with "event", "value" */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String id, Duration window) {
        return (List<Map<String, Object>>) call(cmd("op", "events", "id", id, "window_ms", window.toMillis()),
            window).get("events");
    }

    /** Lets the socket process pending commands (getsockopt EVENTS), as an application's event loop would. */
    void service(String id) {
        call(cmd("op", "service", "id", id), Duration.ZERO);
    }

    /** Closes a socket (LINGER 0 unless its options said otherwise). */
    void close(String id) {
        if (open.remove(id)) {
            call(cmd("op", "close", "id", id), Duration.ZERO);
        }
    }

    /** Closes every socket still open (between tests). */
    void closeAll() {
        for (String id : List.copyOf(open)) {
            if (process.isAlive()) {
                close(id);
            }
        }
        open.clear();
    }

    /** Starts (once) the ZAP handler, accepting exactly these PLAIN users with status 200 and refusing others (400). */
    void zap(Map<String, String> users) {
        call(cmd("op", "zap", "users", users), Duration.ZERO);
    }

    /** @return the ZAP requests answered so far: mechanism, domain, address, username, status */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> zapLog() {
        return (List<Map<String, Object>>) call(cmd("op", "zap_log"), Duration.ZERO).get("log");
    }

    /** @return true while the process runs */
    boolean alive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL): its sockets vanish without a goodbye. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the peer to quit; kills it if it does not within a few seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stdin.write((Json.write(cmd("op", "quit")) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                stdin.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
        if (process.isAlive()) {
            kill();
        }
    }
}
