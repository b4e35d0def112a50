/** The Clone pattern (CHP, RFC 12) and Binary Star failover. */
module io.jzmtp.clone {
    requires transitive io.jzmtp;

    exports io.jzmtp.clone;
}
