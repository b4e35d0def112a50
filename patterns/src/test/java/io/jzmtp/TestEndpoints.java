package io.jzmtp;

import java.nio.charset.StandardCharsets;

/** What the byte[] API tests share: an endpoint per transport, and UTF-8 bytes. */
final class TestEndpoints {
    private TestEndpoints() {
    }

    /** @return a wildcard tcp endpoint, or the inproc endpoint of that name */
    static String endpoint(String transport, String name) {
        return transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://" + name;
    }

    /** @return the string's UTF-8 bytes */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
