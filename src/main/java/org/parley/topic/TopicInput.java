package org.parley.topic;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a request names a topic, for the OpenAPI document only: {@link TopicRef} reads both forms (its two
 * {@code @JsonCreator}s), and the document says so with a {@code oneOf} of a slug string and a reference object.
 */
@Schema(name = "TopicInput", description = "A topic named by its slug: the slug itself, or an object with a `slug`"
        + " (as a read shows it, so that a read can be sent back)",
        oneOf = {TopicInput.Slug.class, TopicRef.class}, example = "kazakhstan-unrest")
public final class TopicInput {

    private TopicInput() {
    }

    @Schema(name = "TopicSlug", type = SchemaType.STRING, description = "A topic's slug", pattern = "\\S",
            maxLength = 100, example = "kazakhstan-unrest")
    static final class Slug {

        private Slug() {
        }
    }
}
