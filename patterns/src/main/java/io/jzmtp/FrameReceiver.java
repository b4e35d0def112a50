package io.jzmtp;

/**
 * The garbage-free receiving path: the next message is handed to a {@link FrameConsumer} frame by frame, as views on
 * a pooled buffer that is recycled afterwards. In steady state nothing is allocated. Owner thread only.
 */
public interface FrameReceiver {
    /**
     * Receives the next message.
     *
     * @param consumer gets each frame in order
     * @param timeoutNanos how long to wait: negative waits without limit, 0 does not wait
     * @return the number of frames delivered; 0 on timeout
     * @throws SocketInterruptedException if interrupted while waiting (flag left set)
     */
    int receive(FrameConsumer consumer, long timeoutNanos);
}
