package io.jzmtp.spec.properties;

/** Short hex renderings for failure reports. */
final class Hex {
    private Hex() {
    }

    /**
     * @param b bytes
     * @return the first 16 bytes in hex, with an ellipsis if there are more
     */
    static String head(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length && i < 16; i++) {
            s.append(String.format("%02x", b[i] & 0xFF));
        }
        return b.length > 16 ? s + "..." : s.toString();
    }

    /**
     * @param b bytes
     * @return all bytes in hex
     */
    static String all(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
