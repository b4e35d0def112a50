package io.jzmtp.transport.socket;

/**
 * A typed unit of work for a socket, run on the socket's owner thread when it drains its mailbox. Commands sent on
 * the data path are preallocated and idempotent.
 */
@FunctionalInterface
public interface SocketCommand {
    /**
     * Runs the command.
     *
     * @param socket the socket, on its owner thread
     */
    void execute(SocketCore socket);
}
