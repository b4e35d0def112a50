package io.jzmtp.transport.engine;

import io.jzmtp.core.command.Commands;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import io.jzmtp.transport.pipe.SpscPipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The outbound half of a {@link ZmtpEngine}: what goes to the channel, in order. Handshake bytes first; then, at
 * message boundaries, control frames (PING, PONG); then whole messages from the outbound pipe, encoded into a
 * reusable direct buffer many per system call, with large bodies left in their messages' native storage and
 * written by a gathering write ({@link GatherBatch}).
 *
 * <p>It holds no channel: the engine, the one class that joins the channel to the codec, lends it for each call.
 * Owned by the engine's I/O thread. Steady traffic allocates nothing.
 */
final class EngineOutput {
    private static final int BUFFER_SIZE = ZmtpEngine.BUFFER_SIZE;
    private static final int CONTROL_CAPACITY = 4096;
    /** Bytes one {@link #flush} writes at most before it lets the I/O thread's duty cycle go on. */
    static final int FLUSH_BUDGET = 128 * 1024;

    private final ZmtpConnection conn;
    private final boolean subscriptionCommands;
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final UnsafeBuffer writeView = new UnsafeBuffer(writeBuffer);
    private final GatherBatch gather = new GatherBatch(writeBuffer);
    private int writeStart;
    private int writeEnd;

    /** A view on an outbound subscription's topic. */
    private final UnsafeBuffer topicView = new UnsafeBuffer(new byte[0]);
    /** Control frames waiting for a message boundary. */
    private final UnsafeBuffer control = new UnsafeBuffer(new byte[CONTROL_CAPACITY]);
    private int controlLength;

    private SpscPipe<Msg> out;
    private MsgRecycler recycler;
    /** This connection's number for the peer (see Peer.connections()): older messages are not for it. */
    private int connection;
    private Msg outbound;
    private int outFrame;
    private int outBodyDone = -1;
    private boolean pipeIdle;

    /**
     * @param conn the connection whose handshake bytes and subscription forms this writes
     * @param subscriptionCommands true to turn subscription messages into the form the peer's revision expects
     */
    EngineOutput(ZmtpConnection conn, boolean subscriptionCommands) {
        this.conn = conn;
        this.subscriptionCommands = subscriptionCommands;
    }

    /** Starts taking messages from the peer's outbound pipe, once the handshake completed. */
    void attach(SpscPipe<Msg> pipe, MsgRecycler pipeRecycler, int connectionNumber) {
        this.out = pipe;
        this.recycler = pipeRecycler;
        this.connection = connectionNumber;
    }

    /** Queues a PONG echoing a PING's context (RFC 37 37-PING-4); dropped if the control queue is full. */
    void queuePong(DirectBuffer context, int offset, int length) {
        if (controlLength + Commands.pingFrameLength(length) <= CONTROL_CAPACITY) {
            controlLength += Commands.writePong(control, controlLength, context, offset, length);
        }
    }

    /** Queues a PING; returns false if the control queue is full. */
    boolean queuePing(int ttlDeciseconds) {
        if (controlLength + Commands.pingFrameLength(0) > CONTROL_CAPACITY) {
            return false;
        }
        controlLength += Commands.writePing(control, controlLength, ttlDeciseconds, null, 0, 0);
        return true;
    }

    /** @return true if nothing is left to write and the outbound pipe was last found empty */
    boolean isIdle() {
        return writeStart == writeEnd && gather.isEmpty() && pipeIdle && controlLength == 0;
    }

    /**
     * Writes what there is until the channel takes no more, nothing is left, or this call has written
     * {@value #FLUSH_BUDGET} bytes. The budget keeps the I/O thread's other connections, a local receiver above
     * all, in step with this one: on loopback, bytes written are read back while they are still in the processor's
     * cache, instead of after megabytes of socket buffer have pushed them out (at 64 KiB messages, without the
     * budget, the kernel's copies took three times as long per byte).
     *
     * @param channel the channel
     * @return true if bytes are left, because the channel is full or the budget is spent: flush again once the
     *     channel is writable (at once, when it was only the budget)
     * @throws IOException if a write fails
     */
    boolean flush(GatheringByteChannel channel) throws IOException {
        long budget = FLUSH_BUDGET;
        while (true) {
            if (!gather.isSealed()) {
                fill();
            }
            if (!gather.isEmpty()) {
                budget -= gather.write(channel, writeEnd);
                if (!gather.isWritten()) {
                    return true;
                }
                gather.reset(recycler, outbound);
                writeStart = 0;
                writeEnd = 0;
            } else {
                if (writeStart == writeEnd) {
                    return false;
                }
                writeBuffer.limit(writeEnd).position(writeStart);
                int n = channel.write(writeBuffer);
                writeStart += n;
                budget -= n;
                if (writeStart < writeEnd) {
                    return true;
                }
                writeStart = 0;
                writeEnd = 0;
            }
            if (budget <= 0) {
                return true;
            }
        }
    }

    /**
     * Best effort before closing on a protocol error: writes an ERROR command behind whatever is still unsent (the
     * rest of our greeting, our READY: written over it, it would corrupt the greeting the peer is still reading).
     * Nothing is written in the middle of a message.
     *
     * @param channel the channel
     * @param body the ERROR command's body
     */
    void writeErrorAndStop(GatheringByteChannel channel, byte[] body) {
        if (outbound != null || !gather.isEmpty()) {
            return;
        }
        if (writeStart > 0) {
            writeView.putBytes(0, writeView, writeStart, writeEnd - writeStart);
            writeEnd -= writeStart;
            writeStart = 0;
        }
        writeEnd += conn.takeOutput(writeView, writeEnd, BUFFER_SIZE - writeEnd);
        if (BUFFER_SIZE - writeEnd >= FrameEncoder.headerLength(body.length) + body.length) {
            writeEnd += FrameEncoder.writeFrame(writeView, writeEnd, FrameFlags.COMMAND, body, 0, body.length);
        }
        try {
            writeBuffer.limit(writeEnd).position(0);
            channel.write(writeBuffer);
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
    }

    /** Gives back every message held: the peer saw part of the current one at most, the rest is lost. */
    void release() {
        if (outbound != null && !gather.holds(outbound)) {
            recycler.recycle(outbound);
        }
        outbound = null;
        gather.reset(recycler, null);
    }

    /** Fills the write buffer: handshake bytes, then control frames and messages. */
    private void fill() {
        if (writeStart > 0 && writeEnd == writeStart) {
            writeStart = 0;
            writeEnd = 0;
        }
        if (conn.outputAvailable() > 0) {
            writeEnd += conn.takeOutput(writeView, writeEnd, BUFFER_SIZE - writeEnd);
            return;
        }
        if (out == null) {
            return;
        }
        while (BUFFER_SIZE - writeEnd > FrameEncoder.MAX_HEADER_LENGTH) {
            if (outbound == null && !nextMessage()) {
                return;
            }
            if (outbound != null && !encodeOutbound()) {
                return;
            }
        }
    }

    /**
     * Writes pending control frames, then takes the next message to encode (or encodes it whole if it is a
     * subscription). Returns false if there is nothing more to write now.
     */
    private boolean nextMessage() {
        if (controlLength > 0) {
            if (BUFFER_SIZE - writeEnd < controlLength) {
                return false;
            }
            writeView.putBytes(writeEnd, control, 0, controlLength);
            writeEnd += controlLength;
            controlLength = 0;
        }
        // With bytes still to write, look without arming the pipe: the sender then adds messages without posting an
        // activation for each; the pipe is armed only once there is nothing left to write.
        boolean busy = writeEnd > writeStart || !gather.isEmpty();
        Msg m = busy ? out.pollIfAny() : out.poll();
        pipeIdle = m == null;
        if (m == null) {
            return false;
        }
        if (m.connection() != 0 && m.connection() < connection) {
            // Queued for an earlier connection (a subscription that the subscriber re-sends in full now).
            recycler.recycle(m);
            return true;
        }
        outbound = m;
        outFrame = 0;
        outBodyDone = -1;
        if (subscriptionCommands && isSubscription(m)) {
            return encodeSubscription();
        }
        return true;
    }

    private static boolean isSubscription(Msg m) {
        if (m.frameCount() != 1 || m.frameLength(0) < 1) {
            return false;
        }
        byte first = m.frameByte(0, 0);
        return first == 0 || first == 1;
    }

    /**
     * Writes a subscription message in the form the peer's revision expects (RFC 37: SUBSCRIBE/CANCEL commands for
     * 3.1 peers; the 0x01/0x00 message for 3.0 peers). A subscription too large for the write buffer is left to
     * {@link #encodeOutbound} in the message form, which every 3.x peer accepts. Returns false if it must wait for
     * room.
     */
    private boolean encodeSubscription() {
        Msg m = outbound;
        int topicLength = m.frameLength(0) - 1;
        boolean subscribe = m.frameByte(0, 0) == 1;
        int need = conn.subscriptionLength(topicLength, subscribe);
        if (need > BUFFER_SIZE) {
            return true;
        }
        if (BUFFER_SIZE - writeEnd < need) {
            return false;
        }
        topicView.wrap(m.frameBuffer(0), m.frameOffset(0) + 1, topicLength);
        writeEnd += conn.writeSubscription(writeView, writeEnd, subscribe, topicView, 0, topicLength);
        outbound = null;
        recycler.recycle(m);
        return true;
    }

    /**
     * Encodes as much of the current outbound message as fits. A large body in native storage is not copied: it
     * joins the gathering write behind its header. Returns true if the message was finished.
     */
    private boolean encodeOutbound() {
        Msg m = outbound;
        int frames = m.frameCount();
        while (outFrame < frames) {
            int length = m.frameLength(outFrame);
            if (outBodyDone < 0) {
                if (BUFFER_SIZE - writeEnd < FrameEncoder.MAX_HEADER_LENGTH) {
                    return false;
                }
                boolean inPlace = length >= ZmtpEngine.DIRECT_BODY_MIN && m.isNative(outFrame) && !gather.holds(m);
                if (inPlace && gather.isFull()) {
                    return false;
                }
                int flags = outFrame < frames - 1 ? FrameFlags.MORE : 0;
                writeEnd += FrameEncoder.writeHeader(writeView, writeEnd, flags, length);
                outBodyDone = 0;
                if (inPlace) {
                    gather.add(writeStart, writeEnd, m.frameIo(outFrame, 0), m);
                    outBodyDone = length;
                }
            }
            int n = Math.min(length - outBodyDone, BUFFER_SIZE - writeEnd);
            writeView.putBytes(writeEnd, m.frameBuffer(outFrame), m.frameOffset(outFrame) + outBodyDone, n);
            writeEnd += n;
            outBodyDone += n;
            if (outBodyDone < length) {
                return false;
            }
            outFrame++;
            outBodyDone = -1;
        }
        outbound = null;
        if (!gather.holds(m)) {
            recycler.recycle(m); // else the gathering write recycles it once written
        }
        return true;
    }
}
