package io.jzmtp.perf.bench.worker;

/**
 * One library's two halves of the latency workload: a REP socket that binds and echoes, a REQ socket that connects
 * and asks. The server methods are called on the server thread, the client methods on the client thread,
 * {@link #close()} on the main thread last (also after a failure, when a half may still be blocked: closing must wake
 * it).
 */
interface LatPeers extends AutoCloseable {
    /**
     * Opens the REP socket and binds it.
     *
     * @param endpoint the endpoint to bind
     * @return the bound endpoint (wildcard port resolved)
     */
    String bindServer(String endpoint);

    /** Receives one request, checks that it is one frame of the size, and sends it back as the reply. */
    void echo();

    /** Closes the REP socket (called once the client has every reply). */
    void closeServer();

    /**
     * Opens the REQ socket and connects it.
     *
     * @param endpoint the bound endpoint
     */
    void connectClient(String endpoint);

    /** Sends one request of the size and receives its reply, checking that it is one frame of the size. */
    void roundTrip();

    /** Closes the REQ socket. */
    void closeClient();

    /** Closes the context. */
    @Override
    void close();
}
