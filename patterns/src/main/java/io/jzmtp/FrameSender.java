package io.jzmtp;

import org.agrona.DirectBuffer;

/**
 * The garbage-free sending path: a message is built frame by frame from buffers the caller owns (the bytes are copied
 * into a pooled message, so the caller may reuse its buffer at once) and sent whole. In steady state nothing is
 * allocated. Owner thread only.
 */
public interface FrameSender {
    /**
     * Appends a frame to the message being built. Nothing is sent yet. Never blocks; allocation free once warm.
     *
     * @param buffer holds the frame
     * @param offset where it starts
     * @param length its length
     */
    void sendMore(DirectBuffer buffer, int offset, int length);

    /**
     * Appends the last frame and sends the message.
     *
     * @param buffer holds the frame
     * @param offset where it starts
     * @param length its length
     * @param timeoutNanos how long to wait for room: negative waits without limit, 0 does not wait
     * @return true if sent; false on timeout (back-pressure): the message is then discarded, build it again
     */
    boolean send(DirectBuffer buffer, int offset, int length, long timeoutNanos);
}
