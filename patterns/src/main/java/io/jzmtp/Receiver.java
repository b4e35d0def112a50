package io.jzmtp;

import java.time.Duration;

/** A socket that receives. Owner thread only. */
public interface Receiver {
    /**
     * Receives the next message, waiting for one for at most the socket's receive timeout
     * ({@link SocketOptions.Builder#receiveTimeout}; without one, as long as it takes).
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
     * Receives a message if one is queued. Never blocks.
     *
     * @return the message, or null
     */
    Message tryReceive();

    /**
     * Receives the next message and decodes its first frame as UTF-8.
     *
     * @return the text
     */
    default String receiveString() {
        Message m = receive();
        return m == null ? null : m.string(0);
    }

    /**
     * Receives the next message within the timeout and decodes its first frame as UTF-8.
     *
     * @param timeout how long to wait
     * @return the text, or null on timeout
     */
    default String receiveString(Duration timeout) {
        Message m = receive(timeout);
        return m == null ? null : m.string(0);
    }
}
