package io.jzmtp.core;

import io.jzmtp.core.Metadata;
import java.util.Objects;

/**
 * An authentication decision, with ZAP's meaning (RFC 27): status "200" accepts; "300" (temporary failure),
 * "400" (refused) and "500" (internal error) refuse the peer.
 *
 * @param statusCode "200", "300", "400" or "500"
 * @param statusText a human-readable explanation
 * @param userId the user id assigned to the peer (may be empty)
 * @param metadata properties to attach to the peer's messages
 */
public record AuthResult(String statusCode, String statusText, String userId, Metadata metadata) {
    /**
     * Validates the status code.
     *
     * @throws IllegalArgumentException if the status code is not one of the four ZAP codes
     */
    public AuthResult {
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(metadata, "metadata");
        if (!statusCode.equals("200") && !statusCode.equals("300") && !statusCode.equals("400")
            && !statusCode.equals("500")) {
            throw new IllegalArgumentException("ZAP status code '" + statusCode + "': expected 200, 300, 400 or 500");
        }
    }

    /**
     * @param userId the user id to assign
     * @return an accepting decision
     */
    public static AuthResult accept(String userId) {
        return new AuthResult("200", "OK", userId, Metadata.EMPTY);
    }

    /**
     * @param statusText why
     * @return a refusing decision (status 400)
     */
    public static AuthResult refuse(String statusText) {
        return new AuthResult("400", statusText, "", Metadata.EMPTY);
    }

    /** @return true for status 200. */
    public boolean accepted() {
        return statusCode.equals("200");
    }
}
