package org.parley.topic;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Topic", description = "A subject of discussion")
public record TopicResponse(
        @Schema(example = "7") Long id,
        @Schema(example = "kazakhstan-unrest") String slug,
        @Schema(example = "Kazakhstan unrest (January 2022)") String name,
        String description,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "0") long version) {

    public static TopicResponse from(Topic topic) {
        return new TopicResponse(topic.id, topic.slug, topic.name, topic.description, topic.createdAt, topic.updatedAt,
                topic.version);
    }
}
