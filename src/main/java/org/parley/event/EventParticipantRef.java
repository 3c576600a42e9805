package org.parley.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant of an event with their role there; name and country are shown on read and ignored on write. */
@Schema(name = "EventParticipant", description = "A participant of the event and the role held there")
@JsonIgnoreProperties(value = {"name", "country"}, allowGetters = true)
@JsonPropertyOrder({"participantId", "name", "country", "role"})
public record EventParticipantRef(
        @Schema(description = "Id of the participant (see /participants)", example = "1") @NotNull Long participantId,
        @Schema(readOnly = true, description = "The participant's name", example = "Wang Yi") String name,
        @Schema(readOnly = true, description = "The participant's country, ISO 3166-1 alpha-2; null for international"
                + " organisations", example = "CN", nullable = true)
        String country,
        @Schema(description = "Office held at this event",
                example = "State Councilor and Minister of Foreign Affairs of China", nullable = true)
        @Size(max = 300) String role) {

    static EventParticipantRef from(EventParticipant link) {
        return new EventParticipantRef(link.participant.id, link.participant.name, link.participant.country, link.role);
    }
}
