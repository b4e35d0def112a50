package io.jzmtp.perf.bench.worker;

/**
 * One library's two halves of the throughput workload: a PULL socket that binds and a PUSH socket that connects.
 * The receiver methods are called on the receiver thread, the sender methods on the sender thread, {@link #close()}
 * on the main thread last (also after a failure, when a half may still be blocked: closing must wake it).
 */
interface ThrPeers extends AutoCloseable {
    /**
     * Opens the PULL socket and binds it.
     *
     * @param endpoint the endpoint to bind
     * @return the bound endpoint (wildcard port resolved)
     */
    String bindReceiver(String endpoint);

    /** Receives one message (blocking or spinning, as the mode says) and checks that it is one frame of the size. */
    void receive();

    /** Closes the PULL socket. */
    void closeReceiver();

    /**
     * Opens the PUSH socket and connects it.
     *
     * @param endpoint the bound endpoint
     */
    void connectSender(String endpoint);

    /** Sends one message of the size, waiting for room as long as it takes. */
    void send();

    /** Closes the PUSH socket (called once the receiver has everything). */
    void closeSender();

    /** Closes the context. */
    @Override
    void close();
}
