package io.jzmtp.core;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An immutable, ordered list of metadata properties, as carried by READY and INITIATE (RFC 23, "The Metadata").
 *
 * <pre>
 * property = name-size(1) name(1-255: A-Z a-z 0-9 - _ . +) value-size(4, network order, 0 to 2^31-1) value
 * </pre>
 * Names are matched case-insensitively (RFC 23); jzmtp emits {@code Socket-Type} and {@code Identity} in exactly
 * that case because libzmq compares them case-sensitively. A name may appear only once (matched without case).
 *
 * <p>Thread-safe (immutable). Control path: construction, parsing and lookup allocate.
 */
public final class Metadata {
    /** The socket type property (RFC 23). */
    public static final String SOCKET_TYPE = "Socket-Type";
    /** The identity property (RFC 23), used by a ROUTER as the peer's routing id. */
    public static final String IDENTITY = "Identity";
    /** The largest value length the wire allows. */
    public static final long MAX_VALUE_LENGTH = Integer.MAX_VALUE;
    /** Metadata with no properties. */
    public static final Metadata EMPTY = new Metadata(new LinkedHashMap<>());

    private final Map<String, Property> byLowerName;

    /**
     * One property.
     *
     * @param name the name as it was written
     * @param value the value bytes (not copied: do not modify)
     */
    public record Property(String name, byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Property p && p.name.equals(name) && Arrays.equals(p.value, value);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return name + "=" + new String(value, StandardCharsets.ISO_8859_1);
        }
    }

    private Metadata(LinkedHashMap<String, Property> byLowerName) {
        this.byLowerName = byLowerName;
    }

    /** @return a builder for metadata sent by this side. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a property, matching the name without regard to case.
     *
     * @param name the property name
     * @return a copy of the value, or null if absent
     */
    public byte[] value(String name) {
        Property p = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return p == null ? null : p.value.clone();
    }

    /**
     * The value of a property as ISO-8859-1 text (the metadata names of RFC 23 are ASCII).
     *
     * @param name the property name
     * @return the text, or null if absent
     */
    public String text(String name) {
        Property p = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return p == null ? null : new String(p.value, StandardCharsets.ISO_8859_1);
    }

    /** @return the properties in wire order; unmodifiable. */
    public List<Property> properties() {
        return Collections.unmodifiableList(new ArrayList<>(byLowerName.values()));
    }

    /** @return the number of properties. */
    public int size() {
        return byLowerName.size();
    }

    /** @return the number of bytes {@link #encode} writes. */
    public int encodedLength() {
        int n = 0;
        for (Property p : byLowerName.values()) {
            n += 1 + p.name.length() + 4 + p.value.length;
        }
        return n;
    }

    /**
     * Writes the properties in wire form.
     *
     * @param dst destination with {@link #encodedLength()} bytes of room
     * @param offset where to write
     * @return the number of bytes written
     */
    public int encode(MutableDirectBuffer dst, int offset) {
        int pos = offset;
        for (Property p : byLowerName.values()) {
            dst.putByte(pos++, (byte) p.name.length());
            pos += dst.putStringWithoutLengthAscii(pos, p.name);
            dst.putInt(pos, p.value.length, ByteOrder.BIG_ENDIAN);
            pos += 4;
            dst.putBytes(pos, p.value);
            pos += p.value.length;
        }
        return pos - offset;
    }

    /**
     * Parses properties that run to the end of the given range.
     *
     * @param src the input
     * @param offset where the properties start
     * @param length how many bytes they occupy
     * @return the metadata
     * @throws ProtocolException with {@link ProtocolError#ZMTP_INVALID_METADATA} if a length runs past the end,
     *     a name is empty or has a character outside {@code A-Z a-z 0-9 - _ . +}, a value length exceeds
     *     2^31-1, or a name repeats
     */
    public static Metadata parse(DirectBuffer src, int offset, int length) throws ProtocolException {
        LinkedHashMap<String, Property> props = new LinkedHashMap<>();
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            int nameLength = src.getByte(pos) & 0xFF;
            if (nameLength == 0) {
                throw invalid("empty property name at body offset " + (pos - offset));
            }
            if (nameLength > end - pos - 1) {
                throw invalid("property name of " + nameLength + " bytes runs past the end");
            }
            pos++;
            char[] name = new char[nameLength];
            for (int i = 0; i < nameLength; i++) {
                char c = (char) (src.getByte(pos + i) & 0xFF);
                if (!isNameChar(c)) {
                    throw invalid("property name has the character 0x" + Integer.toHexString(c));
                }
                name[i] = c;
            }
            pos += nameLength;
            if (end - pos < 4) {
                throw invalid("property value length truncated");
            }
            long valueLength = src.getInt(pos, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
            pos += 4;
            if (valueLength > MAX_VALUE_LENGTH || valueLength > end - pos) {
                throw invalid("property value of " + valueLength + " bytes runs past the end");
            }
            byte[] value = new byte[(int) valueLength];
            src.getBytes(pos, value);
            pos += (int) valueLength;
            String n = new String(name);
            if (props.putIfAbsent(n.toLowerCase(Locale.ROOT), new Property(n, value)) != null) {
                throw invalid("property " + n + " appears twice");
            }
        }
        return new Metadata(props);
    }

    private static ProtocolException invalid(String detail) {
        return new ProtocolException(ProtocolError.ZMTP_INVALID_METADATA, detail);
    }

    /**
     * @param c a character
     * @return true if RFC 23 allows it in a property name
     */
    public static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == '+';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && properties().equals(m.properties());
    }

    @Override
    public int hashCode() {
        return properties().hashCode();
    }

    @Override
    public String toString() {
        return byLowerName.values().toString();
    }

    /** Builds metadata; validates each property as it is added. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, Property> props = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a property.
         *
         * @param name 1 to 255 characters from {@code A-Z a-z 0-9 - _ . +}, not already present (ignoring case)
         * @param value the value; copied
         * @return this builder
         * @throws IllegalArgumentException if the name is invalid or repeats
         */
        public Builder put(String name, byte[] value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.length() > 255) {
                throw new IllegalArgumentException("metadata name '" + name + "': expected 1 to 255 characters");
            }
            for (int i = 0; i < name.length(); i++) {
                if (!isNameChar(name.charAt(i))) {
                    throw new IllegalArgumentException("metadata name '" + name
                        + "': expected only the characters A-Z a-z 0-9 - _ . +");
                }
            }
            if (props.putIfAbsent(name.toLowerCase(Locale.ROOT), new Property(name, value.clone())) != null) {
                throw new IllegalArgumentException("metadata name '" + name + "': already present");
            }
            return this;
        }

        /**
         * Adds a property with an ASCII text value.
         *
         * @param name as for {@link #put(String, byte[])}
         * @param value the text, encoded as ISO-8859-1
         * @return this builder
         */
        public Builder put(String name, String value) {
            return put(name, value.getBytes(StandardCharsets.ISO_8859_1));
        }

        /**
         * Adds every property of other metadata.
         *
         * @param other the properties to add
         * @return this builder
         */
        public Builder putAll(Metadata other) {
            for (Property p : other.byLowerName.values()) {
                put(p.name, p.value);
            }
            return this;
        }

        /** @return the metadata. */
        public Metadata build() {
            return new Metadata(new LinkedHashMap<>(props));
        }
    }
}
