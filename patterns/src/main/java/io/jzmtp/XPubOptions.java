package io.jzmtp;

/**
 * XPUB's own options (RFC 29 and libzmq's XPUB_* options).
 *
 * @param verbose pass every subscription up, not only the first to a topic
 * @param verboser also pass every cancellation up
 * @param nodrop a subscriber at its HWM is back-pressure (send waits or returns false), not a drop
 * @param welcome a message sent to each new subscriber, or null
 * @param manual apply subscriptions only when the application calls subscribe/unsubscribe
 */
public record XPubOptions(boolean verbose, boolean verboser, boolean nodrop, byte[] welcome, boolean manual) {
    /** No verbosity, drops at HWM, no welcome, automatic. */
    public static final XPubOptions DEFAULTS = new XPubOptions(false, false, false, null, false);
}
