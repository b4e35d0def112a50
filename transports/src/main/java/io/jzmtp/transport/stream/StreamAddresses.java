package io.jzmtp.transport.stream;

import io.jzmtp.transport.endpoint.Endpoint;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Turns tcp and ipc endpoints into socket addresses and channels. Called on I/O threads; pure otherwise. */
final class StreamAddresses {
    private StreamAddresses() {
    }

    /** Resolves the address to connect to (resolution may block on DNS). */
    static SocketAddress remote(Endpoint e, boolean ipv6) throws IOException {
        if (e.transport() == Endpoint.Transport.IPC) {
            return UnixDomainSocketAddress.of(e.path());
        }
        return new InetSocketAddress(resolve(e.host(), ipv6), e.port());
    }

    /** The address to bind; "*" binds every interface. */
    static SocketAddress local(Endpoint e, boolean ipv6) throws IOException {
        if (e.transport() == Endpoint.Transport.IPC) {
            return UnixDomainSocketAddress.of(e.path());
        }
        return e.isWildcardHost() ? new InetSocketAddress(e.port()) : new InetSocketAddress(resolve(e.host(), ipv6),
            e.port());
    }

    private static InetAddress resolve(String host, boolean ipv6) throws IOException {
        InetAddress[] all = InetAddress.getAllByName(host);
        if (!ipv6) {
            for (InetAddress a : all) {
                if (a instanceof Inet4Address) {
                    return a;
                }
            }
        }
        return all[0];
    }

    static SocketChannel openChannel(Endpoint e, boolean keepalive) throws IOException {
        if (e.transport() == Endpoint.Transport.IPC) {
            return SocketChannel.open(StandardProtocolFamily.UNIX);
        }
        SocketChannel ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (keepalive) {
            ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        }
        return ch;
    }

    static void configureAccepted(SocketChannel ch, Endpoint e, boolean keepalive) throws IOException {
        ch.configureBlocking(false);
        if (e.transport() == Endpoint.Transport.TCP) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (keepalive) {
                ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            }
        }
    }

    /**
     * Opens a bound server channel. For ipc, a socket file left by a dead process (nobody accepts on it) is removed
     * first; a live one makes the bind fail. {@code ipc://*} gets a fresh path in the temporary directory.
     */
    static ServerSocketChannel bind(Endpoint e, boolean ipv6) throws IOException {
        if (e.transport() == Endpoint.Transport.IPC) {
            Path path = Path.of(e.path());
            if (Files.exists(path)) {
                if (isLive(path)) {
                    throw new IOException("address in use: another process accepts on " + path);
                }
                Files.deleteIfExists(path);
            }
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.bind(UnixDomainSocketAddress.of(path), 128);
            } catch (IOException ex) {
                ch.close();
                throw ex;
            }
            return ch;
        }
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(local(e, ipv6), 128);
        } catch (IOException ex) {
            ch.close();
            throw ex;
        }
        return ch;
    }

    private static boolean isLive(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Replaces {@code ipc://*} by a fresh path in the temporary directory. */
    static Endpoint concrete(Endpoint e) {
        if (e.transport() == Endpoint.Transport.IPC && e.path().equals("*")) {
            String name = "jzmtp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".sock";
            return new Endpoint(Endpoint.Transport.IPC, null, -1,
                Path.of(System.getProperty("java.io.tmpdir"), name).toString());
        }
        return e;
    }

    /** The endpoint a bound channel answers on: the actual port, and 0.0.0.0 for "*" (as libzmq reports). */
    static String boundEndpoint(Endpoint e, ServerSocketChannel ch) throws IOException {
        if (e.transport() == Endpoint.Transport.IPC) {
            return e.toString();
        }
        InetSocketAddress a = (InetSocketAddress) ch.getLocalAddress();
        String host = e.isWildcardHost() ? "0.0.0.0" : a.getAddress().getHostAddress();
        return new Endpoint(Endpoint.Transport.TCP, host, a.getPort(), null).toString();
    }

    static String describe(SocketAddress a) {
        return a == null ? "?" : a.toString();
    }
}
