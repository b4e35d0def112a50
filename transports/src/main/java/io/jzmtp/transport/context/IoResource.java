package io.jzmtp.transport.context;

import io.jzmtp.transport.io.IoThread;

/** Something a context owns on an I/O thread: a listener or a connection session. */
public interface IoResource {
    /** @return the I/O thread that owns it. */
    IoThread ioThread();

    /**
     * Closes it, letting connections send what is queued for at most the linger. Called on its I/O thread.
     *
     * @param lingerNanos the linger; negative for no limit
     */
    void close(long lingerNanos);
}
