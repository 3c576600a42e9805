package org.parley.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A topic as events and statements show it; on write only the slug counts, given either as a plain string or as an
 * object with a {@code slug} (so a read can be sent back unchanged).
 */
@Schema(name = "TopicRef", description = "A topic reference: written as a slug string or an object with a slug")
@JsonIgnoreProperties(value = {"id", "name"}, allowGetters = true)
@JsonPropertyOrder({"id", "slug", "name"})
public record TopicRef(
        @Schema(readOnly = true, description = "Id of the topic", example = "4") Long id,
        @Schema(description = "The topic's slug; the only field a write reads", example = "kazakhstan-unrest")
        @NotBlank @Size(max = 100)
        String slug,
        @Schema(readOnly = true, description = "The topic's name", example = "Kazakhstan unrest (January 2022)")
        String name) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TopicRef ofSlug(String slug) {
        return new TopicRef(null, slug, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static TopicRef of(@com.fasterxml.jackson.annotation.JsonProperty("slug") String slug) {
        return new TopicRef(null, slug, null);
    }

    public static TopicRef from(Topic topic) {
        return new TopicRef(topic.id, topic.slug, topic.name);
    }
}
