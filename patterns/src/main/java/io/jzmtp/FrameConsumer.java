package io.jzmtp;

import org.agrona.DirectBuffer;

/** Receives one message frame by frame, from the garbage-free receive path. Called on the receiving thread. */
@FunctionalInterface
public interface FrameConsumer {
    /**
     * One frame.
     *
     * @param buffer holds the frame: a view valid only during the call
     * @param offset where the frame starts
     * @param length its length
     * @param more true if more frames of the same message follow
     */
    void onFrame(DirectBuffer buffer, int offset, int length, boolean more);
}
