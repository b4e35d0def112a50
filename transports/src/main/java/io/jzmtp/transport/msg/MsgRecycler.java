package io.jzmtp.transport.msg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jctools.queues.SpscArrayQueue;

/**
 * Returns spent messages from a pipe's reader to its writer, so that steady-state traffic allocates none.
 *
 * <p>Single producer (the pipe's reader thread, which {@link #recycle}s) and single consumer (the writer thread,
 * which {@link #take}s). Small messages come back first in, first out, through a bounded queue: when it is empty
 * the writer allocates; when it is full a spent message is left to the garbage collector. Large messages (native
 * storage) come back last in, first out, through a stack, so that the writer refills the message spent most
 * recently, whose storage is still in the processor's cache, instead of the one spent longest ago (a pool of a
 * thousand 64 KiB messages cycled in order would make every copy a trip to main memory). Neither side blocks.
 */
public final class MsgRecycler {
    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(MsgRecycler.class, "top", Msg.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SpscArrayQueue<Msg> spent;
    private final int initialMessageCapacity;
    /** The stack of spent large messages, linked through {@link Msg#recycledNext}. */
    @SuppressWarnings("unused") // through TOP
    private volatile Msg top;

    /**
     * Creates a recycler.
     *
     * @param capacity how many spent small messages it holds (rounded up to a power of two)
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
        Msg t = top;
        // Only this thread pops, so a message cannot leave and come back between the read and the swap (no ABA).
        while (t != null) {
            Msg next = t.recycledNext;
            if (TOP.compareAndSet(this, t, next)) {
                t.recycledNext = null;
                return t;
            }
            t = top;
        }
        Msg m = spent.poll();
        if (m == null) {
            return new Msg(initialMessageCapacity);
        }
        m.clear(); // here rather than in recycle(): see there
        return m;
    }

    /**
     * Hands a spent message back. Call only from the reader thread; the message must not be used afterwards.
     *
     * @param m the spent message
     */
    public void recycle(Msg m) {
        if (!m.hasNativeStorage()) {
            // A small message is cleared by the writer when it takes it back: the writer writes the same fields
            // (and the same cache lines) anyway to fill it, so the reader, which only read them, leaves them
            // unwritten and they need not travel back to its core and again to the writer's for every message.
            // Only arrays the message owns are let go now, so that the pool keeps no application array alive.
            m.dropOwned();
            spent.offer(m);
            return;
        }
        m.clear();
        Msg t;
        do {
            t = top;
            m.recycledNext = t;
        } while (!TOP.compareAndSet(this, t, m));
    }
}
