package io.jzmtp.transport.pipe;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts activation events; thread-safe. */
final class CountingEvents implements PipeEvents {
    final AtomicInteger readActivations = new AtomicInteger();
    final AtomicInteger writeActivations = new AtomicInteger();

    @Override
    public void onReadActivated(SpscPipe<?> pipe) {
        readActivations.incrementAndGet();
    }

    @Override
    public void onWriteActivated(SpscPipe<?> pipe) {
        writeActivations.incrementAndGet();
    }

    int reads() {
        return readActivations.get();
    }

    int writes() {
        return writeActivations.get();
    }
}
