package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A PAIR socket (RFC 31): an exclusive two-way connection to one peer. Sending waits while the peer's pipe is at its
 * HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class PairSocket extends FrameDuplexSocket {
    PairSocket(Context context, SocketOptions options) {
        super(context, SocketType.PAIR, options, new Routing(true, true, true));
    }
}
