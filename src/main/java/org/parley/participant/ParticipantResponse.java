package org.parley.participant;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Participant", description = "A person or organisation that takes part in or speaks at events")
public record ParticipantResponse(
        @Schema(example = "3") Long id,
        @Schema(example = "Wang Yi") String name,
        ParticipantKind kind,
        @Schema(example = "CN") String country,
        @Schema(example = "State Councilor and Minister of Foreign Affairs") String title,
        String organization,
        @Schema(example = "Q15031") String wikidataId,
        List<String> aliases,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "0") long version) {

    public static ParticipantResponse from(Participant p) {
        return new ParticipantResponse(p.id, p.name, p.kind, p.country, p.title, p.organization, p.wikidataId,
                List.copyOf(p.aliases), p.createdAt, p.updatedAt, p.version);
    }
}
