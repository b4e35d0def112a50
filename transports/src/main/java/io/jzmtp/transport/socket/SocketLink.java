package io.jzmtp.transport.socket;

/** The thread-safe handle other threads use to reach a socket: its mailbox. */
@FunctionalInterface
public interface SocketLink {
    /**
     * Posts a command to the socket's mailbox and wakes its owner if it waits. Any thread; never blocks; does not
     * allocate.
     *
     * @param command the command
     */
    void post(SocketCommand command);
}
