package io.jzmtp.core.command;

import java.util.Arrays;

/**
 * The username and password of a PLAIN HELLO (RFC 24). Each is 0 to 255 octets.
 *
 * @param username the username bytes (not copied)
 * @param password the password bytes (not copied)
 */
public record PlainCredentials(byte[] username, byte[] password) {
    @Override
    public boolean equals(Object o) {
        return o instanceof PlainCredentials c && Arrays.equals(c.username, username)
            && Arrays.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(username) * 31 + Arrays.hashCode(password);
    }

    @Override
    public String toString() {
        return "PlainCredentials[username=" + new String(username, java.nio.charset.StandardCharsets.UTF_8)
            + ", password=(" + password.length + " bytes)]";
    }
}
