package io.jzmtp;

import io.jzmtp.core.SocketType;
import java.time.Duration;

/**
 * The receive calls shared by every socket type that receives, each one line onto {@link ZSocket}'s receive paths.
 * Owner thread only; see {@link Receiver} for what each call does.
 */
abstract class ReceivingSocket extends ZSocket implements Receiver {
    ReceivingSocket(Context context, SocketType type, SocketOptions options, Routing routing) {
        super(context, type, options, routing);
    }

    @Override
    public final Message receive() {
        return receiveMessage(defaultReceiveTimeoutNanos());
    }

    @Override
    public final Message receive(Duration timeout) {
        return receiveMessage(nanos(timeout));
    }

    @Override
    public final Message tryReceive() {
        return receiveMessage(0);
    }

    @Override
    public final byte[] receiveBytes() {
        return receiveFrame(defaultReceiveTimeoutNanos());
    }

    @Override
    public final byte[] receiveBytes(Duration timeout) {
        return receiveFrame(nanos(timeout));
    }

    @Override
    public final byte[] tryReceiveBytes() {
        return receiveFrame(0);
    }

    @Override
    public final boolean hasMore() {
        return moreFrames();
    }
}
