package io.jzmtp.transport.io;

import java.nio.channels.Selector;

/** A {@link Wakeup} for an I/O thread that blocks in {@link Selector#select}. */
final class SelectorWakeup extends Wakeup {
    private final Selector selector;

    SelectorWakeup(Selector selector) {
        this.selector = selector;
    }

    @Override
    void wake() {
        selector.wakeup();
    }
}
