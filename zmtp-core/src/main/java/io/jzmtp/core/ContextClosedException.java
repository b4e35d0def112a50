package io.jzmtp.core;

/**
 * The context a socket belongs to was closed: the call cannot proceed. Thrown to threads blocked in, or calling,
 * a socket of a closed context.
 */
public final class ContextClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ContextClosedException() {
        super("the context is closed");
    }
}
