/**
 * I/O threads, mailboxes, pipes, the ZMTP engine and the tcp, ipc and inproc transports.
 *
 * <p>Only {@code io.jzmtp.monitor} (socket monitor events) is public API; the other packages are exported only to
 * {@code io.jzmtp} (the patterns module).
 *
 * <p>{@code @SuppressWarnings("module")}: {@code io.jzmtp} depends on this module, so it is never on the module
 * path when this one compiles, and javac's {@code module} lint reports every qualified export to it as
 * "module not found". The suppression covers this declaration only; all other lint categories stay errors.
 */
@SuppressWarnings("module")
module io.jzmtp.transports {
    requires transitive io.jzmtp.core;
    requires org.agrona.core;
    requires org.jctools.core;

    exports io.jzmtp.monitor;
    exports io.jzmtp.transport.io to io.jzmtp;
    exports io.jzmtp.transport.pipe to io.jzmtp;
    exports io.jzmtp.transport.msg to io.jzmtp;
    exports io.jzmtp.transport.socket to io.jzmtp;
    exports io.jzmtp.transport.context to io.jzmtp;
    exports io.jzmtp.transport.endpoint to io.jzmtp;
    exports io.jzmtp.transport.engine to io.jzmtp;
}
