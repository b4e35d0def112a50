package io.jzmtp.spec.properties;

import java.util.Arrays;

/**
 * One frame as a decoder delivered it: flags (MORE and COMMAND only), a copy of the body, and the stream offset
 * of its flags octet (or -1 where no offset is known, e.g. a frame still to be encoded).
 */
record DecodedFrame(int flags, byte[] body, long offset) {
    DecodedFrame withOffset(long at) {
        return new DecodedFrame(flags, body, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedFrame f && f.flags == flags && f.offset == offset && Arrays.equals(f.body, body);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(offset) * 31 + flags) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Frame[flags=" + flags + ", " + body.length + " bytes " + Hex.head(body) + ", at " + offset + "]";
    }
}
