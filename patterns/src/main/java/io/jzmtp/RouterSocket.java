package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A ROUTER socket (RFC 28): every received message is prefixed with a frame naming the peer it came from (its
 * routing id), and every sent message's first frame names the peer it goes to. A message to an unknown peer, or to a
 * peer at its HWM, is dropped silently, unless {@code routerMandatory} is set: then an unknown peer raises
 * {@link HostUnreachableException} and a full peer is back-pressure (send waits or returns false).
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class RouterSocket extends IdentityRoutedSocket {
    RouterSocket(Context context, SocketOptions options) {
        super(context, SocketType.ROUTER, options, options.routerMandatory(), false);
    }
}
