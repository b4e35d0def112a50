package io.jzmtp.transport.msg;

import org.jctools.queues.SpscArrayQueue;

/**
 * Returns spent messages from a pipe's reader to its writer, so that steady-state traffic allocates none.
 *
 * <p>Single producer (the pipe's reader thread, which {@link #recycle}s) and single consumer (the writer thread,
 * which {@link #take}s). When the recycler is empty the writer allocates; when it is full a spent message is
 * left to the garbage collector. Neither blocks.
 */
public final class MsgRecycler {
    private final SpscArrayQueue<Msg> spent;
    private final int initialMessageCapacity;

    /**
     * Creates a recycler.
     *
     * @param capacity how many spent messages it holds (rounded up to a power of two)
     * @param initialMessageCapacity the storage of a newly allocated message, in bytes
     */
    public MsgRecycler(int capacity, int initialMessageCapacity) {
        this.spent = new SpscArrayQueue<>(Math.max(2, capacity));
        this.initialMessageCapacity = initialMessageCapacity;
    }

    /**
     * A clear message for the writer: recycled when possible. Call only from the writer thread.
     *
     * @return a message with no frames; allocates only when none is recycled
     */
    public Msg take() {
        Msg m = spent.poll();
        return m != null ? m : new Msg(initialMessageCapacity);
    }

    /**
     * Hands a spent message back. Call only from the reader thread; the message must not be used afterwards.
     *
     * @param m the spent message
     */
    public void recycle(Msg m) {
        m.clear();
        spent.offer(m);
    }
}
