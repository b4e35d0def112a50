/**
 * I/O threads, mailboxes, pipes, the ZMTP engine and the tcp, ipc and inproc transports.
 *
 * <p>Nothing here is public API: packages are exported only to {@code io.jzmtp} (the patterns module).
 */
module io.jzmtp.transports {
    requires transitive io.jzmtp.core;
    requires org.agrona;
    requires org.jctools.core;

}
