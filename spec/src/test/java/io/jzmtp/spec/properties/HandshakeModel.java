package io.jzmtp.spec.properties;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.SocketType;
import io.jzmtp.core.frame.FrameDecoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reference model of one receiving side: from the bytes delivered to it (and the authentication decision), what
 * it must have done. Written from RFC 23 (greeting, framing, commands, NULL), RFC 24 (PLAIN order), RFC 37
 * (PING/PONG/SUBSCRIBE/CANCEL) and the documented jzmtp rules (error offsets, lenient greeting fields, unknown
 * commands ignored after the handshake). It reads the bytes itself; it trusts only the annotation that a
 * handshake command came unchanged from a real sender of a given socket type.
 */
final class HandshakeModel {
    private HandshakeModel() {
    }

    /** What the receiver is doing. */
    enum Status { WAITING, GATED, READY, FAILED, UNKNOWN }

    /** The model's verdict. */
    static final class Prediction {
        Status status;
        ProtocolError error;
        long offset = -2;
        String reply;
        int released = 10;
        boolean greetingDone;
        int major;
        int minor;
        final List<String> outputs = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        long processed;
        List<byte[]> credentials;
        long unknownFloor = -1;
        SocketType peerType;
        /** Whether the handshake completed (before any failure). */
        boolean traffic;

        boolean ready() {
            return status == Status.READY;
        }

        @Override
        public String toString() {
            return "Prediction[" + status + (error != null ? " " + error + " at " + offset + " reply " + reply : "")
                + ", released " + released + ", outputs " + outputs + ", events " + events.size() + ", processed "
                + processed + (unknownFloor >= 0 ? ", unknown from frame at " + unknownFloor : "") + "]";
        }
    }

    private enum Stage { AWAIT_READY, AWAIT_WELCOME, AWAIT_HELLO, AWAIT_INITIATE, TRAFFIC }

    /**
     * Evaluates a receiver.
     *
     * @param in its inbound stream
     * @param role its mechanism
     * @param ours its socket type
     * @param decision the authentication decision given to it ("200", "300", "400", "500"), or null
     * @param maxFrameSize its frame limit (negative: none but the JVM's)
     * @return the prediction
     */
    static Prediction evaluate(WireStream in, HandshakeRole role, SocketType ours, String decision, long maxFrameSize) {
        Prediction p = new Prediction();
        byte[] b = in.bytes();
        int avail = in.delivered;
        long limit = maxFrameSize < 0 ? FrameDecoder.MAX_FRAME_SIZE_LIMIT : maxFrameSize;
        // RFC 23-VER-3/4, 23-GREET-2/3, 23-MECH-11: the staged greeting and the octets that are judged.
        int n = Math.min(avail, Greeting.LENGTH);
        for (int i = 0; i < n; i++) {
            int o = b[i] & 0xFF;
            if (i == 0 && o != 0xFF) {
                return fail(p, ProtocolError.UNSUPPORTED_VERSION, 0, null);
            }
            if (i == 9) {
                if ((o & 1) == 0) {
                    return fail(p, ProtocolError.UNSUPPORTED_VERSION, 9, null);
                }
                p.released = 11;
            }
            if (i == 10) {
                if (o < 3) {
                    return fail(p, ProtocolError.UNSUPPORTED_VERSION, 10, null);
                }
                p.released = Greeting.LENGTH;
            }
            if (i == 31 && !Arrays.equals(b, 12, 32, Greeting.mechanismBytes(role.mechanism), 0, 20)) {
                return fail(p, ProtocolError.ZMTP_MECHANISM_MISMATCH, 31, null);
            }
        }
        if (n < Greeting.LENGTH) {
            p.status = Status.WAITING;
            p.processed = n;
            return p;
        }
        p.greetingDone = true;
        p.major = b[10] & 0xFF;
        p.minor = b[11] & 0xFF;
        Stage stage;
        switch (role) {
            case NULL_PEER:
                // RFC 23-NULL-8: READY goes out before the peer's READY is read.
                p.outputs.add("READY");
                stage = Stage.AWAIT_READY;
                break;
            case NULL_AUTHENTICATING:
                if (gate(p, decision, Greeting.LENGTH, List.of())) {
                    return p;
                }
                p.outputs.add("READY");
                stage = Stage.AWAIT_READY;
                break;
            case PLAIN_CLIENT:
                // RFC 24-FLOW-1: the client speaks first.
                p.outputs.add("HELLO");
                stage = Stage.AWAIT_WELCOME;
                break;
            default:
                stage = Stage.AWAIT_HELLO;
        }
        int pos = Greeting.LENGTH;
        while (true) {
            if (pos >= avail) {
                return waiting(p, stage, avail);
            }
            WireStream.Segment seg = in.segmentAt(pos);
            if (seg == null) {
                throw new AssertionError("model lost the frame boundaries at " + pos);
            }
            if (in.unknownFrom >= pos && in.unknownFrom < seg.end() && avail > in.unknownFrom) {
                p.status = Status.UNKNOWN;
                p.unknownFloor = pos;
                return p;
            }
            int flags = b[pos] & 0xFF;
            // RFC 23-FRAME-9: a command never has MORE.
            if ((flags & FrameFlags.COMMAND) != 0 && (flags & FrameFlags.MORE) != 0) {
                return fail(p, ProtocolError.MALFORMED_FRAME, pos, null);
            }
            int sizeLength = (flags & FrameFlags.LONG) != 0 ? 8 : 1;
            if (avail < pos + 1 + sizeLength) {
                return waiting(p, stage, avail);
            }
            long size = 0;
            for (int i = 1; i <= sizeLength; i++) {
                size = size << 8 | (b[pos + i] & 0xFF);
            }
            if (size < 0) {
                return fail(p, ProtocolError.MALFORMED_FRAME, pos + sizeLength, null);
            }
            if (size > limit) {
                return fail(p, ProtocolError.MESSAGE_TOO_LARGE, pos + sizeLength, null);
            }
            int end = (int) (pos + 1 + sizeLength + size);
            if (end != seg.end()) {
                throw new AssertionError("model: frame at " + pos + " ends at " + end + ", segment at " + seg.end());
            }
            if (avail < end) {
                return waiting(p, stage, avail);
            }
            byte[] body = Arrays.copyOfRange(b, pos + 1 + sizeLength, end);
            boolean command = (flags & FrameFlags.COMMAND) != 0;
            if (stage == Stage.TRAFFIC) {
                if (!traffic(p, pos, command, (flags & FrameFlags.MORE) != 0, body)) {
                    return p;
                }
            } else {
                Stage next = handshake(p, pos, end, command, body, seg, stage, role, ours, decision);
                if (next == null) {
                    return p;
                }
                stage = next;
                p.traffic = stage == Stage.TRAFFIC;
            }
            pos = end;
        }
    }

    private static Prediction waiting(Prediction p, Stage stage, int avail) {
        p.status = stage == Stage.TRAFFIC ? Status.READY : Status.WAITING;
        p.processed = avail;
        return p;
    }

    private static Prediction fail(Prediction p, ProtocolError e, long offset, String reply) {
        p.status = Status.FAILED;
        p.error = e;
        p.offset = offset;
        p.reply = reply;
        return p;
    }

    /** @return true if the evaluation stops here (pending, or refused) */
    private static boolean gate(Prediction p, String decision, long at, List<byte[]> credentials) {
        if (decision == null) {
            p.status = Status.GATED;
            p.processed = at;
            p.credentials = credentials;
            return true;
        }
        if (!decision.equals("200")) {
            // A refusal: AUTHENTICATION_FAILED, no offset, and the ZAP status code as the ERROR reason.
            fail(p, ProtocolError.AUTHENTICATION_FAILED, -1, decision);
            return true;
        }
        return false;
    }

    /** @return the command's name, or null after recording the failure of a malformed one (RFC 23-CMD-2) */
    private static String name(Prediction p, long at, byte[] body) {
        if (body.length < 1 || (body[0] & 0xFF) == 0 || (body[0] & 0xFF) > body.length - 1) {
            fail(p, ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, at, null);
            return null;
        }
        int n = body[0] & 0xFF;
        for (int i = 1; i <= n; i++) {
            int c = body[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                fail(p, ProtocolError.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, at, null);
                return null;
            }
        }
        return new String(body, 1, n, StandardCharsets.US_ASCII);
    }

    private static byte[] data(byte[] body) {
        return Arrays.copyOfRange(body, 1 + (body[0] & 0xFF), body.length);
    }

    /** RFC 23-ERROR-1: an ERROR is fatal; a malformed one is reported as such. */
    private static void error(Prediction p, long at, byte[] data) {
        boolean wellFormed = data.length >= 1 && (data[0] & 0xFF) == data.length - 1;
        fail(p, wellFormed ? ProtocolError.ERROR_RECEIVED : ProtocolError.ZMTP_MALFORMED_COMMAND_ERROR, at, null);
    }

    /** @return the next stage, or null if the evaluation stops */
    private static Stage handshake(Prediction p, long at, int end, boolean command, byte[] body,
        WireStream.Segment seg, Stage stage, HandshakeRole role, SocketType ours, String decision) {
        if (!command) {
            // RFC 23-NULL-9, 24-FLOW-8: no message before the handshake is complete.
            fail(p, ProtocolError.ZMTP_UNEXPECTED_COMMAND, at, null);
            return null;
        }
        String name = name(p, at, body);
        if (name == null) {
            return null;
        }
        byte[] data = data(body);
        String expected = stage.name().substring("AWAIT_".length());
        if (!name.equals(expected)) {
            if (name.equals("ERROR")) {
                error(p, at, data);
            } else {
                fail(p, ProtocolError.ZMTP_UNEXPECTED_COMMAND, at, null);
            }
            return null;
        }
        boolean original = seg.origin() == WireStream.Origin.HANDSHAKE && name.equals(seg.name());
        switch (name) {
            case "READY":
            case "INITIATE":
                if (!original) {
                    p.status = Status.UNKNOWN;
                    p.unknownFloor = at;
                    return null;
                }
                // RFC 23-STYPE-2/3: an incompatible peer is refused, with an ERROR reply.
                if (!ours.isCompatibleWith(seg.sender())) {
                    fail(p, ProtocolError.INCOMPATIBLE_SOCKET_TYPE, at, "Invalid socket type");
                    return null;
                }
                p.peerType = seg.sender();
                if (name.equals("INITIATE")) {
                    // RFC 24-FLOW-5: the server answers INITIATE with READY.
                    p.outputs.add("READY");
                }
                return Stage.TRAFFIC;
            case "WELCOME":
                // RFC 24-WELCOME-1: no data.
                if (data.length != 0) {
                    fail(p, ProtocolError.ZMTP_MALFORMED_COMMAND_WELCOME, at, null);
                    return null;
                }
                // RFC 24-FLOW-4: INITIATE follows WELCOME.
                p.outputs.add("INITIATE");
                return Stage.AWAIT_READY;
            default:
                // HELLO (RFC 24-HELLO-1..3): exactly a size-prefixed username and password.
                if (data.length < 2 || 1 + (data[0] & 0xFF) >= data.length
                    || (data[1 + (data[0] & 0xFF)] & 0xFF) != data.length - 2 - (data[0] & 0xFF)) {
                    fail(p, ProtocolError.ZMTP_MALFORMED_COMMAND_HELLO, at, null);
                    return null;
                }
                int ul = data[0] & 0xFF;
                List<byte[]> creds = List.of(Arrays.copyOfRange(data, 1, 1 + ul),
                    Arrays.copyOfRange(data, 2 + ul, data.length));
                if (gate(p, decision, end, creds)) {
                    return null;
                }
                // RFC 24-FLOW-3: WELCOME once the credentials are accepted.
                p.outputs.add("WELCOME");
                return Stage.AWAIT_INITIATE;
        }
    }

    /** @return false if the evaluation stops (a failure) */
    private static boolean traffic(Prediction p, long at, boolean command, boolean more, byte[] body) {
        if (!command) {
            p.events.add("MSG" + (more ? "+ " : " ") + Hex.all(body));
            return true;
        }
        String name = name(p, at, body);
        if (name == null) {
            return false;
        }
        byte[] data = data(body);
        switch (name) {
            case "PING":
                // RFC 37-PING-2/5: a 2-octet TTL and at most 16 octets of context.
                if (data.length < 2 || data.length > 18) {
                    fail(p, ProtocolError.MALFORMED_COMMAND_PING, at, null);
                    return false;
                }
                p.events.add("PING " + (((data[0] & 0xFF) << 8) | (data[1] & 0xFF)) + " "
                    + Hex.all(Arrays.copyOfRange(data, 2, data.length)));
                return true;
            case "PONG":
                if (data.length > 16) {
                    fail(p, ProtocolError.MALFORMED_COMMAND_PONG, at, null);
                    return false;
                }
                p.events.add("PONG " + Hex.all(data));
                return true;
            case "SUBSCRIBE":
            case "CANCEL":
                p.events.add(name + " " + Hex.all(data));
                return true;
            case "ERROR":
                // RFC 23-ERRH-1: ERROR is fatal at any time.
                error(p, at, data);
                return false;
            case "READY":
            case "HELLO":
            case "WELCOME":
            case "INITIATE":
                fail(p, ProtocolError.ZMTP_UNEXPECTED_COMMAND, at, null);
                return false;
            default:
                // RFC 23-CMD-3: unknown commands are ignored after the handshake.
                return true;
        }
    }
}
