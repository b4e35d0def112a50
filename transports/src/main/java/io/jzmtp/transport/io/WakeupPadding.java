package io.jzmtp.transport.io;

/** Left-hand padding so that the hot flag of a {@link Wakeup} does not share a cache line with a neighbour. */
@SuppressWarnings("unused")
abstract class WakeupPadding {
    private long p00, p01, p02, p03, p04, p05, p06, p07;
    private long p08, p09, p10, p11, p12, p13, p14, p15;
}
