package io.jzmtp.perf.bench;

import org.HdrHistogram.Histogram;

/**
 * This host's physical limits on tcp loopback, measured with plain NIO, against which the table is read.
 *
 * @param streamMegabytesPerSecond one socket pair streaming 64 KiB buffers one way, MB/s (10^6 bytes)
 * @param pingPongBlocking 1-byte ping-pong over blocking channels: half round trips in ns
 * @param pingPongSpin 1-byte ping-pong over non-blocking channels, both sides spinning: half round trips in ns
 */
public record LoopbackLimits(double streamMegabytesPerSecond, Histogram pingPongBlocking, Histogram pingPongSpin) {
}
