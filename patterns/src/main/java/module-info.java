/** The public jzmtp API: context, sockets, messages, monitor. */
module io.jzmtp {
    requires transitive io.jzmtp.core;
    requires transitive io.jzmtp.transports;
    requires org.agrona.core;

    exports io.jzmtp;
}
