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
     * Sends a one-frame message whose frame is the array, waiting as {@link #send(Message)} does: for at most the
     * socket's send timeout, without one as long as it takes. The array is not copied (on inproc the receiver gets
     * this very array): do not modify it afterwards. Allocates no {@link Message}, nothing besides what the transport
     * does for any message. Blocks while waiting for room; owner thread only.
     *
     * <p>The socket type's rules apply as for {@link #send(Message)}: REQ puts its delimiter before the frame, REP
     * its saved envelope; ROUTER and STREAM refuse a one-frame message.
     *
     * @param frame the frame; not copied
     * @return true if queued for sending; false if the socket's send timeout passed first (back-pressure)
     * @throws IllegalArgumentException on a ROUTER or STREAM socket (a routing id frame must come first)
     * @throws IllegalStateException when the socket's state forbids sending (REQ awaiting its reply)
     * @throws SocketInterruptedException if interrupted while waiting (flag left set; nothing was sent)
     * @throws io.jzmtp.core.ContextClosedException if the context closes
     */
    boolean send(byte[] frame);

    /**
     * Sends a one-frame message whose frame is the array (not copied: do not modify it afterwards), waiting at most
     * the timeout. Allocates no {@link Message}. Blocks while waiting for room; owner thread only.
     *
     * @param frame the frame; not copied
     * @param timeout how long to wait for room
     * @return true if queued for sending; false if the timeout passed (back-pressure)
     * @throws IllegalArgumentException on a ROUTER or STREAM socket (a routing id frame must come first)
     */
    boolean send(byte[] frame, Duration timeout);

    /**
     * Sends a one-frame message whose frame is the array (not copied: do not modify it afterwards) if that is
     * possible now. Never blocks. Allocates no {@link Message}. Owner thread only.
     *
     * @param frame the frame; not copied
     * @return true if queued for sending; false at the HWM or with no peer
     * @throws IllegalArgumentException on a ROUTER or STREAM socket (a routing id frame must come first)
     */
    boolean trySend(byte[] frame);

    /**
     * Sends a one-frame message of UTF-8 text, waiting as {@link #send(Message)} does. Blocks while waiting for room;
     * allocates the encoded bytes only (see {@link #send(byte[])}); owner thread only.
     *
     * @param text the text
     * @return true if queued for sending; false if the socket's send timeout passed
     */
    default boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }
}
