package io.jzmtp.transport.io;

/**
 * A typed unit of work sent to an {@link IoThread} and executed on it.
 *
 * <p>Commands that are sent often (pipe activations) should be preallocated and idempotent: the same instance may
 * sit in a mailbox more than once. Anything thrown by {@link #execute()} is caught, logged and counted by the I/O
 * thread, which then carries on with the next command.
 */
@FunctionalInterface
public interface IoCommand {

    /**
     * Runs the command. Called only on the I/O thread that the command was offered to; must not block.
     *
     * @throws Exception any failure; it is logged and does not stop the I/O thread
     */
    void execute() throws Exception;
}
