package io.jzmtp.spec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.command.CommandNames;
import io.jzmtp.core.command.CommandView;
import io.jzmtp.core.command.Commands;
import io.jzmtp.core.Metadata;
import io.jzmtp.core.command.PlainCredentials;
import io.jzmtp.core.frame.FrameFlags;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.agrona.concurrent.UnsafeBuffer;

/** Command bodies written by {@link Commands} read back through a frame decoder and {@link CommandView}. */
class CommandCodecProperties {

    /** Decodes exactly one frame from the bytes and returns it. */
    private static DecodedFrame onlyFrame(byte[] wire) {
        FrameStreams.Outcome out = FrameStreams.decode(wire, Chunking.WHOLE, -1, 0, 0, null);
        assertNull(out.error());
        assertEquals(1, out.frames().size());
        assertEquals(wire.length, out.position());
        return out.frames().get(0);
    }

    private static CommandView view(byte[] body) throws ProtocolException {
        byte[] framed = Wire.concat(new byte[] {0x11}, body, new byte[] {0x22});
        return new CommandView().wrap(new UnsafeBuffer(framed), 1, body.length);
    }

    private static byte[] data(CommandView c) {
        byte[] d = new byte[c.dataLength()];
        c.buffer().getBytes(c.dataOffset(), d);
        return d;
    }

    // RFC 37-PING-2, 37-PING-3, 37-PING-5, 23-CMD-1, 23-CMD-2: PING = command frame "\x04PING" + TTL (2 octets)
    // + context (0..16).
    @Property
    @Label("37-PING-2/3/5: PING frames carry TTL and context back unchanged")
    void pingRoundTrips(@ForAll @IntRange(min = 0, max = 0xFFFF) int ttl, @ForAll @Size(max = 16) byte[] context,
        @ForAll @IntRange(min = 0, max = 9) int at) throws ProtocolException {
        byte[] buf = new byte[at + Commands.pingFrameLength(context.length)];
        int n = Commands.writePing(new UnsafeBuffer(buf), at, ttl, new UnsafeBuffer(context), 0, context.length);
        assertEquals(Commands.pingFrameLength(context.length), n);
        DecodedFrame f = onlyFrame(Arrays.copyOfRange(buf, at, buf.length));
        assertEquals(FrameFlags.COMMAND, f.flags());
        CommandView c = view(f.body());
        assertTrue(c.is(CommandNames.PING));
        assertEquals(ttl, Commands.parsePingTtl(c));
        assertArrayEquals(context, Arrays.copyOfRange(data(c), 2, c.dataLength()));
    }

    // RFC 37-PING-5: the context is at most 16 octets; the TTL is 16 bits.
    @Property
    @Label("37-PING-3/5: writePing refuses contexts over 16 octets and TTLs outside 0..65535")
    void pingRefusesOutOfRangeArguments(@ForAll @IntRange(min = -100_000, max = 200_000) int ttl,
        @ForAll @IntRange(min = 0, max = 40) int contextLength) {
        UnsafeBuffer dst = new UnsafeBuffer(new byte[64]);
        UnsafeBuffer ctx = new UnsafeBuffer(new byte[40]);
        if (ttl >= 0 && ttl <= 0xFFFF && contextLength <= 16) {
            assertEquals(Commands.pingFrameLength(contextLength),
                Commands.writePing(dst, 0, ttl, ctx, 0, contextLength));
        } else {
            assertThrows(IllegalArgumentException.class, () -> Commands.writePing(dst, 0, ttl, ctx, 0, contextLength));
        }
    }

    // RFC 37-PING-6: PONG = command frame "\x04PONG" + the echoed context.
    @Property
    @Label("37-PING-6: PONG frames carry the context back unchanged")
    void pongRoundTrips(@ForAll @Size(max = 16) byte[] context) throws ProtocolException {
        byte[] buf = new byte[7 + context.length];
        assertEquals(buf.length, Commands.writePong(new UnsafeBuffer(buf), 0, new UnsafeBuffer(context), 0,
            context.length));
        CommandView c = view(onlyFrame(buf).body());
        assertTrue(c.is(CommandNames.PONG));
        Commands.checkPong(c);
        assertArrayEquals(context, data(c));
    }

    @Provide
    Arbitrary<byte[]> topics() {
        return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 600)),
            Tuple.of(2, Arbitraries.integers().between(240, 260))).flatMap(FrameArbitraries::bytesOfSize);
    }

    // RFC 37-SUB-2, 37-SUB-4, 23-MECH-7, 23-MECH-8; CONFORMANCE 2.6 note (libzmq 4.3.4 bug with topics of 246..255
    // octets).
    @Property
    @Label("37-SUB-2/4, 23-MECH-8: SUBSCRIBE/CANCEL round trip; bodies over 255 octets always use LONG")
    void subscriptionsRoundTrip(@ForAll("topics") byte[] topic, @ForAll boolean subscribe) throws ProtocolException {
        byte[] name = subscribe ? CommandNames.SUBSCRIBE : CommandNames.CANCEL;
        int len = Commands.subscriptionFrameLength(topic.length, subscribe);
        byte[] buf = new byte[len];
        assertEquals(len, Commands.writeSubscription(new UnsafeBuffer(buf), 0, subscribe, new UnsafeBuffer(topic), 0,
            topic.length));
        int body = 1 + name.length + topic.length;
        assertEquals(body > 255 ? FrameFlags.COMMAND | FrameFlags.LONG : FrameFlags.COMMAND, buf[0] & 0xFF,
            "flags octet for a body of " + body);
        CommandView c = view(onlyFrame(buf).body());
        assertTrue(c.is(name));
        assertArrayEquals(topic, data(c));
        Statistics.label("form").collect(body > 255 ? "long" : "short");
    }

    // RFC 23-ERROR-1, 23-ERROR-3: ERROR = "\x05ERROR" + reason size + reason (0..255); longer reasons are cut.
    @Property
    @Label("23-ERROR-1: ERROR bodies carry the reason back (cut to 255 octets)")
    void errorRoundTrips(@ForAll @StringLength(max = 300) @net.jqwik.api.constraints.CharRange(from = ' ', to = '~')
        String reason) throws ProtocolException {
        CommandView c = view(onlyFrame(Wire.command(Commands.error(reason))).body());
        assertTrue(c.is(CommandNames.ERROR));
        assertEquals(reason.substring(0, Math.min(255, reason.length())), Commands.parseError(c));
    }

    // RFC 23-ERROR-1: arbitrary ERROR data is a reason exactly when its size octet matches; unprintables show as '?'.
    @Property
    @Label("23-ERROR-1: ERROR data parses iff its size octet matches the rest, else MALFORMED_COMMAND_ERROR")
    void arbitraryErrorData(@ForAll @Size(max = 300) byte[] data) throws ProtocolException {
        CommandView c = view(Commands.body(CommandNames.ERROR, data));
        boolean wellFormed = data.length >= 1 && (data[0] & 0xFF) == data.length - 1;
        if (wellFormed) {
            String r = Commands.parseError(c);
            assertEquals(data.length - 1, r.length());
            for (int i = 1; i < data.length; i++) {
                int b = data[i] & 0xFF;
                assertEquals(b >= 0x20 && b < 0x7F ? (char) b : '?', r.charAt(i - 1));
            }
        } else {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Commands.parseError(c));
            assertEquals(ProtocolError.ZMTP_MALFORMED_COMMAND_ERROR, e.error());
        }
    }

    // RFC 24-HELLO-1, 24-HELLO-2, 24-HELLO-3 (jzmtp accepts any octets, not only VCHAR): HELLO = "\x05HELLO"
    // + username (size + 0..255) + password (size + 0..255).
    @Property
    @Label("24-HELLO-1/2/3: PLAIN HELLO carries username and password of 0..255 bytes back unchanged")
    void plainHelloRoundTrips(@ForAll @Size(max = 255) byte[] user, @ForAll @Size(max = 255) byte[] pass)
        throws ProtocolException {
        CommandView c = view(onlyFrame(Wire.command(Commands.plainHello(user, pass))).body());
        assertTrue(c.is(CommandNames.HELLO));
        assertEquals(new PlainCredentials(user, pass), Commands.parsePlainHello(c));
    }

    // RFC 24-HELLO-1: anything but exactly a size-prefixed username then a size-prefixed password is malformed.
    @Property
    @Label("24-HELLO-1: arbitrary HELLO data parses iff it is exactly username + password, else MALFORMED_HELLO")
    void arbitraryHelloData(@ForAll @Size(max = 40) byte[] data) throws ProtocolException {
        CommandView c = view(Commands.body(CommandNames.HELLO, data));
        boolean wellFormed = data.length >= 2 && 1 + (data[0] & 0xFF) < data.length
            && (data[1 + (data[0] & 0xFF)] & 0xFF) == data.length - 2 - (data[0] & 0xFF);
        if (wellFormed) {
            PlainCredentials p = Commands.parsePlainHello(c);
            assertArrayEquals(data, Arrays.copyOfRange(Commands.plainHello(p.username(), p.password()), 6,
                6 + data.length));
        } else {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Commands.parsePlainHello(c));
            assertEquals(ProtocolError.ZMTP_MALFORMED_COMMAND_HELLO, e.error());
        }
    }

    // RFC 23-READY-1, 24-INITIATE-1: READY and INITIATE carry metadata.
    @Property
    @Label("23-READY-1, 24-INITIATE-1: READY and INITIATE carry their metadata back unchanged")
    void readyAndInitiateRoundTrip(@ForAll("metadataLists") List<MetadataProperties.Prop> props, @ForAll boolean ready)
        throws ProtocolException {
        Metadata.Builder b = Metadata.builder();
        for (MetadataProperties.Prop p : props) {
            b.put(p.name(), p.value());
        }
        Metadata m = b.build();
        byte[] body = ready ? Commands.ready(m) : Commands.initiate(m);
        DecodedFrame f = onlyFrame(Wire.command(body));
        assertEquals(FrameFlags.COMMAND, f.flags());
        CommandView c = view(f.body());
        assertTrue(c.is(ready ? CommandNames.READY : CommandNames.INITIATE));
        assertEquals(m, ready ? Commands.parseReady(c) : Commands.parseInitiate(c));
    }

    @Provide
    Arbitrary<List<MetadataProperties.Prop>> metadataLists() {
        return new MetadataProperties().propertyLists();
    }

    // RFC 23-CMD-2, 37-CMD-1: body = name size (1..255) + that many ALPHA + data; anything else is malformed.
    @Property
    @Label("23-CMD-2, 37-CMD-1: CommandView accepts exactly the bodies with a 1..255-letter name")
    void commandViewJudgesNames(@ForAll @Size(max = 24) byte[] body,
        @ForAll @StringLength(min = 0, max = 12) @net.jqwik.api.constraints.CharRange(from = 'A', to = 'z') String name)
        throws ProtocolException {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        byte[] candidate = body.length % 2 == 0 ? Commands.body(n, body) : body;
        int n0 = candidate.length >= 1 ? candidate[0] & 0xFF : 0;
        boolean ok = candidate.length >= 1 && n0 >= 1 && n0 <= candidate.length - 1;
        for (int i = 1; ok && i <= (candidate[0] & 0xFF); i++) {
            ok = Character.isLetter((char) candidate[i]) && candidate[i] > 0 && candidate[i] < 128;
        }
        if (ok) {
            CommandView c = view(candidate);
            int len = candidate[0] & 0xFF;
            assertEquals(new String(candidate, 1, len, StandardCharsets.ISO_8859_1), c.name());
            assertEquals(candidate.length - 1 - len, c.dataLength());
        } else {
            ProtocolException e = assertThrows(ProtocolException.class, () -> view(candidate));
            assertEquals(ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, e.error());
        }
    }
}
