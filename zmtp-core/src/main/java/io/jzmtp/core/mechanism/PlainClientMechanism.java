package io.jzmtp.core.mechanism;

import io.jzmtp.core.AuthResult;
import io.jzmtp.core.AuthRequest;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import java.util.Objects;

/**
 * The client side of PLAIN (RFC 24): HELLO with username and password, then WELCOME from the server, then our
 * INITIATE with metadata, then the server's READY. The server may answer HELLO or INITIATE with ERROR.
 *
 * <p>Credentials travel in clear text: PLAIN is for trusted networks. Not thread-safe: one owner. Control path:
 * allocates.
 */
public final class PlainClientMechanism implements Mechanism {
    private enum State { SEND_HELLO, EXPECT_WELCOME, SEND_INITIATE, EXPECT_READY, DONE }

    private final HandshakeConfig config;
    private final byte[] username;
    private final byte[] password;
    private State state = State.SEND_HELLO;
    private Metadata peerMetadata;

    /**
     * Creates the client.
     *
     * @param config our side
     * @param username 0 to 255 bytes
     * @param password 0 to 255 bytes
     * @throws IllegalArgumentException if a credential is longer than 255 bytes
     */
    public PlainClientMechanism(HandshakeConfig config, byte[] username, byte[] password) {
        this.config = Objects.requireNonNull(config, "config");
        this.username = Objects.requireNonNull(username, "username").clone();
        this.password = Objects.requireNonNull(password, "password").clone();
        Commands.plainHello(this.username, this.password);
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean asServer() {
        return false;
    }

    @Override
    public byte[] nextCommand() {
        if (state == State.SEND_HELLO) {
            state = State.EXPECT_WELCOME;
            return Commands.plainHello(username, password);
        }
        if (state == State.SEND_INITIATE) {
            state = State.EXPECT_READY;
            return Commands.initiate(config.localMetadata());
        }
        return null;
    }

    @Override
    public void receiveCommand(CommandView c) throws ProtocolException {
        if (state == State.EXPECT_WELCOME && c.is(CommandNames.WELCOME)) {
            Commands.parsePlainWelcome(c);
            state = State.SEND_INITIATE;
        } else if (state == State.EXPECT_READY && c.is(CommandNames.READY)) {
            Metadata md = Commands.parseReady(c);
            config.checkPeer(md);
            peerMetadata = md;
            state = State.DONE;
        } else {
            throw Handshakes.unexpected(c, "PLAIN client in state " + state);
        }
    }

    @Override
    public AuthRequest authRequest() {
        return null;
    }

    @Override
    public void authenticated(AuthResult result) {
        throw new IllegalStateException("a PLAIN client never asks for authentication");
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
        return null;
    }
}
