package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;

/**
 * REQ and REP (RFC 28): every outgoing message goes behind an envelope that the socket type writes, whichever API
 * sends it, and the frame API checks the type's send rules ({@link #checkSend}) as the Message API does. Owner thread
 * only.
 */
abstract class EnvelopeSocket extends FrameDuplexSocket {
    EnvelopeSocket(Context context, SocketType type, SocketOptions options, Routing routing) {
        super(context, type, options, routing);
    }

    /** Writes the envelope frames that go before the message's own frames. */
    abstract void addEnvelope(Msg m);

    @Override
    final void prepare(Msg m, Message message) {
        addEnvelope(m);
        super.prepare(m, message);
    }

    @Override
    final void beginBuilt(Msg m) {
        checkSend(null);
        addEnvelope(m);
    }
}
