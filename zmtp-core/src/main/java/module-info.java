/**
 * The pure ZMTP wire protocol. No threads, sockets, channels, selectors or clocks.
 *
 * <p>Only {@code io.jzmtp.core} (the value types that appear in the public API) is exported to everyone; the
 * codec packages are exported only to the jzmtp module that joins them to channels.
 *
 * <p>The qualified exports name modules built after this one, which javac cannot see yet; that one warning is
 * suppressed here rather than lint's whole "module" category in the build.
 */
@SuppressWarnings("module")
module io.jzmtp.core {
    requires transitive org.agrona.core;

    exports io.jzmtp.core;
    exports io.jzmtp.core.frame to io.jzmtp.transports, io.jzmtp;
    exports io.jzmtp.core.greeting to io.jzmtp.transports;
    exports io.jzmtp.core.command to io.jzmtp.transports, io.jzmtp;
    exports io.jzmtp.core.mechanism to io.jzmtp.transports, io.jzmtp;
    exports io.jzmtp.core.connection to io.jzmtp.transports;
}
