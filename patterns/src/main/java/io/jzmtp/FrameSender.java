package io.jzmtp;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;

/**
 * The garbage-free sending path: a message is built frame by frame from buffers the caller owns (the bytes are copied
 * into a pooled message, so the caller may reuse its buffer at once) and sent whole. In steady state nothing is
 * allocated. Owner thread only.
 *
 * <p>Frames may instead be lent without copying ({@link #sendLent}, {@link #sendMoreLent}): the bytes stay in the
 * caller's direct buffer, are written to the connection from there (or read there by an inproc receiver), and the
 * buffer comes back through a release callback. That is worth it for large frames, from a few KiB on: a copy of a
 * 64 KiB body costs more than the callback. Frames lent and copied may be mixed in one message.
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

    /**
     * Appends a frame lent without copying to the message being built: the bytes from the buffer's position to its
     * limit. Nothing is sent yet. Never blocks; allocation free once warm; owner thread only. See {@link #sendLent} for
     * the contract.
     *
     * @param frame the frame, from position to limit; must be a direct buffer
     * @param release called once with {@code frame} when jzmtp is done with it
     * @throws IllegalArgumentException if {@code frame} is not direct
     */
    void sendMoreLent(ByteBuffer frame, Consumer<? super ByteBuffer> release);

    /**
     * Appends the last frame, lent without copying, and sends the message. The frame is the bytes from the buffer's
     * position to its limit; they are written to the connection from where they lie (an inproc receiver reads them
     * there), so until {@code release} is called the caller must not change those bytes nor use the buffer object,
     * whose position and limit jzmtp moves. Give each message in flight its own buffer object: duplicates or slices
     * of one memory region are fine, made once and reused after their release.
     *
     * <p>{@code release} is called exactly once per lent frame, with the position and limit as they were at the
     * call: after the bytes were written to the connection (on the I/O thread), after an inproc receiver is done with
     * the message (on its thread), or when the message is dropped for any reason (a timeout, which returns false,
     * the HWM rules of the socket type, a connection lost, the socket closed), on the thread that drops it. So it
     * must be thread-safe and quick, and must not block or call into the socket; an exception it throws is logged
     * and otherwise ignored. Frames sent to several peers at once (PUB, XPUB) are copied for all but one, and the
     * buffer is released once.
     *
     * <p>Blocks while waiting for room as {@link #send(DirectBuffer, int, int, long)} does; allocation free once
     * warm. Owner thread only.
     *
     * @param frame the frame, from position to limit; must be a direct buffer
     * @param release called once with {@code frame} when jzmtp is done with it
     * @param timeoutNanos how long to wait for room: negative waits without limit, 0 does not wait
     * @return true if sent; false on timeout (back-pressure): the message is then discarded (its lent frames
     *     released), build it again
     * @throws IllegalArgumentException if {@code frame} is not direct
     */
    boolean sendLent(ByteBuffer frame, Consumer<? super ByteBuffer> release, long timeoutNanos);
}
