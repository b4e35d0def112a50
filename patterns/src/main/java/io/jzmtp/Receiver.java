package io.jzmtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A socket that receives. Owner thread only. */
public interface Receiver {
    /**
     * Receives the next message, waiting for one for at most the socket's receive timeout
     * ({@link SocketOptions.Builder#receiveTimeout}; without one, as long as it takes). While a message is partly
     * received frame by frame ({@link #hasMore()} true), returns the rest of it at once instead.
     *
     * @return the message, or null if the socket's receive timeout passed
     * @throws SocketInterruptedException if interrupted while waiting (flag left set; the socket stays usable)
     * @throws io.jzmtp.core.ContextClosedException if the context closes
     */
    Message receive();

    /**
     * Receives the next message, waiting at most the timeout.
     *
     * @param timeout how long to wait
     * @return the message, or null on timeout
     */
    Message receive(Duration timeout);

    /**
     * Receives a message if one is queued (or the rest of a partly received one). Never blocks.
     *
     * @return the message, or null
     */
    Message tryReceive();

    /**
     * Receives the next frame, one call per frame: the first frame of the next message, waiting for one for at most
     * the socket's receive timeout (without one, as long as it takes); or, while {@link #hasMore()} is true, the next
     * frame of the message being received, without waiting. Allocates only the returned array: a copy of the frame
     * (tcp, ipc), or none at all when the frame is an inproc sender's own array ({@link Sender#send(byte[])},
     * {@link Message#of(byte[]...)}), which is then returned as it is. Blocks while waiting; owner thread only.
     *
     * <p>A socket type's envelope is handled as by {@link #receive()}: REQ and REP return the body's frames only,
     * ROUTER returns the routing id frame first.
     *
     * @return the frame, or null if the socket's receive timeout passed
     * @throws SocketInterruptedException if interrupted while waiting (flag left set; the socket stays usable)
     * @throws io.jzmtp.core.ContextClosedException if the context closes
     */
    byte[] receiveBytes();

    /**
     * Receives the next frame as {@link #receiveBytes()} does, waiting at most the timeout for a new message (none at
     * all while {@link #hasMore()} is true). Allocates only the returned array (if at all). Blocks while waiting; owner
     * thread only.
     *
     * @param timeout how long to wait
     * @return the frame, or null on timeout
     */
    byte[] receiveBytes(Duration timeout);

    /**
     * Receives the next frame as {@link #receiveBytes()} does if one is there now. Never blocks. Allocates only the
     * returned array (if at all). Owner thread only.
     *
     * @return the frame, or null
     */
    byte[] tryReceiveBytes();

    /**
     * Whether the message being received frame by frame has more frames: true if the last frame returned by
     * {@link #receiveBytes()} (or {@link #receiveString()}) has more frames of the same message following. Then the
     * next frame call returns the next one without waiting, and {@link #receive()} returns the rest of that message
     * as a {@link Message}. False after a whole message was received. Never blocks, allocates nothing; owner thread
     * only.
     *
     * @return true if more frames of the current message follow
     */
    boolean hasMore();

    /**
     * Receives the next frame as {@link #receiveBytes()} does and decodes it as UTF-8: one frame per call, so for a
     * multipart message the first call returns its first frame and leaves the rest for the next calls
     * ({@link #hasMore()} is then true). Blocks while waiting; allocates the frame and the string; owner thread only.
     *
     * @return the text, or null if the socket's receive timeout passed
     */
    default String receiveString() {
        byte[] frame = receiveBytes();
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /**
     * Receives the next frame within the timeout, as {@link #receiveBytes(Duration)} does, and decodes it as UTF-8.
     * Blocks while waiting; allocates the frame and the string; owner thread only.
     *
     * @param timeout how long to wait
     * @return the text, or null on timeout
     */
    default String receiveString(Duration timeout) {
        byte[] frame = receiveBytes(timeout);
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }
}
