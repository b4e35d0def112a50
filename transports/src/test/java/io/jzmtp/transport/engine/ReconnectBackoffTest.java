package io.jzmtp.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    @Test
    void fixedIntervalPlusJitter() {
        ReconnectBackoff b = new ReconnectBackoff(100, 0, bound -> bound - 1);
        assertEquals(199, b.nextDelayNanos());
        assertEquals(199, b.nextDelayNanos());
    }

    @Test
    void doublesUpToTheMaximumAndResets() {
        ReconnectBackoff b = new ReconnectBackoff(100, 500, bound -> 0);
        assertEquals(100, b.nextDelayNanos());
        assertEquals(200, b.nextDelayNanos());
        assertEquals(400, b.nextDelayNanos());
        assertEquals(500, b.nextDelayNanos());
        assertEquals(500, b.nextDelayNanos());
        b.reset();
        assertEquals(100, b.nextDelayNanos());
    }

    @Test
    void nonPositiveIntervalDisablesReconnection() {
        ReconnectBackoff b = new ReconnectBackoff(-1, 0, bound -> 0);
        assertFalse(b.enabled());
        assertThrows(IllegalStateException.class, b::nextDelayNanos);
    }
}
