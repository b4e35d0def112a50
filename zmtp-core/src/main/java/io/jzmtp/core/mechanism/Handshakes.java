package io.jzmtp.core.mechanism;

import io.jzmtp.core.AuthResult;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;

/** Failures shared by the mechanisms. Package-private; allocates only when failing. */
final class Handshakes {
    private Handshakes() {
    }

    /**
     * Turns an inbound ERROR into its failure, or reports any other command as unexpected in this state.
     *
     * @param c the command that the current state does not expect
     * @param state the state, for the detail
     * @return the exception to throw
     */
    static ProtocolException unexpected(CommandView c, String state) {
        if (c.is(CommandNames.ERROR)) {
            try {
                // RFC 23: ERROR is fatal; the reason "has no defined semantic value" and is only reported.
                return new ProtocolException(ProtocolError.ERROR_RECEIVED, "peer sent ERROR: " + Commands.parseError(c));
            } catch (ProtocolException malformed) {
                return malformed;
            }
        }
        return new ProtocolException(ProtocolError.ZMTP_UNEXPECTED_COMMAND,
            "command " + c.name() + " while " + state);
    }

    /**
     * The failure for a refusing authentication decision: the ERROR reply carries the ZAP status code, as
     * libzmq's does.
     *
     * @param result the refusing decision
     * @return the exception to throw
     */
    static ProtocolException refused(AuthResult result) {
        return new ProtocolException(ProtocolError.AUTHENTICATION_FAILED,
            "authentication refused the peer: " + result.statusCode() + " " + result.statusText(),
            ProtocolException.NO_OFFSET, result.statusCode());
    }
}
