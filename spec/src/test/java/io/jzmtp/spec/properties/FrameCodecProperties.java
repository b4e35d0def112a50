package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

/** Frame encoder and decoder agree on every frame list (RFC 23 "Framing"). */
class FrameCodecProperties {

    @Provide
    Arbitrary<List<DecodedFrame>> frameLists() {
        return FrameArbitraries.frameLists(true);
    }

    @Provide
    Arbitrary<Long> starts() {
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.just(64L), Arbitraries.longs().between(0, 1L << 50));
    }

    // RFC 23-FRAME-2, 23-FRAME-3, 23-FRAME-6, 23-FRAME-7, 23-FRAME-8, 23-FRAME-10, 23-MECH-7, 23-MECH-8
    @Property
    @Label("23-FRAME-2/3/7/8, 23-MECH-7/8: encode then decode returns the same frames; short form iff size <= 255")
    void encodeThenDecodeIsIdentity(@ForAll("frameLists") List<DecodedFrame> frames, @ForAll("starts") long start) {
        byte[] wire = FrameStreams.encode(frames);
        FrameStreams.Outcome out = FrameStreams.decode(wire, Chunking.WHOLE, -1, start, 0, null);
        assertNull(out.error(), () -> "unexpected " + out.error());
        assertEquals(FrameStreams.withOffsets(frames, start), out.frames());
        assertEquals(start + wire.length, out.position());
        // The header of each frame: LONG (with an 8-octet big-endian size) exactly when the body exceeds 255.
        UnsafeBuffer b = new UnsafeBuffer(wire);
        int pos = 0;
        for (DecodedFrame f : frames) {
            int flags = wire[pos] & 0xFF;
            int n = f.body().length;
            boolean longForm = n > FrameFlags.SHORT_MAX;
            assertEquals(f.flags() | (longForm ? FrameFlags.LONG : 0), flags, "flags octet at " + pos);
            if (longForm) {
                assertEquals(n, b.getLong(pos + 1, ByteOrder.BIG_ENDIAN));
                pos += 9 + n;
            } else {
                assertEquals(n, wire[pos + 1] & 0xFF);
                pos += 2 + n;
            }
        }
        assertEquals(wire.length, pos);
    }

    // RFC 23-MECH-7, 23-MECH-8, 23-FRAME-4
    @Property
    @Label("23-MECH-7/8: headerLength is 2 for bodies of 0..255 and 9 above")
    void headerLengthFollowsTheSize(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long size) {
        assertEquals(size <= 255 ? 2 : 9, FrameEncoder.headerLength(size));
        UnsafeBuffer b = new UnsafeBuffer(new byte[9]);
        assertEquals(FrameEncoder.headerLength(size), FrameEncoder.writeHeader(b, 0, 0, size));
    }

    // RFC 23-MECH-8 (deviation note: libzmq accepts the long form at any size, so a receiver must too)
    @Property
    @Label("23-FRAME-7, 23-MECH-8 note: frames in the long form decode the same whatever their size")
    void longFormIsAcceptedAtAnySize(@ForAll("frameLists") List<DecodedFrame> frames) {
        List<byte[]> parts = new ArrayList<>();
        List<DecodedFrame> expected = new ArrayList<>();
        long at = 0;
        int total = 0;
        for (DecodedFrame f : frames) {
            byte[] enc = new byte[9 + f.body().length];
            UnsafeBuffer b = new UnsafeBuffer(enc);
            b.putByte(0, (byte) (f.flags() | FrameFlags.LONG));
            b.putLong(1, f.body().length, ByteOrder.BIG_ENDIAN);
            b.putBytes(9, f.body());
            parts.add(enc);
            expected.add(f.withOffset(at));
            at += enc.length;
            total += enc.length;
        }
        byte[] wire = concat(parts, total);
        FrameStreams.Outcome out = FrameStreams.decode(wire, Chunking.WHOLE, -1, 0, 0, null);
        assertNull(out.error());
        assertEquals(expected, out.frames());
    }

    // RFC 23-FRAME-5 (deviation note: reserved bits are ignored on receipt, as libzmq does)
    @Property
    @Label("23-FRAME-5 note: reserved flag bits are ignored and never reported")
    void reservedBitsAreIgnored(@ForAll("frameLists") List<DecodedFrame> frames,
        @ForAll @IntRange(min = 1, max = 31) int reserved) {
        byte[] wire = FrameStreams.encode(frames);
        int pos = 0;
        for (DecodedFrame f : frames) {
            wire[pos] |= (byte) (reserved << 3);
            pos += FrameEncoder.headerLength(f.body().length) + f.body().length;
        }
        FrameStreams.Outcome out = FrameStreams.decode(wire, Chunking.WHOLE, -1, 0, 0, null);
        assertNull(out.error());
        assertEquals(FrameStreams.withOffsets(frames, 0), out.frames());
    }

    // RFC 23-FRAME-5, 23-FRAME-9: the encoder never writes MORE on a command, reserved bits or LONG from the caller.
    @Property
    @Label("23-FRAME-5/9: writeHeader refuses MORE+COMMAND, reserved or LONG bits, and negative sizes")
    void encoderRefusesInvalidHeaders(@ForAll @IntRange(min = 0, max = 255) int flags,
        @ForAll @LongRange(min = -5, max = 1000) long size) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[9]);
        boolean valid = (flags == 0 || flags == FrameFlags.MORE || flags == FrameFlags.COMMAND) && size >= 0;
        if (valid) {
            assertTrue(FrameEncoder.writeHeader(b, 0, flags, size) > 0);
        } else {
            assertThrows(IllegalArgumentException.class, () -> FrameEncoder.writeHeader(b, 0, flags, size));
        }
    }

    private static byte[] concat(List<byte[]> parts, int total) {
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
