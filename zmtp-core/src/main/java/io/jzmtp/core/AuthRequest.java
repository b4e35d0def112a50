package io.jzmtp.core;

import java.util.List;

/**
 * What a server-side mechanism asks of authentication (ZAP, RFC 27): the mechanism and the client's credentials
 * (PLAIN: username then password; NULL: none).
 *
 * @param mechanism the mechanism name, such as "PLAIN"
 * @param credentials the credential frames, in ZAP order (not copied)
 */
public record AuthRequest(String mechanism, List<byte[]> credentials) {
}
