package org.parley.topic;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Topic", description = "A subject of discussion")
public record TopicResponse(
        @Schema(description = "Generated id of the topic", example = "4") Long id,
        @Schema(description = "Unique identifier in URLs and filters (`topic=kazakhstan-unrest`)",
                example = "kazakhstan-unrest")
        String slug,
        @Schema(description = "Display name", example = "Kazakhstan unrest (January 2022)") String name,
        @Schema(description = "What the topic covers", example = DESCRIPTION, nullable = true) String description,
        @Schema(description = "Other names, in any language", example = "[\"révolutions de couleur\"]")
        List<String> aliases,
        @Schema(description = "When the topic was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the topic was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version, raised by every change of the topic; a PUT that sends it back"
                + " is refused (409) if the topic changed since", example = "0")
        long version) {

    static final String DESCRIPTION = "The protests, riots and violence that broke out in Kazakhstan in early January"
            + " 2022 and the response to them.";

    public static TopicResponse from(Topic topic) {
        return new TopicResponse(topic.id, topic.slug, topic.name, topic.description, List.copyOf(topic.aliases),
                topic.createdAt, topic.updatedAt,
                topic.version);
    }
}
