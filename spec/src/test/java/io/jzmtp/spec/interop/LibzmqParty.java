package io.jzmtp.spec.interop;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** libzmq as a party: sockets in a {@link LibzmqPeer} process. Test code only. */
final class LibzmqParty implements Party {
    private final LibzmqPeer peer;

    /** @param peer the running peer */
    LibzmqParty(LibzmqPeer peer) {
        this.peer = peer;
    }

    @Override
    public String name() {
        return "libzmq";
    }

    @Override
    public InteropSocket open(String type, byte[] routingId) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (routingId != null) {
            options.put("ROUTING_ID", LibzmqPeer.bytes(routingId));
        }
        if (type.equals("ROUTER")) {
            options.put("ROUTER_MANDATORY", 1);
        }
        return new Theirs(peer, type, peer.socket(type, options, false));
    }

    /** @return an interop view of a socket the caller created in the peer */
    static InteropSocket wrap(LibzmqPeer peer, String type, String id) {
        return new Theirs(peer, type, id);
    }

    /** A libzmq socket in the peer process. */
    private static final class Theirs implements InteropSocket {
        private final LibzmqPeer peer;
        private final String type;
        private final String id;

        Theirs(LibzmqPeer peer, String type, String id) {
            this.peer = peer;
            this.type = type;
            this.id = id;
        }

        @Override
        public String who() {
            return "libzmq " + type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String bind(String endpoint) {
            return peer.bind(id, endpoint);
        }

        @Override
        public void connect(String endpoint) {
            peer.connect(id, endpoint);
        }

        @Override
        public void send(List<byte[]> frames) {
            peer.send(id, frames, SEND_WAIT, Duration.ZERO);
        }

        @Override
        public void sendRouted(List<byte[]> frames, Duration retryFor) {
            peer.send(id, frames, SEND_WAIT, retryFor);
        }

        @Override
        public List<byte[]> receive(Duration timeout) {
            return peer.recv(id, timeout);
        }

        @Override
        public void subscribe(String topic) {
            change(true, topic);
        }

        @Override
        public void unsubscribe(String topic) {
            change(false, topic);
        }

        private void change(boolean subscribe, String topic) {
            if (type.equals("SUB")) {
                peer.setOptions(id, LibzmqPeer.cmd(subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE",
                    LibzmqPeer.bytes(topic.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            } else if (type.equals("XSUB")) {
                send(List.of(Frames.subscription(subscribe, topic)));
            } else {
                throw new IllegalStateException(who() + " cannot (un)subscribe");
            }
        }

        @Override
        public void service() {
            peer.service(id);
        }

        @Override
        public void close() {
            if (peer.alive()) {
                peer.close(id);
            }
        }
    }
}
