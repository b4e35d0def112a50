package io.jzmtp.spec.properties;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.connection.ZmtpConnection;
import io.jzmtp.core.AuthResult;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds a whole inbound stream to a {@link ZmtpConnection} in the chunks of a cutting, the way an I/O loop would:
 * unconsumed bytes are kept and passed again (from a fresh buffer), pending authentication is answered, and the
 * released output is collected.
 */
final class ConnectionFeeder {
    private ConnectionFeeder() {
    }

    /**
     * What the connection did with the stream.
     *
     * @param events what the handler received
     * @param violations traffic delivered before ready
     * @param error the protocol error that ended it, or null
     * @param errorOffset its stream offset (-2 without an error)
     * @param errorReply its ERROR reply, or null
     * @param ready whether the connection ended ready
     * @param output all bytes the connection released
     * @param consumed how many input bytes it consumed
     */
    record Result(List<String> events, List<String> violations, ProtocolError error, long errorOffset,
        String errorReply, boolean ready, byte[] output, int consumed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && r.events.equals(events) && r.violations.equals(violations)
                && r.error == error && r.errorOffset == errorOffset
                && java.util.Objects.equals(r.errorReply, errorReply)
                && r.ready == ready && Arrays.equals(r.output, output) && r.consumed == consumed;
        }

        @Override
        public int hashCode() {
            return events.hashCode();
        }

        @Override
        public String toString() {
            return "Result[events=" + events + ", violations=" + violations + ", error=" + error + " at "
                + errorOffset + " reply " + errorReply + ", ready=" + ready + ", output=" + output.length
                + " bytes, consumed=" + consumed + "]";
        }
    }

    /**
     * Feeds the stream.
     *
     * @param conn the connection, fresh
     * @param input the peer's bytes
     * @param chunking where the reads end
     * @param pauseEvery the handler pauses after every n-th message frame; 0 never
     * @param decisions answers pending authentication requests (called once per request)
     * @return what happened; only a {@link ProtocolException} is caught, anything else propagates
     */
    static Result feed(ZmtpConnection conn, byte[] input, Chunking chunking, int pauseEvery,
        Supplier<AuthResult> decisions) {
        Recorder rec = new Recorder(pauseEvery);
        rec.watch(conn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        drain(conn, out);
        int[] bounds = chunking.boundaries(input.length);
        int consumed = 0;
        try {
            for (int c = 1; c < bounds.length; c++) {
                int available = bounds[c];
                while (consumed < available) {
                    int slack = (consumed + c) % 5;
                    byte[] chunk = new byte[slack + available - consumed + 2];
                    System.arraycopy(input, consumed, chunk, slack, available - consumed);
                    rec.paused = false;
                    int n = conn.receive(new UnsafeBuffer(chunk), slack, available - consumed, rec);
                    Arrays.fill(chunk, (byte) 0x3C);
                    drain(conn, out);
                    if (n < 0 || n > available - consumed) {
                        throw new AssertionError("receive consumed " + n + " of " + (available - consumed));
                    }
                    consumed += n;
                    if (consumed == available) {
                        break;
                    }
                    if (conn.authRequest() != null) {
                        conn.authenticated(decisions.get());
                        drain(conn, out);
                    } else if (!rec.paused) {
                        throw new AssertionError("receive stopped at stream byte " + consumed
                            + " with no authentication pending and no pause requested");
                    }
                }
            }
            // Bytes all in: a request raised by the last byte is answered too.
            if (conn.authRequest() != null) {
                conn.authenticated(decisions.get());
                drain(conn, out);
            }
        } catch (ProtocolException e) {
            drain(conn, out);
            return new Result(rec.events, rec.violations, e.error(), e.offset(), e.errorReply(), conn.isReady(),
                out.toByteArray(), consumed);
        }
        return new Result(rec.events, rec.violations, null, -2, null, conn.isReady(), out.toByteArray(), consumed);
    }

    static void drain(ZmtpConnection conn, ByteArrayOutputStream out) {
        int n = conn.outputAvailable();
        if (n > 0) {
            byte[] b = new byte[n];
            int got = conn.takeOutput(new UnsafeBuffer(b), 0, n);
            out.write(b, 0, got);
        }
    }
}
