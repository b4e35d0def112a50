package io.jzmtp.spec.catalogue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Raw metadata properties (RFC 23 "The Metadata": name-size, name, 4-octet value-size, value), written without
 * any validation so that a case can break one length or one character.
 *
 * <p>Test code only; not thread-safe.
 */
final class MetadataBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private MetadataBytes() {
    }

    static MetadataBytes props() {
        return new MetadataBytes();
    }

    /** A well-formed property. */
    MetadataBytes prop(String name, String value) {
        return prop(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A well-formed property with a binary value. */
    MetadataBytes prop(String name, byte[] value) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        return raw(Bodies.sized(n)).valueSize(value.length).raw(value);
    }

    /** A name-size octet followed by the given name bytes (the size need not match). */
    MetadataBytes name(int nameSize, byte[] name) {
        return raw(new byte[] {(byte) nameSize}).raw(name);
    }

    /** A 4-octet network-order value size (any 32-bit pattern). */
    MetadataBytes valueSize(long size) {
        return raw(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
    }

    MetadataBytes raw(byte[] b) {
        bytes.writeBytes(b);
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
