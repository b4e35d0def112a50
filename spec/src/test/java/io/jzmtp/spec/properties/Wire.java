package io.jzmtp.spec.properties;

import io.jzmtp.core.frame.FrameEncoder;
import io.jzmtp.core.frame.FrameFlags;
import io.jzmtp.core.greeting.Greeting;
import java.io.ByteArrayOutputStream;
import org.agrona.concurrent.UnsafeBuffer;

/** Builds peer byte streams: greetings with chosen fields, and frames. */
final class Wire {
    private Wire() {
    }

    /**
     * A 64-octet greeting with every field chosen, including the ones receivers never judge.
     *
     * @param mechanism the mechanism name (1..20 chars)
     * @param major the major version octet
     * @param minor the minor version octet
     * @param asServer the as-server octet (any value)
     * @param padding 8 padding octets
     * @param filler 31 filler octets
     * @return the greeting
     */
    static byte[] greeting(String mechanism, int major, int minor, int asServer, byte[] padding, byte[] filler) {
        byte[] g = new byte[Greeting.LENGTH];
        g[0] = (byte) 0xFF;
        System.arraycopy(padding, 0, g, 1, 8);
        g[9] = 0x7F;
        g[10] = (byte) major;
        g[11] = (byte) minor;
        System.arraycopy(Greeting.mechanismBytes(mechanism), 0, g, 12, 20);
        g[32] = (byte) asServer;
        System.arraycopy(filler, 0, g, 33, 31);
        return g;
    }

    /**
     * @param flags MORE and/or COMMAND
     * @param body the body
     * @return a whole frame in the form RFC 23 asks of senders
     */
    static byte[] frame(int flags, byte[] body) {
        byte[] out = new byte[FrameEncoder.headerLength(body.length) + body.length];
        FrameEncoder.writeFrame(new UnsafeBuffer(out), 0, flags, body, 0, body.length);
        return out;
    }

    /**
     * @param body a command body
     * @return the command frame
     */
    static byte[] command(byte[] body) {
        return frame(FrameFlags.COMMAND, body);
    }

    /**
     * @param parts byte arrays
     * @return them concatenated
     */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
