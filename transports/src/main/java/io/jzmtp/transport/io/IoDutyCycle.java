package io.jzmtp.transport.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jctools.queues.MessagePassingQueue;

/**
 * The work of one {@link IoThread}, Agrona-{@link Agent} style: {@link #doWork()} drains a bounded batch of commands,
 * dispatches ready keys and fires due timers, and returns the amount of work for {@link #idle(int)}.
 *
 * <p>Everything here runs on the I/O thread, except {@link #stop()} and the counters. Every command, handler and
 * timer runs inside its own catch-all: a failure is logged and counted, a failing handler's channel is closed, and
 * the loop carries on.
 */
final class IoDutyCycle implements Agent {
    static final System.Logger LOG = System.getLogger(IoThread.class.getName());

    private static final int COMMAND_BATCH = 256;
    private static final int TIMER_BATCH = 256;
    private static final int SHUTDOWN_COMMAND_LIMIT = 1 << 16;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final String roleName;
    private final Selector selector;
    private final SelectorWakeup wakeup;
    private final MpscCommandQueue<IoCommand> commands;
    private final TimerService timers = new TimerService(64);
    private final NanoClock clock;
    private final IoIdleStrategy idleStrategy;
    /** Idle cycles to poll (selectNow) before blocking in select. */
    private static final int SPIN_CYCLES_BEFORE_BLOCKING = 100;
    private int idleCycles;
    private final MessagePassingQueue.Consumer<IoCommand> commandRunner = this::runCommand;
    private final Consumer<SelectionKey> dispatcher = this::dispatch;

    /** Cleared by {@link #stop()} on any thread, read by the I/O thread each cycle. */
    private volatile boolean running = true;
    /** Set by the I/O thread after the selector is closed; read by anyone. */
    private volatile boolean terminated;
    /** Written by the I/O thread only; volatile so monitoring threads read whole values. */
    private volatile long faults;

    IoDutyCycle(String roleName, Selector selector, IoIdleStrategy idleStrategy, NanoClock clock) {
        this.roleName = roleName;
        this.selector = selector;
        this.idleStrategy = idleStrategy;
        this.clock = clock;
        this.wakeup = new SelectorWakeup(selector);
        this.commands = new MpscCommandQueue<>(wakeup);
    }

    @Override
    public String roleName() {
        return roleName;
    }

    @Override
    public int doWork() {
        int work = commands.drain(commandRunner, COMMAND_BATCH);
        if (!selector.keys().isEmpty()) { // also flushes keys cancelled since the last select
            work += selectNow();
        }
        return work + runTimers();
    }

    /** Runs the cycle until {@link #stop()}, then shuts down. The I/O thread's body. */
    void run() {
        try {
            while (running) {
                clearInterrupt();
                idle(doWork());
            }
        } finally {
            onClose();
        }
    }

    void idle(int workCount) {
        if (workCount > 0) {
            idleCycles = 0;
            return;
        }
        if (idleStrategy == IoIdleStrategy.BUSY_SPIN) {
            // Give the core away between idle polls (each poll is a selectNow system call already): where busy threads
            // outnumber cores, the thread this one waits for (an application thread with a message to send) would
            // otherwise queue behind it for a whole scheduler time slice, milliseconds. Measured on 2 cores with two
            // spinning application threads: REQ/REP half round trip p50 4 ms before, about 7.5 us with the yield.
            Thread.yield();
            return;
        }
        // Under load, work arrives again within microseconds: polling a little longer before blocking saves the
        // producers a selector wake-up (a system call each) per message. Bounded, so an idle thread still blocks
        // after a few tens of microseconds.
        if (idleCycles < SPIN_CYCLES_BEFORE_BLOCKING) {
            idleCycles++;
            Thread.onSpinWait();
            return;
        }
        long timeoutMillis = 0L; // 0 = no timer: block until readiness or a wake-up
        if (!timers.isEmpty()) {
            long remaining = timers.nextDeadline() - clock.nanoTime();
            if (remaining <= 0L) {
                return;
            }
            timeoutMillis = Math.max(1L, (remaining + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
        }
        if (!running || !commands.prepareToSleep()) {
            return;
        }
        try {
            selector.select(dispatcher, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            fault("select failed", e);
        } finally {
            commands.awake();
        }
    }

    @Override
    public void onClose() {
        try {
            drainCommandsOnce(SHUTDOWN_COMMAND_LIMIT);
            for (SelectionKey key : selector.keys().toArray(new SelectionKey[0])) {
                closeKey(key, null);
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the selector of " + roleName + " failed", e);
            }
        } finally {
            terminated = true;
        }
    }

    /** Any thread: asks the loop to stop and wakes it. */
    void stop() {
        running = false;
        wakeup.forceWake();
    }

    /** Any thread: enqueues a command unless stopping. */
    boolean offer(IoCommand command) {
        if (!running) {
            return false;
        }
        commands.offer(command);
        return true;
    }

    /** I/O thread: cancels the key, closes its channel and tells its handler, once. */
    void closeKey(SelectionKey key, Throwable cause) {
        IoHandler handler = (IoHandler) key.attach(null);
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a channel failed", e);
        }
        if (handler != null) {
            try {
                handler.onClosed(cause);
            } catch (Throwable t) {
                fault("IoHandler.onClosed failed", t);
            }
        }
    }

    Selector selector() {
        return selector;
    }

    TimerService timers() {
        return timers;
    }

    NanoClock clock() {
        return clock;
    }

    Wakeup wakeup() {
        return wakeup;
    }

    long faultCount() {
        return faults;
    }

    boolean isTerminated() {
        return terminated;
    }

    private int selectNow() {
        try {
            return selector.selectNow(dispatcher);
        } catch (IOException | RuntimeException e) {
            fault("selectNow failed", e);
            return 0;
        }
    }

    private void dispatch(SelectionKey key) {
        IoHandler handler = (IoHandler) key.attachment();
        if (handler == null) {
            return;
        }
        try {
            if (key.isValid()) { // an earlier handler in this batch may have closed this channel
                handler.onReady(key.readyOps());
            }
        } catch (Throwable t) {
            fault("IoHandler failed; closing its channel", t);
            closeKey(key, t);
        }
        clearInterrupt();
    }

    private void runCommand(IoCommand command) {
        try {
            command.execute();
        } catch (Throwable t) {
            fault("IoCommand failed", t);
        }
        clearInterrupt();
    }

    /**
     * Nobody should interrupt an I/O thread (close() stops it). A flag left set would make every select() return at
     * once (a busy loop) and would close the next interruptible channel this thread reads or writes, so it is cleared
     * at once: after every command and handler, and once per cycle for interrupts from other threads.
     */
    private void clearInterrupt() {
        if (Thread.interrupted()) {
            LOG.log(Level.WARNING, roleName + ": ignoring an interrupt; use close() to stop an I/O thread");
        }
    }

    private int runTimers() {
        if (timers.isEmpty()) {
            return 0;
        }
        try {
            return timers.poll(clock.nanoTime(), TIMER_BATCH);
        } catch (Throwable t) {
            fault("TimerHandler failed", t);
            return 1;
        }
    }

    private void drainCommandsOnce(int limit) {
        commands.drain(commandRunner, limit);
    }

    private void fault(String what, Throwable t) {
        faults++; // only the I/O thread writes
        LOG.log(Level.WARNING, roleName + ": " + what, t);
    }
}
