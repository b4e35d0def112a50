package io.jzmtp.spec.interop;

import java.time.Duration;
import java.util.List;

/**
 * One socket of one party (ours, libzmq's or JeroMQ's), so that a scenario is written once for every pairing.
 * Every method fails the test (AssertionError) when the socket cannot do what it is asked within its deadline.
 * Test code only; the test's thread.
 */
interface InteropSocket extends AutoCloseable {
    /** How long a send may wait for a peer (a bound REQ, PAIR or PUSH waits for its first peer). */
    Duration SEND_WAIT = Duration.ofSeconds(5);

    /** @return who this is, e.g. "our REQ" or "libzmq ROUTER" */
    String who();

    /** @return the socket type's name, e.g. "REQ" */
    String type();

    /** @return the bound endpoint (with the actual port for a wildcard) */
    String bind(String endpoint);

    /** Connects; the connection is made in the background. */
    void connect(String endpoint);

    /** Sends a message, waiting up to {@link #SEND_WAIT} for room or a peer. */
    void send(List<byte[]> frames);

    /** ROUTER (mandatory): sends, retrying while the first frame names a peer not connected yet. */
    void sendRouted(List<byte[]> frames, Duration retryFor);

    /** @return the next message, or null if none arrives within the timeout */
    List<byte[]> receive(Duration timeout);

    /** SUB: subscribes through the API; XSUB: sends the 0x01 subscription message. */
    void subscribe(String topic);

    /** SUB: unsubscribes through the API; XSUB: sends the 0x00 cancellation message. */
    void unsubscribe(String topic);

    /**
     * Lets the socket process its pending work without sending or receiving, as an application's event loop would.
     * jzmtp, libzmq and JeroMQ all attach a newly accepted peer only when the socket's owner next calls it, and only
     * then does a bound SUB send its subscriptions to that peer.
     */
    void service();

    /** Closes the socket; never blocks for long. */
    @Override
    void close();

    /** Convenience: {@link #send(List)} with {@link Frames#of}. */
    default void send(Object... parts) {
        send(Frames.of(parts));
    }
}
