package org.parley.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.store.Record;
import org.parley.topic.TopicInput;
import org.parley.topic.TopicRef;
import org.parley.value.CountryCode;

/** An event as clients write it. The body of an event read is accepted unchanged; read-only fields are ignored. */
@Schema(name = "EventWrite", description = "An event to create or replace")
@JsonIgnoreProperties({"id", "countries", "statements", "createdAt", "updatedAt"})
public record EventRequest(
        @Schema(description = "What happened, in one line", example = EventResponse.TITLE)
        @NotBlank @Size(max = 500)
        String title,
        @Schema(example = "PHONE_CALL") @NotNull
        EventType type,
        @Schema(description = "The day the event happened (not the day of the report)", implementation = String.class,
                format = "date", example = "2022-01-10")
        @NotNull
        LocalDate date,
        @Schema(description = "Short account of the event", example = EventResponse.SUMMARY)
        @Size(max = 10000)
        String summary,
        @Valid
        Location location,
        @Schema(description = "Who took part, at least one and each once, with the role held there",
                example = PARTICIPANTS)
        @NotEmpty @Size(max = 100)
        List<@Valid @NotNull EventParticipantRef> participants,
        @Schema(description = "Countries discussed but not taking part, ISO 3166-1 alpha-2", example = "[\"KZ\"]")
        @Size(max = 50)
        List<@NotNull @CountryCode String> subjectCountries,
        @Schema(type = SchemaType.ARRAY, implementation = TopicInput.class,
                description = "Topics discussed: slugs, or objects with a slug", example = TOPICS) @Size(max = 100)
        List<@Valid @NotNull TopicRef> topics,
        @Schema(description = "Reports that document the event", example = EventResponse.SOURCES) @Size(max = 50)
        List<@Valid @NotNull Source> sources,
        @Schema(description = "CAMEO event code; defaults from the type (041 for a phone call)", example = "041")
        @Pattern(regexp = "^[0-9]{2,4}$", message = "must be a CAMEO code of 2 to 4 digits, such as 041")
        String cameoCode,
        @Schema(description = "Whether it took place; default HELD", example = "HELD")
        EventStatus status,
        @Schema(description = "Last day of an event over several days, not before `date`",
                implementation = String.class, format = "date", example = "2022-01-11")
        LocalDate endDate,
        @Schema(description = "How precisely the source dates the event; default DAY", example = "DAY")
        DatePrecision datePrecision,
        @Schema(description = "PLOVER event type; defaults from the type (CONSULT for a call)", example = "CONSULT")
        PloverType ploverType,
        @Schema(description = "PLOVER mode; defaults from the type (phone for a call)", example = "phone")
        @Size(max = 40)
        @Pattern(regexp = "^[a-z]+(-[a-z]+)*$", message = "must be lowercase words joined by hyphens, such as third-party")
        String ploverMode,
        @Schema(description = "Goldstein scale value; defaults to that of the CAMEO code", example = "1.0")
        @DecimalMin("-10.0") @DecimalMax("10.0")
        Double goldstein,
        @Schema(description = "The id a data provider gives the event, unique in Parley: its key in bulk imports",
                example = "xinhua-2022-01-12-wang-yi-lavrov-call", maxLength = 200)
        @Pattern(regexp = Record.EXTERNAL_ID, message = Record.EXTERNAL_ID_MESSAGE)
        String externalId,
        @Schema(description = "Version read before the change; when given, a stale version is a 409", example = "0")
        Long version) {

    static final String PARTICIPANTS = """
            [{"participantId": 1, "role": "State Councilor and Minister of Foreign Affairs of China"},
             {"participantId": 2, "role": "Minister of Foreign Affairs of Russia"}]
            """;
    static final String TOPICS = "[{\"slug\": \"csto\"}, {\"slug\": \"kazakhstan-unrest\"}]";
}
