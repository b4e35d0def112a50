package io.jzmtp.spec.properties;

import io.jzmtp.core.mechanism.HandshakeConfig;
import io.jzmtp.core.mechanism.Mechanism;
import io.jzmtp.core.mechanism.NullMechanism;
import io.jzmtp.core.mechanism.PlainClientMechanism;
import io.jzmtp.core.mechanism.PlainServerMechanism;

/** One side's mechanism in the handshake model tests. */
enum HandshakeRole {
    /** NULL, either side, no authentication (RFC 23 "The NULL Security Mechanism": symmetric). */
    NULL_PEER("NULL", false),
    /** NULL server that asks authentication (ZAP) before its READY, as libzmq does with a ZAP domain. */
    NULL_AUTHENTICATING("NULL", false),
    /** PLAIN client (RFC 24). */
    PLAIN_CLIENT("PLAIN", false),
    /** PLAIN server (RFC 24); announces as-server 1. */
    PLAIN_SERVER("PLAIN", true);

    final String mechanism;
    final boolean asServer;

    HandshakeRole(String mechanism, boolean asServer) {
        this.mechanism = mechanism;
        this.asServer = asServer;
    }

    Mechanism create(HandshakeConfig config, byte[] user, byte[] pass) {
        switch (this) {
            case NULL_PEER: return new NullMechanism(config, false);
            case NULL_AUTHENTICATING: return new NullMechanism(config, true);
            case PLAIN_CLIENT: return new PlainClientMechanism(config, user, pass);
            default: return new PlainServerMechanism(config);
        }
    }
}
