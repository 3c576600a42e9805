package org.parley.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A record already rendered to JSON, as UTF-8 bytes (see {@link Documents}): Jackson copies them into the response
 * as they are, without parsing them or converting them to characters and back. {@code T} names what the JSON holds,
 * for {@code fields=} and for the reader.
 */
public record Rendered<T>(byte[] json) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(new Utf8(json));
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(generator, serializers);
    }

    /** This JSON object with one more property, last: the array of the items, in their order. */
    public Rendered<T> with(String property, List<? extends Rendered<?>> items) {
        int end = json.length - 1;
        while (end >= 0 && json[end] != '}') { // a '}' byte is always the character: UTF-8 continuation bytes are >= 0x80
            end--;
        }
        if (end < 1) {
            throw new IllegalStateException("not a JSON object");
        }
        ByteBuffer out = ByteBuffer.allocate(end + property.length() + 8
                + items.stream().mapToInt(item -> item.json().length + 1).sum());
        out.put(json, 0, end);
        out.put(((json[end - 1] == '{' ? "\"" : ",\"") + property + "\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            out.put(items.get(i).json());
        }
        out.put((byte) ']').put((byte) '}');
        return new Rendered<>(Arrays.copyOf(out.array(), out.position()));
    }

    /** The text of the JSON. */
    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /**
     * Raw JSON for {@link JsonGenerator#writeRawValue(SerializableString)}: a UTF-8 generator copies the bytes, any
     * other writes the text. Jackson's own {@code SerializedString} is made from a string, whose encoding is the
     * cost this avoids.
     */
    private record Utf8(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer out) {
            if (bytes.length > out.remaining()) {
                return -1;
            }
            out.put(bytes);
            return bytes.length;
        }
    }
}
