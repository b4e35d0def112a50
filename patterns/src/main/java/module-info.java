/** The public jzmtp API: context, sockets, messages, poller, proxy and monitor. */
module io.jzmtp {
    requires transitive io.jzmtp.core;
    requires io.jzmtp.transports;

    exports io.jzmtp;
}
