package io.jzmtp.transport.endpoint;

import java.util.Locale;
import java.util.Objects;

/**
 * A parsed ZeroMQ endpoint: {@code tcp://host:port}, {@code ipc://path} or {@code inproc://name}.
 *
 * <ul>
 *   <li>tcp: the host is a name, an IPv4 address, a bracketed IPv6 address ({@code [::1]}), or {@code *} (all
 *       interfaces, bind only). The port is 0-65535, or {@code *} (an ephemeral port, bind only, same as 0).</li>
 *   <li>ipc: a filesystem path of at most 107 bytes (Linux {@code sun_path}), or {@code *} for a generated
 *       path (bind only).</li>
 *   <li>inproc: a name of 1 to 256 characters.</li>
 * </ul>
 *
 * @param transport the transport
 * @param host the tcp host ({@code "*"} for all interfaces), null for ipc and inproc
 * @param port the tcp port (0 for an ephemeral port), -1 for ipc and inproc
 * @param path the ipc path or inproc name, null for tcp
 */
public record Endpoint(Transport transport, String host, int port, String path) {
    /** The longest ipc path the kernel accepts (Linux {@code sun_path} minus the terminating NUL). */
    public static final int MAX_IPC_PATH = 107;
    /** The longest inproc name. */
    public static final int MAX_INPROC_NAME = 256;

    /** The transports. */
    public enum Transport {
        /** TCP over IPv4 or IPv6. */
        TCP,
        /** Unix domain sockets. */
        IPC,
        /** In-process pipes between sockets of one context. */
        INPROC
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if the transport is null
     */
    public Endpoint {
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * Parses an endpoint.
     *
     * @param endpoint such as {@code tcp://127.0.0.1:5555}
     * @return the endpoint; allocates
     * @throws IllegalArgumentException naming the endpoint and what was expected, if it does not parse
     */
    public static Endpoint parse(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        int sep = endpoint.indexOf("://");
        if (sep <= 0) {
            throw bad(endpoint, "transport://address, such as tcp://127.0.0.1:5555");
        }
        String scheme = endpoint.substring(0, sep).toLowerCase(Locale.ROOT);
        String address = endpoint.substring(sep + 3);
        switch (scheme) {
            case "tcp":
                return parseTcp(endpoint, address);
            case "ipc":
                if (address.isEmpty() || address.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_IPC_PATH) {
                    throw bad(endpoint, "an ipc path of 1 to " + MAX_IPC_PATH + " bytes, or *");
                }
                return new Endpoint(Transport.IPC, null, -1, address);
            case "inproc":
                if (address.isEmpty() || address.length() > MAX_INPROC_NAME) {
                    throw bad(endpoint, "an inproc name of 1 to " + MAX_INPROC_NAME + " characters");
                }
                return new Endpoint(Transport.INPROC, null, -1, address);
            default:
                throw bad(endpoint, "the transport tcp, ipc or inproc");
        }
    }

    private static Endpoint parseTcp(String endpoint, String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw bad(endpoint, "tcp://host:port, with a host (or *) and a port (or *)");
        }
        String host = address.substring(0, colon);
        String portText = address.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw bad(endpoint, "a bracketed IPv6 address such as [::1]");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw bad(endpoint, "an IPv6 address in brackets, such as tcp://[::1]:5555");
        }
        int port;
        if (portText.equals("*")) {
            port = 0;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw bad(endpoint, "a port from 0 to 65535, or *");
            }
            if (port < 0 || port > 65535 || !portText.chars().allMatch(Character::isDigit)) {
                throw bad(endpoint, "a port from 0 to 65535, or *");
            }
        }
        return new Endpoint(Transport.TCP, host, port, null);
    }

    private static IllegalArgumentException bad(String endpoint, String expected) {
        return new IllegalArgumentException("endpoint '" + endpoint + "': expected " + expected);
    }

    /** @return true for a tcp endpoint that binds every interface ({@code tcp://*:port}). */
    public boolean isWildcardHost() {
        return transport == Transport.TCP && host.equals("*");
    }

    /** @return the endpoint in its canonical text form. */
    @Override
    public String toString() {
        switch (transport) {
            case TCP:
                return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
            case IPC:
                return "ipc://" + path;
            default:
                return "inproc://" + path;
        }
    }
}
