package io.jzmtp.perf.jmh;

import io.jzmtp.core.frame.FrameEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of writing one frame (header and body) into an engine's write buffer.
 *
 * <p>Each invocation appends {@value #FRAMES} frames to a direct write buffer of {@value #WRITE_BUFFER} bytes,
 * going back to its start when the next frame would not fit (as an engine does after a flush); the score is per
 * frame. The body is a heap buffer, as a user's message usually is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameEncoderBenchmark {
    /** Frames per invocation. */
    static final int FRAMES = 64;
    /** The write buffer's size. */
    static final int WRITE_BUFFER = 256 * 1024;

    /** Body size in bytes: a short frame, a small message, a page, and a long frame. */
    @Param({"1", "64", "1024", "65536"})
    public int size;

    private UnsafeBuffer body;
    private UnsafeBuffer out;
    private int lastStart;
    private int offset;

    /** Builds the body and the write buffer. */
    @Setup
    public void setUp() {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        body = new UnsafeBuffer(bytes);
        out = new UnsafeBuffer(ByteBuffer.allocateDirect(WRITE_BUFFER));
        lastStart = WRITE_BUFFER - (FrameEncoder.headerLength(size) + size);
        offset = 0;
    }

    /**
     * Appends {@value #FRAMES} frames.
     *
     * @return the write offset, so that nothing is dead code
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int encode() {
        int off = offset;
        for (int i = 0; i < FRAMES; i++) {
            if (off > lastStart) {
                off = 0;
            }
            off += FrameEncoder.writeFrame(out, off, 0, body, 0, size);
        }
        offset = off;
        return off;
    }
}
