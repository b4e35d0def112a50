/**
 * The pure ZMTP wire protocol. No threads, sockets, channels, selectors or clocks.
 *
 * <p>Only {@code io.jzmtp.core} (the value types that appear in the public API) is exported to everyone; the
 * codec packages are exported only to the jzmtp module that joins them to channels.
 */
module io.jzmtp.core {
    requires transitive org.agrona;

    exports io.jzmtp.core;
}
