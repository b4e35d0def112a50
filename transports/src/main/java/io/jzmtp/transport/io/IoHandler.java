package io.jzmtp.transport.io;

import java.io.IOException;

/**
 * The I/O-thread side of a channel registered with {@link IoThread#register}. Every method is called on that I/O
 * thread only and must not block.
 */
public interface IoHandler {

    /**
     * The channel is ready for the operations in {@code readyOps} ({@link java.nio.channels.SelectionKey} bits).
     * Anything thrown closes this handler's channel (fault isolation per connection) and leads to
     * {@link #onClosed(Throwable)} with the failure; the I/O thread carries on.
     *
     * @param readyOps the ready-operation set of the channel's key
     * @throws IOException an I/O failure; treated like any other failure
     */
    void onReady(int readyOps) throws IOException;

    /**
     * The channel was closed by the I/O thread: after a failure of this handler ({@code cause} non-null), by
     * {@link IoThread#closeChannel}, or when the I/O thread closed ({@code cause} null). Called at most once.
     *
     * @param cause the failure that closed the channel, or {@code null} for an orderly close
     */
    default void onClosed(Throwable cause) {
    }
}
