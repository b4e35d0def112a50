package io.jzmtp.spec.catalogue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ZmtpVersion;
import io.jzmtp.core.connection.ZmtpConnection;
import java.util.List;

/** What a catalogue case must produce. */
sealed interface Expectation permits Expectation.Fails, Expectation.Tolerates {
    /**
     * The peer must be refused with exactly this reason.
     *
     * @param error the reason
     * @param offset the stream offset of the offending byte ({@code -1} where the codec names none)
     * @param errorReply the reason to send in ERROR before closing, or null for none
     * @param maxOutput the most bytes we may have released to the peer by then, or -1 for no bound
     */
    record Fails(ProtocolError error, long offset, String errorReply, int maxOutput) implements Expectation {
    }

    /**
     * The input must be accepted.
     *
     * @param phase where the connection must end up (TRAFFIC: the handshake completed)
     * @param events what the handler must receive, in order (see {@link Recorder})
     * @param version the negotiated revision, or null to leave it unchecked
     */
    record Tolerates(ZmtpConnection.Phase phase, List<String> events, ZmtpVersion version) implements Expectation {
    }
}
