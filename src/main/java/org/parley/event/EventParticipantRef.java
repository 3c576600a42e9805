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
        @Schema(example = "3") @NotNull Long participantId,
        @Schema(readOnly = true, example = "Wang Yi") String name,
        @Schema(readOnly = true, example = "CN") String country,
        @Schema(description = "Office held at this event", example = "State Councilor and Minister of Foreign Affairs of China")
        @Size(max = 300) String role) {

    static EventParticipantRef from(EventParticipant link) {
        return new EventParticipantRef(link.participant.id, link.participant.name, link.participant.country, link.role);
    }
}
