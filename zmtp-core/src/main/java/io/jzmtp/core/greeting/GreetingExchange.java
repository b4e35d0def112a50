package io.jzmtp.core.greeting;

import io.jzmtp.core.ProtocolError;
import io.jzmtp.core.ProtocolException;
import io.jzmtp.core.ZmtpVersion;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Both halves of the greeting, exchanged in stages so that ZMTP 1.0 and 2.0 peers are recognised from their
 * first bytes and refused before anything of theirs is delivered (RFC 23, "Version Negotiation"; libzmq does
 * the same, which matters for interop).
 *
 * <ol>
 *   <li>Our 10-octet signature is released at once.</li>
 *   <li>A peer whose first octet is not 0xFF is ZMTP 1.0 (that octet is an identity length): refused.</li>
 *   <li>With the peer's 10 signature octets in, a clear bit 0 in octet 9 means ZMTP 1.0 with a long identity:
 *       refused. Otherwise our major version octet is released.</li>
 *   <li>The peer's octet 10 is its major version (a "revision" for 2.0): below 3 it is refused; otherwise the
 *       rest of our greeting is released.</li>
 *   <li>With the peer's mechanism field in (octet 31), a name other than ours is refused (RFC 23: "If the
 *       mechanism does not exactly match, the peer SHALL close the connection").</li>
 *   <li>With all 64 octets in, the version is settled: minor 0 means 3.0 rules, anything later 3.1 rules.</li>
 * </ol>
 * Padding, the as-server flag and the filler are never judged (libzmq and JeroMQ send as-server 0 even when
 * they are servers).
 *
 * <p>Not thread-safe: one owner. Allocates only at construction and when the greeting completes.
 */
public final class GreetingExchange {
    private final byte[] ours = new byte[Greeting.LENGTH];
    private final byte[] theirs = new byte[Greeting.LENGTH];
    private final byte[] ourMechanism;
    private int released = Greeting.SIGNATURE_LENGTH;
    private int sent;
    private int received;
    private Greeting peer;
    private ZmtpVersion version;

    /**
     * Prepares our greeting.
     *
     * @param mechanism our mechanism's name, such as "NULL"
     * @param asServer our as-server flag
     * @param padding the value of the padding octets (routing-id length + 1, as libzmq sends)
     */
    public GreetingExchange(String mechanism, boolean asServer, long padding) {
        new Greeting(Greeting.OUR_MAJOR, Greeting.OUR_MINOR, mechanism, asServer)
            .encode(new UnsafeBuffer(ours), 0, padding);
        ourMechanism = Greeting.mechanismBytes(mechanism);
    }

    /** @return how many of our greeting's octets are released and not yet taken by {@link #takeOutput}. */
    public int outputAvailable() {
        return released - sent;
    }

    /**
     * Copies released octets of our greeting out for sending.
     *
     * @param dst the destination
     * @param offset where to write
     * @param capacity how many bytes may be written
     * @return how many were written
     */
    public int takeOutput(MutableDirectBuffer dst, int offset, int capacity) {
        int n = Math.min(capacity, released - sent);
        dst.putBytes(offset, ours, sent, n);
        sent += n;
        return n;
    }

    /** @return true once the peer's 64 octets have been received and accepted. */
    public boolean isComplete() {
        return peer != null;
    }

    /** @return the peer's greeting, or null before completion. */
    public Greeting peerGreeting() {
        return peer;
    }

    /** @return the negotiated revision, or null before completion. */
    public ZmtpVersion version() {
        return version;
    }

    /** @return how many of the peer's octets have been received. */
    public int received() {
        return received;
    }

    /**
     * Consumes the peer's greeting octets (at most up to the 64th; later bytes are left for the frame decoder).
     *
     * @param src the input
     * @param offset where it starts
     * @param length how many bytes are available
     * @return how many bytes were consumed
     * @throws ProtocolException if the peer is a ZMTP 1.0 or 2.0 peer, announces a major below 3, or names
     *     another mechanism; the exception's offset is the octet that decided it
     */
    public int receive(DirectBuffer src, int offset, int length) throws ProtocolException {
        int consumed = 0;
        while (consumed < length && received < Greeting.LENGTH) {
            int at = received;
            theirs[received++] = src.getByte(offset + consumed++);
            check(at);
        }
        return consumed;
    }

    private void check(int at) throws ProtocolException {
        int octet = theirs[at] & 0xFF;
        if (at == 0 && octet != 0xFF) {
            throw new ProtocolException(ProtocolError.UNSUPPORTED_VERSION,
                "ZMTP 1.0 peer (first octet 0x" + Integer.toHexString(octet) + ", not the 0xFF signature)", at, null);
        } else if (at == Greeting.SIGNATURE_LENGTH - 1) {
            if ((octet & 0x01) == 0) {
                throw new ProtocolException(ProtocolError.UNSUPPORTED_VERSION,
                    "ZMTP 1.0 peer (signature octet 9 is 0x" + Integer.toHexString(octet) + ")", at, null);
            }
            released = Greeting.MAJOR_OFFSET + 1;
        } else if (at == Greeting.MAJOR_OFFSET) {
            if (octet < Greeting.OUR_MAJOR) {
                throw new ProtocolException(ProtocolError.UNSUPPORTED_VERSION,
                    (octet == 1 ? "ZMTP 2.0 peer" : "ZMTP 1.0 peer") + " (version octet " + octet + ")", at, null);
            }
            released = Greeting.LENGTH;
        } else if (at == Greeting.MECHANISM_OFFSET + Greeting.MECHANISM_LENGTH - 1) {
            if (!java.util.Arrays.equals(theirs, Greeting.MECHANISM_OFFSET, at + 1, ourMechanism, 0,
                Greeting.MECHANISM_LENGTH)) {
                Greeting g = Greeting.parse(new UnsafeBuffer(theirs), 0);
                throw new ProtocolException(ProtocolError.ZMTP_MECHANISM_MISMATCH,
                    "peer mechanism " + g.mechanism() + ", ours "
                        + new String(ourMechanism, java.nio.charset.StandardCharsets.US_ASCII).trim(), at, null);
            }
        } else if (at == Greeting.LENGTH - 1) {
            peer = Greeting.parse(new UnsafeBuffer(theirs), 0);
            version = ZmtpVersion.negotiate(peer.major(), peer.minor());
        }
    }
}
