package io.jzmtp.core.mechanism;

import io.jzmtp.core.AuthResult;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import java.util.List;
import java.util.Objects;

/**
 * The NULL mechanism (RFC 23, "The NULL Security Mechanism"): each side sends READY with its metadata and
 * receives the other's; either may send ERROR instead. The as-server flag is always 0.
 *
 * <p>With {@code authenticate} set (libzmq does this when a ZAP domain is configured), our READY is held back
 * until authentication accepts the peer; a refusal answers with ERROR and closes.
 *
 * <p>Not thread-safe: one owner. Control path: allocates.
 */
public final class NullMechanism implements Mechanism {
    private final HandshakeConfig config;
    private boolean authPending;
    private boolean readySent;
    private Metadata peerMetadata;
    private String userId;

    /**
     * Creates the mechanism.
     *
     * @param config our side
     * @param authenticate true to ask authentication (ZAP) before sending READY
     */
    public NullMechanism(HandshakeConfig config, boolean authenticate) {
        this.config = Objects.requireNonNull(config, "config");
        this.authPending = authenticate;
    }

    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public boolean asServer() {
        // RFC 23: "When a peer uses the NULL security mechanism, the as-server field MUST be zero."
        return false;
    }

    @Override
    public byte[] nextCommand() {
        // RFC 23: "each peer MUST send its READY command before attempting to receive a READY from the other
        // peer" - so READY goes out at once, unless authentication must accept the peer first.
        if (readySent || authPending) {
            return null;
        }
        readySent = true;
        return Commands.ready(config.localMetadata());
    }

    @Override
    public void receiveCommand(CommandView c) throws ProtocolException {
        if (!c.is(CommandNames.READY)) {
            throw Handshakes.unexpected(c, "expecting READY");
        }
        if (peerMetadata != null) {
            throw new ProtocolException(ProtocolError.ZMTP_UNEXPECTED_COMMAND, "second READY");
        }
        Metadata md = Commands.parseReady(c);
        config.checkPeer(md);
        peerMetadata = md;
    }

    @Override
    public AuthRequest authRequest() {
        return authPending ? new AuthRequest(name(), List.of()) : null;
    }

    @Override
    public void authenticated(AuthResult result) throws ProtocolException {
        if (!authPending) {
            throw new IllegalStateException("no authentication is pending");
        }
        authPending = false;
        if (!result.accepted()) {
            throw Handshakes.refused(result);
        }
        userId = result.userId();
    }

    @Override
    public boolean isReady() {
        return readySent && peerMetadata != null;
    }

    @Override
    public Metadata peerMetadata() {
        return peerMetadata;
    }

    @Override
    public String userId() {
        return userId;
    }
}
