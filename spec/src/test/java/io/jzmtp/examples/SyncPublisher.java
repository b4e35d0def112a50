package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.PubSocket;
import io.jzmtp.RepSocket;
import java.time.Duration;

/**
 * Synchronised publisher: publishes only once a known number of subscribers are ready, so none misses the start.
 *
 * <p>A PUB drops whatever it publishes before a subscriber's subscription has reached it, and connecting takes time,
 * so a subscriber that just connected misses the first updates. Here each subscriber first waits until it receives
 * one of the publisher's "HELLO" probes (its subscription is then in place at the publisher), then says so on a
 * second socket pair, REQ to this REP. When all have said so, the publisher sends the updates and "END". Arguments:
 * subscribers (default 10), updates (default 1000), PUB and sync endpoints (default tcp://*:5561 and tcp://*:5562).
 */
public final class SyncPublisher {
    /** How often a probe goes out while the publisher waits for subscribers. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(1);

    private SyncPublisher() {
    }

    /**
     * Waits for the subscribers, then publishes.
     *
     * @param pub a bound PUB socket
     * @param sync a bound REP socket the subscribers' REQ sockets connect to
     * @param subscribers how many subscribers to wait for
     * @param updates how many updates to publish
     * @return the number of updates published (the PUB never waits, so this always finishes)
     */
    public static int run(PubSocket pub, RepSocket sync, int subscribers, int updates) {
        int ready = 0;
        while (ready < subscribers) {
            Message request = sync.receive(PROBE_INTERVAL);
            if (request == null) {
                pub.send("HELLO"); // reaches every subscriber whose subscription has arrived
            } else {
                sync.send("GO");
                ready++;
            }
        }
        for (int i = 0; i < updates; i++) {
            pub.send("UPDATE " + i);
        }
        pub.send("END");
        return updates;
    }

    public static void main(String[] args) {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (Context ctx = Context.create(); PubSocket pub = ctx.pub(); RepSocket sync = ctx.rep()) {
            pub.bind(args.length > 2 ? args[2] : "tcp://*:5561");
            sync.bind(args.length > 3 ? args[3] : "tcp://*:5562");
            System.out.println("waiting for " + subscribers + " subscribers");
            System.out.println("published " + run(pub, sync, subscribers, updates) + " updates");
        }
    }
}
