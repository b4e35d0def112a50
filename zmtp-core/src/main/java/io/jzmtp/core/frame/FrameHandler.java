package io.jzmtp.core.frame;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Receives the frames a {@link FrameDecoder} decodes.
 *
 * <p>Called on the decoding thread. The buffer is a view that is valid only during the call: copy what must
 * outlive it.
 */
@FunctionalInterface
public interface FrameHandler {
    /**
     * One complete frame.
     *
     * @param buffer holds the body
     * @param offset where the body starts
     * @param length the body's length (0 or more)
     * @param flags the frame's {@link FrameFlags#MORE} and {@link FrameFlags#COMMAND} bits (LONG and the
     *     reserved bits are cleared)
     * @param streamOffset the offset, in the decoder's input stream, of this frame's flags octet
     * @return true to go on decoding; false to pause after this frame (the decoder returns at once and the
     *     caller passes the unconsumed input again later)
     * @throws io.jzmtp.core.ProtocolException if the frame breaks the protocol at a level above framing; it
     *     propagates out of {@link FrameDecoder#decode}
     */
    boolean onFrame(DirectBuffer buffer, int offset, int length, int flags, long streamOffset)
        throws io.jzmtp.core.ProtocolException;

    /**
     * A frame's body is split across inputs: where should the decoder gather it? Asked once per split body, when
     * its first bytes arrive. By default the decoder gathers it in its own buffer.
     *
     * @param length the body's length
     * @param flags the frame's MORE and COMMAND bits
     * @return a buffer whose indices 0 to {@code length - 1} will receive the body, and which is then handed to
     *     {@link #onFrame} (offset 0); or null for the decoder's own buffer
     */
    default MutableDirectBuffer bodyDestination(int length, int flags) {
        return null;
    }
}
