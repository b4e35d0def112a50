package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.Message;
import io.jzmtp.ReqSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import java.time.Duration;

/**
 * Synchronised subscriber: subscribes, waits for proof that the publisher has its subscription (a "HELLO" probe),
 * tells the publisher it is ready over REQ/REP, then counts updates until "END". See {@link SyncPublisher}.
 * Arguments: PUB and sync endpoints (default tcp://localhost:5561 and tcp://localhost:5562).
 */
public final class SyncSubscriber {
    /** What one subscriber got. */
    public record Tally(int updates, boolean sawEnd) {
    }

    private SyncSubscriber() {
    }

    /**
     * Subscribes, synchronises, and counts.
     *
     * @param ctx the context (the sockets are created and used on the calling thread)
     * @param pubEndpoint the publisher
     * @param syncEndpoint the publisher's sync socket
     * @param options the SUB socket's options (its receive HWM, say)
     * @param afterSync run once synchronised, before reading any update (a stand-in for a subscriber that is busy)
     * @param giveUpAfter stop when no message arrives for this long (an END can be lost: PUB drops at the HWM)
     * @return the updates counted and whether END arrived
     */
    public static Tally run(Context ctx, String pubEndpoint, String syncEndpoint, SocketOptions options,
                            Runnable afterSync, Duration giveUpAfter) {
        try (SubSocket sub = ctx.sub(options); ReqSocket sync = ctx.req()) {
            sub.subscribe(""); // everything
            sub.connect(pubEndpoint);
            sub.receive(); // a probe: the publisher now sends to us
            sync.connect(syncEndpoint);
            sync.send("READY");
            sync.receiveString();
            afterSync.run();
            int updates = 0;
            Message m;
            while ((m = sub.receive(giveUpAfter)) != null) {
                String text = m.string(0);
                if (text.equals("END")) {
                    return new Tally(updates, true);
                }
                if (text.startsWith("UPDATE ")) {
                    updates++;
                }
            }
            return new Tally(updates, false);
        }
    }

    public static void main(String[] args) {
        try (Context ctx = Context.create()) {
            Tally tally = run(ctx, args.length > 0 ? args[0] : "tcp://localhost:5561",
                args.length > 1 ? args[1] : "tcp://localhost:5562", SocketOptions.DEFAULTS, () -> { },
                Duration.ofSeconds(10));
            System.out.println("received " + tally.updates() + " updates" + (tally.sawEnd() ? " and END" : ""));
        }
    }
}
