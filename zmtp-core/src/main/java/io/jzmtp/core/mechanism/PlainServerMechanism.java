package io.jzmtp.core.mechanism;

import io.jzmtp.core.AuthResult;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.command.PlainCredentials;
import java.util.List;
import java.util.Objects;

/**
 * The server side of PLAIN (RFC 24): expects HELLO, asks authentication about the credentials, answers WELCOME
 * (or ERROR with the ZAP status code), expects INITIATE with the client's metadata, and answers READY.
 *
 * <p>Not thread-safe: one owner. Control path: allocates.
 */
public final class PlainServerMechanism implements Mechanism {
    private enum State { EXPECT_HELLO, AUTHENTICATING, SEND_WELCOME, EXPECT_INITIATE, SEND_READY, DONE }

    private final HandshakeConfig config;
    private State state = State.EXPECT_HELLO;
    private PlainCredentials credentials;
    private Metadata peerMetadata;
    private String userId;

    /**
     * Creates the server.
     *
     * @param config our side
     */
    public PlainServerMechanism(HandshakeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean asServer() {
        return true;
    }

    @Override
    public byte[] nextCommand() {
        if (state == State.SEND_WELCOME) {
            state = State.EXPECT_INITIATE;
            return Commands.welcome();
        }
        if (state == State.SEND_READY) {
            state = State.DONE;
            return Commands.ready(config.localMetadata());
        }
        return null;
    }

    @Override
    public void receiveCommand(CommandView c) throws ProtocolException {
        if (state == State.EXPECT_HELLO && c.is(CommandNames.HELLO)) {
            credentials = Commands.parsePlainHello(c);
            state = State.AUTHENTICATING;
        } else if (state == State.EXPECT_INITIATE && c.is(CommandNames.INITIATE)) {
            Metadata md = Commands.parseInitiate(c);
            config.checkPeer(md);
            peerMetadata = md;
            state = State.SEND_READY;
        } else {
            throw Handshakes.unexpected(c, "PLAIN server in state " + state);
        }
    }

    @Override
    public AuthRequest authRequest() {
        return state == State.AUTHENTICATING
            ? new AuthRequest(name(), List.of(credentials.username(), credentials.password())) : null;
    }

    @Override
    public void authenticated(AuthResult result) throws ProtocolException {
        if (state != State.AUTHENTICATING) {
            throw new IllegalStateException("no authentication is pending (state " + state + ")");
        }
        if (!result.accepted()) {
            throw Handshakes.refused(result);
        }
        userId = result.userId();
        state = State.SEND_WELCOME;
    }

    @Override
    public boolean isReady() {
        return state == State.DONE;
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
