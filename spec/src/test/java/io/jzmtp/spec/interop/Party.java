package io.jzmtp.spec.interop;

/** A ZeroMQ implementation taking part in a cell: jzmtp, libzmq or JeroMQ. Test code only. */
interface Party {
    /** @return "our", "libzmq" or "JeroMQ", as in {@link InteropSocket#who()} */
    String name();

    /**
     * Opens a socket.
     *
     * @param type the socket type's name, e.g. "REQ"
     * @param routingId the routing id to announce, or null for none
     * @return the socket; ROUTERs are mandatory (an unknown destination is an error, never a silent drop)
     */
    InteropSocket open(String type, byte[] routingId);
}
