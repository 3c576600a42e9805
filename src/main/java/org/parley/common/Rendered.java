package org.parley.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.List;

/**
 * A record already rendered to JSON (see {@link Documents}): Jackson copies the text into the response as it is,
 * without parsing it again. {@code T} names what the JSON holds, for {@code fields=} and for the reader.
 */
public record Rendered<T>(String json) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(generator, serializers);
    }

    /** This JSON object with one more property, last: the array of the items, in their order. */
    public Rendered<T> with(String property, List<? extends Rendered<?>> items) {
        int end = json.lastIndexOf('}');
        if (end < 0) {
            throw new IllegalStateException("not a JSON object");
        }
        StringBuilder out = new StringBuilder(json.length() + 64 + items.stream().mapToInt(i -> i.json().length() + 1).sum());
        out.append(json, 0, end);
        out.append(end > json.indexOf('{') + 1 ? ",\"" : "\"").append(property).append("\":[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        return new Rendered<>(out.append("]}").toString());
    }
}
