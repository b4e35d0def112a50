package io.jzmtp.core.mechanism;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameHandler;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * How frames travel once a mechanism's handshake is over. Clear-text mechanisms send frames as they are
 * (RFC 23: "On a clear text connection, message data SHALL be sent as message frames"); encrypting ones wrap
 * each frame in a command (RFC 25, MESSAGE).
 *
 * <p>One owner thread; the data path must not allocate.
 */
public interface TrafficCodec {
    /** Frames travel as they are. */
    TrafficCodec PLAINTEXT = new TrafficCodec() {
        @Override
        public int maxOverhead() {
            return FrameEncoder.MAX_HEADER_LENGTH;
        }

        @Override
        public int encode(int flags, DirectBuffer body, int offset, int length, MutableDirectBuffer dst,
            int dstOffset) {
            return FrameEncoder.writeFrame(dst, dstOffset, flags, body, offset, length);
        }

        @Override
        public boolean decode(DirectBuffer frame, int offset, int length, int flags, long streamOffset,
            FrameHandler out) throws ProtocolException {
            return out.onFrame(frame, offset, length, flags, streamOffset);
        }
    };

    /** @return the most bytes {@link #encode} adds to a frame's body. */
    int maxOverhead();

    /**
     * Writes one outbound frame as it goes on the wire.
     *
     * @param flags MORE and/or COMMAND
     * @param body holds the body
     * @param offset where it starts
     * @param length its length
     * @param dst destination with {@code length + maxOverhead()} bytes of room
     * @param dstOffset where to write
     * @return the number of bytes written
     */
    int encode(int flags, DirectBuffer body, int offset, int length, MutableDirectBuffer dst, int dstOffset);

    /**
     * Turns one inbound wire frame into the frame it carries, handing that to {@code out}.
     *
     * @param frame holds the wire frame's body
     * @param offset where it starts
     * @param length its length
     * @param flags its MORE and COMMAND bits
     * @param streamOffset the offset of its flags octet in the inbound stream
     * @param out receives the carried frame
     * @return what {@code out} returned
     * @throws ProtocolException if the frame cannot be unwrapped
     */
    boolean decode(DirectBuffer frame, int offset, int length, int flags, long streamOffset, FrameHandler out)
        throws ProtocolException;
}
