package io.jzmtp.perf.bench.worker;

import io.jzmtp.Context;
import io.jzmtp.IdleStrategy;
import io.jzmtp.Message;

/** What the jzmtp workers share: the context for the mode, and the checks of what arrived. */
final class Jzmtp {
    private Jzmtp() {
    }

    /**
     * @param spin true for the spin mode
     * @return a context with one I/O thread, busy-spinning in the spin mode and blocking otherwise
     */
    static Context context(boolean spin) {
        return Context.builder().idleStrategy(spin ? IdleStrategy.BUSY_SPIN : IdleStrategy.BLOCKING).build();
    }

    /**
     * @param frames frames delivered by a frame receive
     * @param length the length of the last frame
     * @param size the expected size
     * @throws IllegalStateException unless it was one frame of the size
     */
    static void check(int frames, int length, int size) {
        if (frames != 1 || length != size) {
            throw new IllegalStateException("received " + frames + " frame(s), the last of " + length
                + " bytes: expected 1 frame of " + size);
        }
    }

    /**
     * @param frame a frame received through the one-object API
     * @param more whether the socket said more frames of its message follow
     * @param size the expected size
     * @return the frame
     * @throws IllegalStateException unless it is the only frame of its message and of the size
     */
    static byte[] check(byte[] frame, boolean more, int size) {
        if (frame == null) {
            throw new IllegalStateException("receiveBytes returned no frame");
        }
        if (more || frame.length != size) {
            throw new IllegalStateException("received a frame of " + frame.length + " bytes"
                + (more ? " with more frames following" : "") + ": expected 1 frame of " + size);
        }
        return frame;
    }

    /**
     * @param m a message received
     * @param size the expected size
     * @return the message
     * @throws IllegalStateException unless it is one frame of the size
     */
    static Message check(Message m, int size) {
        if (m == null) {
            throw new IllegalStateException("receive returned no message");
        }
        if (m.size() != 1 || m.frame(0).length != size) {
            throw new IllegalStateException("received " + m.size() + " frame(s), the first of "
                + (m.size() == 0 ? 0 : m.frame(0).length) + " bytes: expected 1 frame of " + size);
        }
        return m;
    }
}
