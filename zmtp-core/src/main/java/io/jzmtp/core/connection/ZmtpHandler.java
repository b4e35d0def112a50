package io.jzmtp.core.connection;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Receives what a {@link ZmtpConnection} decodes after its handshake. Buffers are views valid only during the
 * call. Called on the connection's owner thread.
 */
public interface ZmtpHandler {
    /**
     * One frame of a message.
     *
     * @param buffer holds the body
     * @param offset where it starts
     * @param length its length
     * @param more true if more frames of the same message follow
     * @return true to go on decoding; false to pause after this frame (for back-pressure)
     */
    boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more);

    /**
     * A message frame's body is split across reads: where should it be gathered? Returning a destination saves the
     * decoder's copy; {@link #onMessageFrame} then receives that same buffer (offset 0) when the body is complete,
     * and the caller may fill the rest of it straight from its channel ({@link ZmtpConnection#bodyRemaining()}).
     * By default the decoder gathers the body itself.
     *
     * @param length the body's length
     * @return a buffer whose indices 0 to {@code length - 1} receive the body, or null
     */
    default MutableDirectBuffer messageBodyDestination(int length) {
        return null;
    }

    /**
     * A PING (RFC 37): the peer asks for a PONG echoing the context.
     *
     * @param ttlDeciseconds the TTL the peer announced (0 means none), in tenths of a second
     * @param context holds the context
     * @param offset where it starts
     * @param length its length, 0 to 16
     */
    void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length);

    /**
     * A PONG (RFC 37).
     *
     * @param context holds the echoed context
     * @param offset where it starts
     * @param length its length, 0 to 16
     */
    void onPong(DirectBuffer context, int offset, int length);

    /**
     * A SUBSCRIBE or CANCEL command (RFC 37). Subscriptions sent as {@code 0x01}/{@code 0x00} messages (RFC 23,
     * the 3.0 form) arrive as message frames instead: the socket decides what they mean.
     *
     * @param subscribe true for SUBSCRIBE, false for CANCEL
     * @param topic holds the topic
     * @param offset where it starts
     * @param length its length
     * @return true to go on decoding; false to pause after this command (for back-pressure)
     */
    boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length);
}
