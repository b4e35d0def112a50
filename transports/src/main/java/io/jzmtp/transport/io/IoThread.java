package io.jzmtp.transport.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * One selector-driven I/O thread (a daemon named {@code jzmtp-io-N}) that owns a {@link Selector}, the channels
 * registered with it, a {@link TimerService} and an MPSC command mailbox.
 *
 * <p>Duty cycle: run a bounded batch of {@link IoCommand}s, {@code selectNow} and dispatch ready keys to their
 * {@link IoHandler}s, fire due timers; when nothing was done, idle by the chosen {@link IoIdleStrategy}. The blocking
 * strategy sleeps in {@code select} until readiness, the earliest timer deadline, or a wake-up; producers wake it
 * only when it announced the sleep (coalesced, see {@link Wakeup}). Selection uses {@code select(Consumer)}, which
 * allocates no selected-key set or iterator.
 *
 * <p>Threading: {@link #execute}, {@link #close}, {@link #isIoThread} and the counters may be called from any thread.
 * {@link #register}, {@link #closeChannel}, {@link #scheduleTimer} and {@link #cancelTimer} are I/O-thread only (call
 * them from a command, a handler or a timer) and throw {@link IllegalStateException} elsewhere. Application threads
 * never touch the channels or the selector, so interrupting them cannot close a socket.
 *
 * <p>Fault isolation: anything thrown by a command, handler or timer is caught, logged through
 * {@link System.Logger} and counted; a failing handler's channel is closed and the loop carries on.
 */
public final class IoThread implements AutoCloseable {
    /** How long {@link #close()} waits for the thread to finish. */
    public static final long CLOSE_TIMEOUT_MILLIS = 10_000L;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final IoDutyCycle cycle;
    private final Thread thread;

    private IoThread(IoDutyCycle cycle) {
        this.cycle = cycle;
        this.thread = new Thread(cycle::run, cycle.roleName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts a blocking I/O thread on the system clock. Any thread; allocates; opens a selector.
     *
     * @return the running I/O thread
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public static IoThread start() {
        return start(IoIdleStrategy.BLOCKING, SystemNanoClock.INSTANCE);
    }

    /**
     * Starts an I/O thread. Any thread; allocates; opens a selector.
     *
     * @param idleStrategy what the thread does when idle
     * @param clock        the clock that timers are driven by
     * @return the running I/O thread
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public static IoThread start(IoIdleStrategy idleStrategy, NanoClock clock) {
        Objects.requireNonNull(idleStrategy, "idleStrategy");
        Objects.requireNonNull(clock, "clock");
        Selector selector;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        String name = "jzmtp-io-" + SEQUENCE.getAndIncrement();
        IoThread ioThread = new IoThread(new IoDutyCycle(name, selector, idleStrategy, clock));
        ioThread.thread.start();
        return ioThread;
    }

    /**
     * Sends a command to run on this I/O thread, after the commands sent before it by the same producer. Any
     * thread; never blocks; allocation free in steady state. Wakes the thread only if it is (about to be) asleep.
     *
     * @param command the command
     * @return {@code false} if {@link #close()} has begun and the command was not accepted; a command accepted while
     *     close is racing runs during the shutdown drain or, if it lost the race with that drain, never
     */
    public boolean execute(IoCommand command) {
        return cycle.offer(Objects.requireNonNull(command, "command"));
    }

    /**
     * Any thread; allocation free.
     *
     * @return {@code true} if the caller is this I/O thread
     */
    public boolean isIoThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Registers a channel, switching it to non-blocking mode; its readiness is dispatched to {@code handler}. The I/O
     * thread owns the channel from now on and closes it on failure or shutdown. I/O thread only; allocates.
     *
     * @param channel     the channel
     * @param interestOps the {@link SelectionKey} operations of interest
     * @param handler     receives readiness on this thread
     * @return the key; change interest with {@link SelectionKey#interestOps(int)} on this thread only
     * @throws IOException if the channel cannot be made non-blocking or registered
     */
    public SelectionKey register(SelectableChannel channel, int interestOps, IoHandler handler) throws IOException {
        checkIoThread();
        Objects.requireNonNull(handler, "handler");
        channel.configureBlocking(false);
        return channel.register(cycle.selector(), interestOps, handler);
    }

    /**
     * Cancels the key, closes its channel and calls {@link IoHandler#onClosed} with {@code null}. Idempotent. I/O
     * thread only; never blocks.
     *
     * @param key a key returned by {@link #register}
     */
    public void closeChannel(SelectionKey key) {
        checkIoThread();
        cycle.closeKey(key, null);
    }

    /**
     * Schedules a one-shot timer fired on this thread. I/O thread only; allocation free unless the timer set grows.
     *
     * @param deadlineNanos the deadline in this thread's {@link #clock()}
     * @param handler       called when the timer fires
     * @return the timer id for {@link #cancelTimer}
     */
    public long scheduleTimer(long deadlineNanos, TimerHandler handler) {
        checkIoThread();
        return cycle.timers().schedule(deadlineNanos, handler);
    }

    /**
     * Cancels a pending timer. I/O thread only; allocation free.
     *
     * @param timerId the id from {@link #scheduleTimer}
     * @return {@code true} if the timer was pending and will not fire
     */
    public boolean cancelTimer(long timerId) {
        checkIoThread();
        return cycle.timers().cancel(timerId);
    }

    /**
     * Any thread.
     *
     * @return the clock that drives this thread's timers
     */
    public NanoClock clock() {
        return cycle.clock();
    }

    /**
     * Any thread.
     *
     * @return the thread's name, {@code jzmtp-io-N}
     */
    public String name() {
        return thread.getName();
    }

    /**
     * Selector wake-ups issued by command producers. Any thread; for tests and monitoring.
     *
     * @return the coalesced wake-up count; never more than {@link #sleepCount()}
     */
    public long wakeupCount() {
        return cycle.wakeup().wakeupCount();
    }

    /**
     * Times the thread announced that it was about to block in {@code select}. Any thread.
     *
     * @return the announced-sleep count
     */
    public long sleepCount() {
        return cycle.wakeup().sleepCount();
    }

    /**
     * Failures caught in commands, handlers, timers and selection. Any thread.
     *
     * @return the fault count
     */
    public long faultCount() {
        return cycle.faultCount();
    }

    /**
     * Any thread.
     *
     * @return {@code true} once the loop has ended and the selector and all registered channels are closed
     */
    public boolean isTerminated() {
        return cycle.isTerminated();
    }

    /**
     * Stops the loop, runs commands already queued, closes every registered channel (their handlers get
     * {@code onClosed(null)}) and the selector, and waits up to {@link #CLOSE_TIMEOUT_MILLIS} for the thread to end.
     * Any thread; idempotent; blocks (bounded). Called on the I/O thread itself it only requests the stop. If the
     * caller is interrupted while waiting, it keeps waiting (bounded) and its interrupt flag is restored.
     */
    @Override
    public void close() {
        cycle.stop();
        if (isIoThread()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
        while (thread.isAlive()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0L) {
                IoDutyCycle.LOG.log(Level.WARNING, "{0} did not stop within {1} ms", name(), CLOSE_TIMEOUT_MILLIS);
                break;
            }
            try {
                thread.join(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(remaining)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "IoThread[" + name() + "]";
    }

    private void checkIoThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    "must be called on " + name() + ", not " + Thread.currentThread().getName());
        }
    }
}
