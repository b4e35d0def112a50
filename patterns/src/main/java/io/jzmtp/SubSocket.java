package io.jzmtp;

import io.jzmtp.core.SocketType;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import java.nio.charset.StandardCharsets;

/**
 * A SUB socket (RFC 29): receives the messages whose first frame starts with one of its subscriptions (prefix match;
 * the empty subscription matches everything). Subscribe before or after connecting: subscriptions reach every
 * publisher, now and after each reconnection. It sends nothing.
 *
 * <p>Owner thread only; see {@link ZSocket}.
 */
public final class SubSocket extends Subscriber implements FrameReceiver {
    SubSocket(Context context, SocketOptions options) {
        super(context, SocketType.SUB, options);
    }

    /**
     * Subscribes to messages starting with the topic. Counted: subscribing twice needs two unsubscribes.
     *
     * @param topic the prefix (empty for everything)
     */
    public void subscribe(byte[] topic) {
        core.checkOpen();
        core.processCommands();
        change(true, topic);
    }

    /** @param topic the prefix as UTF-8 text */
    public void subscribe(String topic) {
        subscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes one subscription to the topic; does nothing if none is held.
     *
     * @param topic the prefix
     */
    public void unsubscribe(byte[] topic) {
        core.checkOpen();
        core.processCommands();
        change(false, topic);
    }

    /** @param topic the prefix as UTF-8 text */
    public void unsubscribe(String topic) {
        unsubscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    Message accept(Msg m, Peer from) {
        // RFC 29: filtering happens at the publisher; filtering here too drops what arrived before a cancellation.
        if (m.frameCount() == 0 || !matches(m.frameBuffer(0), m.frameOffset(0), m.frameLength(0))) {
            return null;
        }
        return super.accept(m, from);
    }

    @Override
    public int receive(FrameConsumer consumer, long timeoutNanos) {
        return receiveFrames(consumer, timeoutNanos);
    }

    @Override
    int deliverFrom(Msg m, Peer from) {
        return m.frameCount() > 0 && matches(m.frameBuffer(0), m.frameOffset(0), m.frameLength(0)) ? 0 : -1;
    }
}
