package io.jzmtp;

/**
 * The calling thread was interrupted while it waited in a socket call. The thread's interrupt flag is left set, and
 * the socket stays usable.
 */
public final class SocketInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SocketInterruptedException() {
        super("interrupted while waiting in a socket call");
    }
}
