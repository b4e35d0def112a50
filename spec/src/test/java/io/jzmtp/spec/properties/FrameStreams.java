package io.jzmtp.spec.properties;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/** Encodes frame lists with {@link FrameEncoder} and decodes streams with {@link FrameDecoder} chunk by chunk. */
final class FrameStreams {
    private FrameStreams() {
    }

    /** Called after each decode call: how far the stream is consumed, and the decoder. */
    @FunctionalInterface
    interface AfterCall {
        void check(int consumed, FrameDecoder decoder);
    }

    /**
     * What decoding a stream produced.
     *
     * @param frames the frames delivered, in order
     * @param error the error that ended decoding, or null
     * @param errorOffset the error's stream offset, or -2 without an error
     * @param position the decoder's position at the end
     */
    record Outcome(List<DecodedFrame> frames, ProtocolError error, long errorOffset, long position) {
    }

    /**
     * Encodes the frames back to back.
     *
     * @param frames flags and bodies (offsets ignored)
     * @return the bytes
     */
    static byte[] encode(List<DecodedFrame> frames) {
        int total = 0;
        for (DecodedFrame f : frames) {
            total += FrameEncoder.headerLength(f.body().length) + f.body().length;
        }
        byte[] out = new byte[total];
        UnsafeBuffer b = new UnsafeBuffer(out);
        int pos = 0;
        for (DecodedFrame f : frames) {
            pos += FrameEncoder.writeFrame(b, pos, f.flags(), f.body(), 0, f.body().length);
        }
        return out;
    }

    /**
     * The frames with the stream offsets an encoding of them starting at {@code start} gives them.
     *
     * @param frames flags and bodies
     * @param start the stream offset of the first byte
     * @return the frames with offsets
     */
    static List<DecodedFrame> withOffsets(List<DecodedFrame> frames, long start) {
        List<DecodedFrame> out = new ArrayList<>();
        long at = start;
        for (DecodedFrame f : frames) {
            out.add(f.withOffset(at));
            at += FrameEncoder.headerLength(f.body().length) + f.body().length;
        }
        return out;
    }

    /**
     * Decodes a stream in the chunks of a cutting. Each chunk sits in a fresh array at a varying offset and is
     * overwritten once the decoder returns, so a decoder that kept a view on an old chunk produces wrong frames.
     * Every {@code pauseEvery}-th frame (0: never) the handler asks to pause, and the rest of the chunk is passed
     * again from a new array, as an owner that compacts its input buffer would.
     *
     * @param stream the bytes
     * @param chunking where to cut
     * @param maxFrameSize the decoder's limit
     * @param start the stream offset of the first byte
     * @param pauseEvery pause after every n-th frame; 0 never
     * @param after called after each decode call, or null
     * @return what was decoded
     */
    static Outcome decode(byte[] stream, Chunking chunking, long maxFrameSize, long start, int pauseEvery,
        AfterCall after) {
        FrameDecoder decoder = new FrameDecoder(maxFrameSize, start);
        List<DecodedFrame> frames = new ArrayList<>();
        FrameHandler handler = (buf, off, len, flags, at) -> {
            byte[] body = new byte[len];
            buf.getBytes(off, body);
            frames.add(new DecodedFrame(flags, body, at));
            return pauseEvery == 0 || frames.size() % pauseEvery != 0;
        };
        int[] bounds = chunking.boundaries(stream.length);
        int consumed = 0;
        try {
            for (int c = 0; c + 1 < bounds.length; c++) {
                int from = bounds[c];
                int to = bounds[c + 1];
                while (from < to) {
                    int slack = (c + from) % 7;
                    byte[] chunk = new byte[slack + (to - from) + 3];
                    Arrays.fill(chunk, (byte) 0xA5);
                    System.arraycopy(stream, from, chunk, slack, to - from);
                    int n = decoder.decode(new UnsafeBuffer(chunk), slack, to - from, handler);
                    Arrays.fill(chunk, (byte) 0x5A);
                    if (n < 0 || n > to - from) {
                        throw new AssertionError("decode consumed " + n + " of " + (to - from) + " bytes");
                    }
                    if (n == 0) {
                        throw new AssertionError("decode made no progress at stream byte " + (start + from));
                    }
                    from += n;
                    consumed = from;
                    if (after != null) {
                        after.check(consumed, decoder);
                    }
                }
            }
        } catch (ProtocolException e) {
            return new Outcome(frames, e.error(), e.offset(), decoder.position());
        }
        return new Outcome(frames, null, -2, decoder.position());
    }
}
