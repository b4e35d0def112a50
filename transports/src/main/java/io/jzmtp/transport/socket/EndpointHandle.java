package io.jzmtp.transport.socket;

/** A socket's bound or connected endpoint, as its owner thread sees it. */
public interface EndpointHandle {
    /** @return the endpoint (for a bind, the resolved one, with the actual port). */
    String endpoint();

    /** @return true for a bound endpoint, false for a connected one. */
    boolean isBound();

    /**
     * Closes the endpoint and its connections; connections keep sending what is queued for at most the linger.
     * Any thread; never blocks.
     *
     * @param lingerNanos the linger; negative for no limit
     */
    void close(long lingerNanos);

    /**
     * Closes the endpoint like {@link #close(long)}, but for a bound endpoint waits until the listening channel is
     * closed, so that the address can be bound again at once. Owner thread; blocks briefly (uninterruptibly) for a
     * bound endpoint.
     *
     * @param lingerNanos the linger for the endpoint's connections
     */
    default void closeAndWait(long lingerNanos) {
        close(lingerNanos);
    }
}
