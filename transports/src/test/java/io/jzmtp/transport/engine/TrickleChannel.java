package io.jzmtp.transport.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** Takes at most {@code perCall} bytes per write, like a socket whose send buffer is nearly full. */
final class TrickleChannel implements GatheringByteChannel {
    final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    final int perCall;

    TrickleChannel(int perCall) {
        this.perCall = perCall;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        int budget = perCall;
        long n = 0;
        for (int i = offset; i < offset + length && budget > 0; i++) {
            while (srcs[i].hasRemaining() && budget > 0) {
                taken.write(srcs[i].get());
                budget--;
                n++;
            }
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public int write(ByteBuffer src) {
        return (int) write(new ByteBuffer[] {src});
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
