package io.jzmtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A socket that sends. Lets proxies, pollers and configuration-driven code treat sending sockets alike. Owner thread
 * only.
 */
public interface Sender {
    /**
     * Sends a message, waiting while every peer is at its HWM (or none is connected, for types that wait then), for
     * at most the socket's send timeout ({@link SocketOptions.Builder#sendTimeout}; without one, as long as it takes).
     *
     * @param message the message; its arrays must not be modified afterwards
     * @return true if queued for sending; false if the socket's send timeout passed first (back-pressure)
     * @throws SocketInterruptedException if interrupted while waiting (flag left set; nothing was sent)
     * @throws io.jzmtp.core.ContextClosedException if the context closes
     */
    boolean send(Message message);

    /**
     * Sends a message, waiting at most the timeout.
     *
     * @param message the message
     * @param timeout how long to wait for room
     * @return true if queued for sending; false if the timeout passed (back-pressure)
     */
    boolean send(Message message, Duration timeout);

    /**
     * Sends a message if that is possible now. Never blocks.
     *
     * @param message the message
     * @return true if queued for sending; false at the HWM or with no peer
     */
    boolean trySend(Message message);

    /**
     * Sends a one-frame message of UTF-8 text, waiting as {@link #send(Message)} does.
     *
     * @param text the text
     * @return true if queued for sending; false if the socket's send timeout passed
     */
    default boolean send(String text) {
        return send(Message.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
