package org.parley.page;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.parley.store.Rendered;

/**
 * Reads the API's stored documents back into its response records, with every property a read shows. The records
 * are made for writes too, which ignore read-only properties ({@code @JsonIgnoreProperties}) and take a topic by
 * its slug alone ({@code @JsonCreator}s); this reader overlooks both and fills each record through its canonical
 * constructor.
 */
final class ReadBack {

    private final ObjectMapper json;

    ReadBack(ObjectMapper configured) {
        json = configured.copy().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                return JsonIgnoreProperties.Value.empty();
            }

            @Override
            public JsonCreator.Mode findCreatorAnnotation(MapperConfig<?> config, Annotated a) {
                return null;
            }
        });
    }

    <T> T read(Rendered<T> document, Class<T> type) {
        try {
            return json.readValue(document.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document does not read back", e);
        }
    }
}
