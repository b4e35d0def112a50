package io.jzmtp.perf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Reads a latency worker's {@code --samples} file: one int64 little-endian per timed round trip, its duration in
 * nanoseconds.
 */
public final class Samples {
    /** Significant decimal digits the histograms keep. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private Samples() {
    }

    /**
     * Loads a samples file into a histogram of half round trips: every round trip's value halved (integer division).
     * The histogram resizes itself to the largest value.
     *
     * @param file the samples file
     * @param expected how many samples it must hold (the run's count), or -1 not to check
     * @return the histogram, holding exactly one value per sample
     * @throws IOException if the file cannot be read, its length is not a multiple of 8, it holds another number of
     *     samples than expected, or a sample is negative
     */
    public static Histogram loadHalfRoundTrips(Path file, long expected) throws IOException {
        long length = Files.size(file);
        if (length % Long.BYTES != 0) {
            throw new IOException(file + ": length " + length + " is not a multiple of 8");
        }
        long n = length / Long.BYTES;
        if (expected >= 0 && n != expected) {
            throw new IOException(file + ": " + n + " samples, expected " + expected);
        }
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            int read;
            while ((read = in.read(chunk, filled, chunk.length - filled)) >= 0) {
                filled += read;
                int whole = filled - filled % Long.BYTES;
                for (int i = 0; i < whole; i += Long.BYTES) {
                    long rt = view.getLong(i);
                    if (rt < 0) {
                        throw new IOException(file + ": negative sample " + rt);
                    }
                    h.recordValue(rt / 2);
                }
                System.arraycopy(chunk, whole, chunk, 0, filled - whole);
                filled -= whole;
            }
        }
        return h;
    }
}
