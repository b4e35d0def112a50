package io.jzmtp.spec.catalogue;

import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.connection.ZmtpConnection;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds a case's bytes to a fresh {@link ZmtpConnection} (the pure codec: no sockets) in chunks of a given size,
 * answering authentication questions with the case's decision, and reports what happened. Every throwable is
 * caught and reported, so that a test can tell a typed refusal from anything else escaping.
 */
final class CaseRunner {
    /**
     * What one run produced.
     *
     * @param refusal the ProtocolException that ended the run, or null
     * @param escaped any other throwable that came out of the codec, or null
     * @param events what the handler received
     * @param consumed how many input bytes the connection consumed
     * @param output how many bytes the connection released to the peer
     * @param connection the connection, in its final state
     */
    record Outcome(ProtocolException refusal, Throwable escaped, List<String> events, long consumed, long output,
        ZmtpConnection connection) {
        /** @return a one-line summary for assertion messages. */
        String summary() {
            if (escaped != null) {
                return "escaped " + escaped;
            }
            if (refusal != null) {
                return "refused " + refusal.error() + " at " + refusal.offset() + " reply " + refusal.errorReply()
                    + " (" + refusal.getMessage() + ")";
            }
            return "accepted, phase " + connection.phase() + ", consumed " + consumed;
        }
    }

    private CaseRunner() {
    }

    /**
     * Runs a case.
     *
     * @param c the case
     * @param chunk the most bytes handed to {@code receive} at once
     * @return the outcome
     */
    static Outcome run(MalformedCase c, int chunk) {
        Recorder recorder = new Recorder();
        ExpandableArrayBuffer sink = new ExpandableArrayBuffer(1024);
        UnsafeBuffer src = new UnsafeBuffer(c.wire());
        int length = c.wire().length;
        int pos = 0;
        long output = 0;
        ZmtpConnection conn = null;
        try {
            conn = c.local().connect();
            output += drain(conn, sink);
            while (pos < length) {
                int n = Math.min(chunk, length - pos);
                int used = conn.receive(src, pos, n, recorder);
                pos += used;
                output += drain(conn, sink);
                if (conn.authRequest() != null) {
                    conn.authenticated(c.local().decision());
                    output += drain(conn, sink);
                } else if (used < n) {
                    throw new AssertionError("receive consumed " + used + " of " + n
                        + " bytes with no authentication pending and a handler that never pauses");
                }
            }
            if (conn.authRequest() != null) {
                conn.authenticated(c.local().decision());
                output += drain(conn, sink);
            }
            return new Outcome(null, null, recorder.events(), pos, output, conn);
        } catch (ProtocolException e) {
            return new Outcome(e, null, recorder.events(), pos, output, conn);
        } catch (Throwable t) {
            return new Outcome(null, t, recorder.events(), pos, output, conn);
        }
    }

    private static long drain(ZmtpConnection conn, ExpandableArrayBuffer sink) {
        long total = 0;
        while (conn.outputAvailable() > 0) {
            total += conn.takeOutput(sink, 0, sink.capacity());
        }
        return total;
    }
}
