package io.jzmtp.transport.io;

/** Callback for a timer of a {@link TimerService}. Called on the thread that polls the service (an I/O thread). */
@FunctionalInterface
public interface TimerHandler {

    /**
     * The timer expired. The timer is already removed, so the handler may schedule a new one (periodic timers
     * reschedule themselves). Must not block.
     *
     * @param timerId  the id that {@link TimerService#schedule} returned
     * @param nowNanos the clock reading that made the timer due
     */
    void onTimer(long timerId, long nowNanos);
}
