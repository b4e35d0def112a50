package io.jzmtp.perf.bench.worker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a latency run's samples file: every timed round trip's duration in ns, int64 little-endian, in order. */
final class SamplesFile {
    private SamplesFile() {
    }

    /**
     * @param file the file (created or truncated)
     * @param roundTrips the durations
     * @throws IOException if writing fails
     */
    static void write(Path file, long[] roundTrips) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long rt : roundTrips) {
                if (!chunk.hasRemaining()) {
                    drain(ch, chunk);
                }
                chunk.putLong(rt);
            }
            drain(ch, chunk);
        }
    }

    private static void drain(FileChannel ch, ByteBuffer chunk) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            ch.write(chunk);
        }
        chunk.clear();
    }
}
