package io.jzmtp.transport.pipe;

/**
 * The owner of one end of an {@link SpscPipe}, told about activation edges. The pipe does not know whether the owner
 * is an I/O thread or an application socket.
 *
 * <p>Both methods are called on the thread of the <em>other</em> end, synchronously, and must not block. A typical
 * owner offers a preallocated, idempotent command to its own mailbox and returns; nothing may be allocated here,
 * because these calls sit on the data path. An exception thrown here propagates to the caller of the pipe method
 * that triggered it; the pipe's own state is already consistent.
 */
public interface PipeEvents {

    /**
     * The pipe's reader got {@code null} from {@link SpscPipe#poll()} and armed itself; since then a message was
     * written or the writer closed. Called exactly once per such arming, on the writer's thread.
     *
     * @param pipe the pipe to poll again
     */
    void onReadActivated(SpscPipe<?> pipe);

    /**
     * The pipe's writer got {@code false} from {@link SpscPipe#offer} at the high-water mark; since then the reader
     * consumed down to the low-water mark (or closed). Called exactly once per such blocking episode (unless the
     * writer ended the episode itself by a later successful offer), on the reader's thread.
     *
     * @param pipe the pipe to offer to again
     */
    void onWriteActivated(SpscPipe<?> pipe);
}
