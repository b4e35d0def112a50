package io.jzmtp.spec.interop;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One libzmq peer process per test class: before each test, checks that the peer can run (failing on CI, skipping
 * with the reason elsewhere; see {@link PeerAvailability}) and starts it if needed; after each test, closes the
 * sockets the test left open; after the class, stops the process. Register as a static field with
 * {@code @RegisterExtension}. Test code only.
 */
final class LibzmqFixture implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private LibzmqPeer peer;

    @Override
    public void beforeEach(ExtensionContext context) {
        PeerAvailability.requireLibzmq();
        if (peer == null || !peer.alive()) {
            if (peer != null) {
                peer.close();
            }
            peer = LibzmqPeer.start();
            InteropReport.version("libzmq", String.valueOf(peer.version().get("zmq")));
            InteropReport.version("pyzmq", String.valueOf(peer.version().get("pyzmq")));
            InteropReport.version("python", String.valueOf(peer.version().get("python")));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (peer != null && peer.alive()) {
            peer.closeAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (peer != null) {
            peer.close();
            peer = null;
        }
    }

    /** @return the running peer (valid inside a test) */
    LibzmqPeer peer() {
        if (peer == null) {
            throw new IllegalStateException("the libzmq peer runs only inside a test");
        }
        return peer;
    }
}
