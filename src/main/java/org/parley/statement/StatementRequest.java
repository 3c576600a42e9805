package org.parley.statement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.topic.TopicInput;
import org.parley.topic.TopicRef;
import org.parley.value.LanguageTag;

/** A statement as clients write it; read-only fields of a statement read are accepted and ignored. */
@Schema(name = "StatementWrite", description = "A statement to create or replace")
@JsonIgnoreProperties({"id", "speakerName", "sourceSha256", "createdAt", "updatedAt"})
@SpanMatchesText
public record StatementRequest(
        @Schema(description = "The event it was made at", example = "1") @NotNull
        Long eventId,
        @Schema(description = "A participant of that event", example = "3") @NotNull
        Long speakerId,
        @Schema(description = "In the source's language, as reported", example = "La Chine et la Russie doivent empêcher le chaos ou la guerre d'éclater en Asie centrale")
        @NotBlank @Size(max = 10000)
        String text,
        @Schema(description = "BCP 47 language tag of the text", example = "fr") @NotBlank @LanguageTag
        String language,
        @Schema(description = "English translation", example = "China and Russia must prevent chaos or war from breaking out in Central Asia")
        @Size(max = 10000)
        String translation,
        @Schema(example = "REPORTED") @NotNull
        StatementKind kind,
        @Schema(type = SchemaType.ARRAY, implementation = TopicInput.class,
                description = "Topics the statement is about: slugs, or objects with a slug",
                example = "[{\"slug\": \"central-asia-security\"}, {\"slug\": \"china-russia-relations\"}]")
        @Size(max = 50)
        List<@Valid @NotNull TopicRef> topics,
        @Schema(description = "Order within the event; defaults to after the last one", example = "1") @PositiveOrZero
        Integer position,
        @Schema(description = "URL of one of the event's sources", example = StatementResponse.SOURCE_URL)
        @Size(max = 2000)
        String sourceUrl,
        @Schema(description = "Where the text is in the report of `sourceUrl`, when it was drafted from one:"
                + " `end - start` must be the text's length; absent for a statement typed by hand",
                example = Span.EXAMPLE)
        Span span,
        @Schema(description = "Version read before the change; when given, a stale version is a 409", example = "0")
        Long version) implements Span.Spanned {
}
