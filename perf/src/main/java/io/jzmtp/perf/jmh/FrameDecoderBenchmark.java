package io.jzmtp.perf.jmh;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.connection.ZmtpHandler;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameHandler;
import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.NullMechanism;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of decoding one frame from an input buffer that holds {@value #FRAMES} frames of the same size (the bytes
 * one read from a socket might bring); the score is per frame.
 *
 * <ul>
 *   <li>{@code decode}: all the input in one call to {@link FrameDecoder#decode}: every body is a view on it.
 *   <li>{@code decodeChunked}: the same input in calls of {@value #CHUNK} bytes (a TCP segment's payload), so
 *       that frames straddle calls and their bodies are gathered (copied) by the decoder.
 *   <li>{@code decodeConnectionTraffic}: all the input in one call to {@link ZmtpConnection#receive} on a
 *       connection whose NULL handshake is complete, so through the traffic codec to a {@link ZmtpHandler}.
 * </ul>
 *
 * <p>The handlers consume each frame's length and first byte.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameDecoderBenchmark {
    /** Frames in the input, and per invocation. */
    static final int FRAMES = 64;
    /** Bytes per call in {@link #decodeChunked}. */
    static final int CHUNK = 1460;

    /** Body size in bytes: a short frame, a small message, a page, and a long frame. */
    @Param({"1", "64", "1024", "65536"})
    public int size;

    private UnsafeBuffer input;
    private int inputLength;
    private FrameDecoder decoder;
    private ZmtpConnection connection;
    private final SinkFrames frames = new SinkFrames();
    private final SinkMessages messages = new SinkMessages();

    /**
     * Encodes the input, and brings a connection to its traffic phase.
     *
     * @throws ProtocolException if the handshake fails (a bug)
     */
    @Setup
    public void setUp() throws ProtocolException {
        inputLength = FRAMES * (FrameEncoder.headerLength(size) + size);
        input = new UnsafeBuffer(ByteBuffer.allocateDirect(inputLength));
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i + 1);
        }
        int off = 0;
        for (int i = 0; i < FRAMES; i++) {
            off += FrameEncoder.writeFrame(input, off, 0, body, 0, size);
        }
        decoder = new FrameDecoder(-1, 0);
        connection = handshaken();
        check();
    }

    /**
     * Decodes the input in one call.
     *
     * @param bh receives what the frames hold
     * @return bytes consumed
     * @throws ProtocolException never (the input is well formed)
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decode(Blackhole bh) throws ProtocolException {
        frames.bh = bh;
        return decoder.decode(input, 0, inputLength, frames);
    }

    /**
     * Decodes the input in calls of {@value #CHUNK} bytes.
     *
     * @param bh receives what the frames hold
     * @return bytes consumed
     * @throws ProtocolException never (the input is well formed)
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeChunked(Blackhole bh) throws ProtocolException {
        frames.bh = bh;
        int consumed = 0;
        for (int off = 0; off < inputLength; off += CHUNK) {
            consumed += decoder.decode(input, off, Math.min(CHUNK, inputLength - off), frames);
        }
        return consumed;
    }

    /**
     * Feeds the input to a connection in its traffic phase.
     *
     * @param bh receives what the frames hold
     * @return bytes consumed
     * @throws ProtocolException never (the input is well formed)
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeConnectionTraffic(Blackhole bh) throws ProtocolException {
        messages.bh = bh;
        return connection.receive(input, 0, inputLength, messages);
    }

    /** Makes sure each path sees {@value #FRAMES} frames of the right size and consumes all the input. */
    private void check() throws ProtocolException {
        Counter counter = new Counter(size);
        FrameDecoder d = new FrameDecoder(-1, 0);
        require(d.decode(input, 0, inputLength, counter) == inputLength, "decode consumed all");
        for (int off = 0; off < inputLength; off += CHUNK) {
            d.decode(input, off, Math.min(CHUNK, inputLength - off), counter);
        }
        ZmtpConnection c = handshaken();
        require(c.receive(input, 0, inputLength, counter) == inputLength, "receive consumed all");
        require(counter.count == 3 * FRAMES, "frame count " + counter.count);
    }

    /** A server connection after a NULL handshake with a client, both ends in memory. */
    private static ZmtpConnection handshaken() throws ProtocolException {
        ZmtpConnection client = new ZmtpConnection(new NullMechanism(HandshakeConfig.of(SocketType.DEALER), false),
            -1, 1);
        ZmtpConnection server = new ZmtpConnection(new NullMechanism(HandshakeConfig.of(SocketType.ROUTER), false),
            -1, 1);
        ExpandableArrayBuffer wire = new ExpandableArrayBuffer(512);
        Counter ignored = new Counter(-1);
        for (int round = 0; round < 20 && !(client.isReady() && server.isReady()); round++) {
            move(client, server, wire, ignored);
            move(server, client, wire, ignored);
        }
        require(client.isReady() && server.isReady(), "NULL handshake completes");
        return server;
    }

    private static void move(ZmtpConnection from, ZmtpConnection to, ExpandableArrayBuffer wire, ZmtpHandler h)
        throws ProtocolException {
        int n = from.outputAvailable();
        wire.checkLimit(n);
        from.takeOutput(wire, 0, n);
        require(to.receive(wire, 0, n, h) == n, "handshake bytes consumed");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up check failed: " + what);
        }
    }

    /** Consumes each frame's length and first byte. */
    static final class SinkFrames implements FrameHandler {
        Blackhole bh;

        @Override
        public boolean onFrame(DirectBuffer buffer, int offset, int length, int flags, long streamOffset) {
            bh.consume(length);
            bh.consume(buffer.getByte(offset));
            return true;
        }
    }

    /** Consumes each message frame's length and first byte. */
    static final class SinkMessages implements ZmtpHandler {
        Blackhole bh;

        @Override
        public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
            bh.consume(length);
            bh.consume(buffer.getByte(offset));
            return true;
        }

        @Override
        public void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length) {
            throw new IllegalStateException("unexpected PING");
        }

        @Override
        public void onPong(DirectBuffer context, int offset, int length) {
            throw new IllegalStateException("unexpected PONG");
        }

        @Override
        public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
            throw new IllegalStateException("unexpected subscription");
        }
    }

    /** Counts frames of the expected size (any size if negative), for the set-up checks. */
    static final class Counter implements FrameHandler, ZmtpHandler {
        private final int expectedSize;
        int count;

        Counter(int expectedSize) {
            this.expectedSize = expectedSize;
        }

        @Override
        public boolean onFrame(DirectBuffer buffer, int offset, int length, int flags, long streamOffset) {
            return onMessageFrame(buffer, offset, length, false);
        }

        @Override
        public boolean onMessageFrame(DirectBuffer buffer, int offset, int length, boolean more) {
            require(expectedSize < 0 || (length == expectedSize && buffer.getByte(offset) == 1
                && buffer.getByte(offset + length - 1) == (byte) length), "frame body intact");
            count++;
            return true;
        }

        @Override
        public void onPing(int ttlDeciseconds, DirectBuffer context, int offset, int length) {
            throw new IllegalStateException("unexpected PING");
        }

        @Override
        public void onPong(DirectBuffer context, int offset, int length) {
            throw new IllegalStateException("unexpected PONG");
        }

        @Override
        public boolean onSubscription(boolean subscribe, DirectBuffer topic, int offset, int length) {
            throw new IllegalStateException("unexpected subscription");
        }
    }
}
