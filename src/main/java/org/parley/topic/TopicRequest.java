package org.parley.topic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.value.Slug;

/** A topic as clients write it; read-only fields of a topic read are accepted and ignored. */
@Schema(name = "TopicWrite", description = "A topic to create or replace")
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = false)
public record TopicRequest(
        @Schema(description = "Unique identifier in URLs and filters", example = "kazakhstan-unrest", pattern = SLUG)
        @NotBlank @Size(max = 100) @Pattern(regexp = SLUG, message = "must be lowercase letters, digits and single hyphens, such as kazakhstan-unrest")
        String slug,
        @Schema(description = "Display name", example = "Kazakhstan unrest (January 2022)")
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "What the topic covers", example = TopicResponse.DESCRIPTION)
        @Size(max = 2000)
        String description,
        @Schema(description = "Other names, in any language: what the drafter finds in reports",
                example = "[\"révolutions de couleur\", \"color revolutions\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> aliases,
        @Schema(description = "Version read before the change; when given, a stale version is a 409", example = "0")
        Long version) {

    public static final String SLUG = Slug.PATTERN;
}
