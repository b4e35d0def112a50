package io.jzmtp.transport.io;

/** Why {@link MpscSocketMailbox#await} returned. Expected outcomes are values, not exceptions. */
public enum AwaitResult {

    /** At least one command is in the mailbox. */
    READY,

    /** The deadline passed (by the mailbox's clock) and the mailbox is still empty. */
    TIMED_OUT,

    /** The waiting thread is interrupted; its interrupt flag is left set and the mailbox stays usable. */
    INTERRUPTED
}
