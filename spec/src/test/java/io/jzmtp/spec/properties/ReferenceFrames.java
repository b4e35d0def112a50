package io.jzmtp.spec.properties;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately simple, whole-input reading of RFC 23 framing, written from the RFC grammar and the documented
 * decoder rules (COMMAND with MORE and a size with its top bit set are malformed; a size over the limit is too
 * large; both at the last octet that decides it; reserved bits ignored). Used as the oracle for the streaming
 * {@link FrameDecoder}.
 */
final class ReferenceFrames {
    private ReferenceFrames() {
    }

    /**
     * A size field the stream declared, and the relative position just after it.
     *
     * @param size the declared body size
     * @param after the relative position of the octet after the size field
     */
    record Declared(long size, int after) {
    }

    /**
     * The reading of a stream.
     *
     * @param frames the complete frames, in order
     * @param error the error, or null
     * @param errorOffset the error's stream offset, or -2
     * @param declared every complete size field, in order
     */
    record Reading(List<DecodedFrame> frames, ProtocolError error, long errorOffset, List<Declared> declared) {
    }

    /**
     * Reads a stream.
     *
     * @param b the bytes
     * @param maxFrameSize the limit (negative: {@link FrameDecoder#MAX_FRAME_SIZE_LIMIT})
     * @param start the stream offset of the first byte
     * @return the reading
     */
    static Reading read(byte[] b, long maxFrameSize, long start) {
        long max = maxFrameSize < 0 ? FrameDecoder.MAX_FRAME_SIZE_LIMIT : maxFrameSize;
        List<DecodedFrame> frames = new ArrayList<>();
        List<Declared> declared = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            int flags = b[pos] & 0xFF;
            if ((flags & FrameFlags.COMMAND) != 0 && (flags & FrameFlags.MORE) != 0) {
                return new Reading(frames, ProtocolError.MALFORMED_FRAME, start + pos, declared);
            }
            int sizeLength = (flags & FrameFlags.LONG) != 0 ? 8 : 1;
            if (pos + 1 + sizeLength > b.length) {
                break;
            }
            long size = 0;
            for (int i = 0; i < sizeLength; i++) {
                size = size << 8 | (b[pos + 1 + i] & 0xFF);
            }
            int lastSizeByte = pos + sizeLength;
            if (sizeLength == 8 && (b[pos + 1] & 0x80) != 0) {
                return new Reading(frames, ProtocolError.MALFORMED_FRAME, start + lastSizeByte, declared);
            }
            if (size > max) {
                return new Reading(frames, ProtocolError.MESSAGE_TOO_LARGE, start + lastSizeByte, declared);
            }
            declared.add(new Declared(size, lastSizeByte + 1));
            if (lastSizeByte + 1 + size > b.length) {
                break;
            }
            int bodyStart = lastSizeByte + 1;
            frames.add(new DecodedFrame(flags & (FrameFlags.MORE | FrameFlags.COMMAND),
                Arrays.copyOfRange(b, bodyStart, bodyStart + (int) size), start + pos));
            pos = bodyStart + (int) size;
        }
        return new Reading(frames, null, -2, declared);
    }
}
