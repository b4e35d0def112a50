package io.jzmtp.transport.socket;

import io.jzmtp.core.Metadata;
import io.jzmtp.transport.msg.Msg;
import io.jzmtp.transport.msg.MsgRecycler;
import io.jzmtp.transport.pipe.PipeEvents;
import io.jzmtp.transport.pipe.SpscPipe;

/**
 * One peer attached to a socket: a connection (through its engine) or another socket over inproc.
 *
 * <p>{@link #in()} carries whole messages to the socket, {@link #out()} from it. Each pipe has a recycler that takes
 * spent messages back from its reader to its writer, so steady traffic allocates nothing. The socket side of both
 * pipes signals the socket through its mailbox with two preallocated commands.
 *
 * <p>Created on the thread that sets up the connection and handed to the socket's owner thread through its
 * mailbox, which orders everything written before. {@link #slot} and {@link #attachment} belong to the socket's
 * owner thread.
 */
public final class Peer {
    private static final int RECYCLER_SLACK = 64;

    private final SocketLink socket;
    private final String endpoint;
    private final SocketCommand readable = s -> s.onPeerReadable(this);
    private final SocketCommand writable = s -> s.onPeerWritable(this);
    private final PipeEvents socketSide = new PipeEvents() {
        @Override
        public void onReadActivated(SpscPipe<?> pipe) {
            socket.post(readable);
        }

        @Override
        public void onWriteActivated(SpscPipe<?> pipe) {
            socket.post(writable);
        }
    };
    private SpscPipe<Msg> in;
    private MsgRecycler inRecycler;
    private SpscPipe<Msg> out;
    private MsgRecycler outRecycler;
    private volatile Metadata metadata = Metadata.EMPTY;
    private volatile byte[] routingId = new byte[0];
    /** Completed handshakes: 1 for the first connection, 2 after a reconnect... Written by one thread at a time. */
    private volatile int connections;
    /** Owned by the socket's thread: its index in the socket's routing structures. */
    public int slot = -1;
    /** Owned by the socket's thread: whatever a routing strategy keeps with the peer. */
    public Object attachment;

    private Peer(SocketLink socket, String endpoint) {
        this.socket = socket;
        this.endpoint = endpoint;
    }

    /**
     * A peer served by an engine (tcp, ipc).
     *
     * @param socket the socket the peer attaches to
     * @param receiveHwm the socket's receive HWM (messages; 0 = unlimited)
     * @param sendHwm the socket's send HWM
     * @param engineSide the engine's owner, told when the outbound pipe has messages or the inbound pipe has room
     * @param endpoint the endpoint, for monitor events
     * @return the peer
     */
    public static Peer forConnection(SocketLink socket, int receiveHwm, int sendHwm, PipeEvents engineSide,
        String endpoint) {
        Peer p = new Peer(socket, endpoint);
        p.in = new SpscPipe<>(receiveHwm, p.socketSide, engineSide);
        p.inRecycler = new MsgRecycler(recyclerCapacity(receiveHwm), 256);
        p.out = new SpscPipe<>(sendHwm, engineSide, p.socketSide);
        p.outRecycler = new MsgRecycler(recyclerCapacity(sendHwm), 256);
        return p;
    }

    /**
     * Two peers joined by inproc pipes: what {@code a} sends, {@code b} receives and the reverse. Each pipe's HWM is
     * the sum of the sender's send HWM and the receiver's receive HWM (libzmq's inproc rule).
     *
     * @param a the first socket
     * @param aSendHwm its send HWM
     * @param aReceiveHwm its receive HWM
     * @param b the second socket
     * @param bSendHwm its send HWM
     * @param bReceiveHwm its receive HWM
     * @param endpoint the inproc endpoint
     * @return {@code [peer seen by a, peer seen by b]}
     */
    public static Peer[] inprocPair(SocketLink a, int aSendHwm, int aReceiveHwm, SocketLink b, int bSendHwm,
        int bReceiveHwm, String endpoint) {
        Peer pa = new Peer(a, endpoint);
        Peer pb = new Peer(b, endpoint);
        int abHwm = SpscPipe.inprocHwm(aSendHwm, bReceiveHwm);
        int baHwm = SpscPipe.inprocHwm(bSendHwm, aReceiveHwm);
        SpscPipe<Msg> ab = new SpscPipe<>(abHwm, pb.socketSide, pa.socketSide);
        SpscPipe<Msg> ba = new SpscPipe<>(baHwm, pa.socketSide, pb.socketSide);
        MsgRecycler abRecycler = new MsgRecycler(recyclerCapacity(abHwm), 256);
        MsgRecycler baRecycler = new MsgRecycler(recyclerCapacity(baHwm), 256);
        pa.out = ab;
        pa.outRecycler = abRecycler;
        pb.in = ab;
        pb.inRecycler = abRecycler;
        pb.out = ba;
        pb.outRecycler = baRecycler;
        pa.in = ba;
        pa.inRecycler = baRecycler;
        return new Peer[] {pa, pb};
    }

    private static int recyclerCapacity(int hwm) {
        return hwm <= 0 ? 1024 : Math.min(hwm + RECYCLER_SLACK, 1 << 16);
    }

    /** @return the pipe the socket reads. */
    public SpscPipe<Msg> in() {
        return in;
    }

    /** @return the recycler the socket returns read messages to. */
    public MsgRecycler inRecycler() {
        return inRecycler;
    }

    /** @return the pipe the socket writes. */
    public SpscPipe<Msg> out() {
        return out;
    }

    /** @return the recycler the socket takes fresh outbound messages from. */
    public MsgRecycler outRecycler() {
        return outRecycler;
    }

    /** @return the socket this peer attaches to. */
    public SocketLink socket() {
        return socket;
    }

    /** @return the endpoint. */
    public String endpoint() {
        return endpoint;
    }

    /** @return the peer's handshake metadata (empty for inproc peers and before the handshake). */
    public Metadata metadata() {
        return metadata;
    }

    /** @return the peer's routing id as announced in its handshake (empty if none). */
    public byte[] routingId() {
        return routingId;
    }

    /**
     * Records what the peer announced in its handshake. Called on the connection's thread before the socket learns
     * of it through its mailbox.
     *
     * @param metadata the peer's metadata
     */
    public void handshake(Metadata metadata) {
        this.metadata = metadata;
        byte[] id = metadata.value(Metadata.IDENTITY);
        this.routingId = id == null ? new byte[0] : id;
        connections = connections + 1;
    }

    /**
     * @return the handshakes completed so far: the number of the current connection (0 before the first). A message
     *     {@linkplain Msg#forConnection(int) meant for} an earlier connection is discarded instead of sent.
     */
    public int connections() {
        return connections;
    }

    @Override
    public String toString() {
        return "Peer[" + endpoint + "]";
    }
}
