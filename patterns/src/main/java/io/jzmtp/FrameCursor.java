package io.jzmtp;

import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.socket.Peer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The frame-at-a-time receive state of a socket ({@link Receiver#receiveBytes()}): the message whose frames are being
 * handed out one call at a time, and the index of the next frame to hand out. Holds either a wire message (the usual
 * case; recycled to its peer once its last frame is taken) or an application {@link Message} (taken ahead by a poller,
 * or made by a socket type that adds frames of its own, such as ROUTER's routing id). Holds nothing between
 * messages: a message is held only while frames of it remain, so "holding" means "more frames follow". Owner thread
 * only.
 */
final class FrameCursor {
    private Msg msg;
    private Peer from;
    private Message message;
    private int next;

    /** @return true while a message is partly consumed: the next frame call returns its next frame */
    boolean holding() {
        return msg != null || message != null;
    }

    /**
     * Holds a fetched wire message, from its first delivered frame on. Allocates nothing.
     *
     * @param m the fetched message
     * @param peer the peer it came from (its recycler gets the message back)
     * @param first the index of the first frame the application gets; below the message's frame count
     * @return true
     */
    boolean hold(Msg m, Peer peer, int first) {
        msg = m;
        from = peer;
        next = first;
        return true;
    }

    /**
     * Holds an application message, from its first frame on. Allocates nothing.
     *
     * @param whole the message
     * @return true
     */
    boolean hold(Message whole) {
        message = whole;
        next = 0;
        return true;
    }

    /**
     * The next frame of the held message; releases the message after its last frame. Call only while
     * {@link #holding()}. Allocates only a copy of a frame that is not an inproc sender's own array.
     *
     * @return the frame
     */
    byte[] next() {
        if (message != null) {
            byte[] frame = message.frame(next++);
            if (next == message.size()) {
                message = null;
            }
            return frame;
        }
        byte[] frame = msg.takeFrame(next++);
        if (next == msg.frameCount()) {
            release();
        }
        return frame;
    }

    /**
     * The frames not yet handed out, as one message; the cursor then holds nothing. Call only while
     * {@link #holding()}.
     *
     * @return the rest of the held message
     */
    Message rest() {
        if (message != null) {
            Message r = message.from(next);
            message = null;
            return r;
        }
        Message r = ZSocket.received(msg, next);
        release();
        return r;
    }

    /**
     * Hands the frames not yet handed out to a consumer, as views valid during each call; the cursor then holds
     * nothing. Call only while {@link #holding()}.
     *
     * @param consumer gets each frame
     * @param view the view to point at each frame
     * @return the number of frames delivered
     */
    int deliverRest(FrameConsumer consumer, UnsafeBuffer view) {
        int first = next;
        if (message != null) {
            Message m = message;
            message = null;
            int n = m.size();
            for (int i = first; i < n; i++) {
                view.wrap(m.frame(i));
                consumer.onFrame(view, 0, m.frame(i).length, i < n - 1);
            }
            return n - first;
        }
        Msg m = msg;
        int n = m.frameCount();
        try {
            for (int i = first; i < n; i++) {
                m.wrapFrame(i, view);
                consumer.onFrame(view, 0, m.frameLength(i), i < n - 1);
            }
        } finally {
            release();
        }
        return n - first;
    }

    /** Drops the held message, if any: a wire message goes back to its peer's recycler. */
    void release() {
        if (msg != null) {
            Msg m = msg;
            msg = null;
            from.inRecycler().recycle(m);
            from = null;
        }
        message = null;
    }
}
