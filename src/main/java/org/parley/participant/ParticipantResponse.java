package org.parley.participant;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Participant", description = "A person or organisation that takes part in or speaks at events")
public record ParticipantResponse(
        @Schema(description = "Generated id of the participant", example = "2") Long id,
        @Schema(description = "Usual name in English", example = "Sergey Lavrov") String name,
        @Schema(example = "PERSON") ParticipantKind kind,
        @Schema(description = "ISO 3166-1 alpha-2 code; null for international organisations", example = "RU",
                nullable = true)
        String country,
        @Schema(description = "Current office", example = "Minister of Foreign Affairs", nullable = true) String title,
        @Schema(description = "Organisation the participant belongs to or speaks for",
                example = "Ministry of Foreign Affairs of the Russian Federation", nullable = true)
        String organization,
        @Schema(description = "Wikidata item id", example = "Q58217", nullable = true) String wikidataId,
        @Schema(description = "Other spellings of the name, also found by `q`",
                example = "[\"Sergueï Lavrov\", \"Sergei Lavrov\"]")
        List<String> aliases,
        @Schema(description = "The id a data provider gives the participant, unique in Parley: its key in bulk imports",
                example = "mfa-ru-sergey-lavrov", nullable = true)
        String externalId,
        @Schema(description = "When the participant was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the participant was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version, raised by every change of the participant; a PUT that sends"
                + " it back is refused (409) if the participant changed since", example = "0")
        long version) {

    public static ParticipantResponse from(Participant p) {
        return new ParticipantResponse(p.id, p.name, p.kind, p.country, p.title, p.organization, p.wikidataId,
                List.copyOf(p.aliases), p.externalId, p.createdAt, p.updatedAt, p.version);
    }
}
