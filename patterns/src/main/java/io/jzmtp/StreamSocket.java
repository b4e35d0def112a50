package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A STREAM socket: talks raw TCP to peers that do not speak ZMTP (HTTP clients, telnet, custom protocols), with
 * ROUTER-style addressing. Every received message is two frames: the connection's routing id (generated, 5 octets)
 * and the bytes that arrived; a zero-length payload announces a new connection, and later its loss. To send, give the
 * routing id then the bytes; sending a zero-length payload closes that connection. Sending to an unknown or departed
 * connection raises {@link HostUnreachableException}; a full connection is back-pressure.
 *
 * <p>tcp and ipc only. Owner thread only; see {@link ZSocket}.
 */
public final class StreamSocket extends IdentityRoutedSocket {
    StreamSocket(Context context, SocketOptions options) {
        super(context, SocketType.STREAM, options, true, true);
    }

    @Override
    void checkEndpoint(String endpoint) {
        if (endpoint != null && endpoint.regionMatches(true, 0, "inproc://", 0, 9)) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "': expected tcp or ipc for a STREAM socket");
        }
    }
}
