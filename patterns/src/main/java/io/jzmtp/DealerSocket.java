package io.jzmtp;

import io.jzmtp.core.SocketType;

/**
 * A DEALER socket (RFC 28): sends round-robin to its peers and receives from them fairly queued, with no envelope
 * handling. Sending waits while every peer is at its HWM or no peer is connected.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class DealerSocket extends FrameDuplexSocket {
    DealerSocket(Context context, SocketOptions options) {
        super(context, SocketType.DEALER, options, new Routing(true, true, false).probe(options.probeRouter()));
    }
}
