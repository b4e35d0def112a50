package io.jzmtp;

/**
 * A ROUTER with {@code routerMandatory} was asked to send to a routing id that names no connected peer. Nothing was
 * sent.
 */
public final class HostUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param detail which id */
    public HostUnreachableException(String detail) {
        super(detail);
    }
}
