package org.parley.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.statement.StatementResponse;
import org.parley.topic.TopicRef;

@Schema(name = "Event", description = "One dated diplomatic interaction")
public record EventResponse(
        @Schema(example = "1") Long id,
        String title,
        EventType type,
        @Schema(description = "The day the event happened", example = "2022-01-10") LocalDate date,
        String summary,
        Location location,
        List<EventParticipantRef> participants,
        @Schema(readOnly = true, description = "The participants' countries (derived)", example = "[\"CN\", \"RU\"]")
        List<String> countries,
        @Schema(example = "[\"KZ\"]") List<String> subjectCountries,
        List<TopicRef> topics,
        List<Source> sources,
        @Schema(example = "041") String cameoCode,
        @Schema(example = "HELD") EventStatus status,
        @Schema(example = "2022-01-11") LocalDate endDate,
        @Schema(example = "DAY") DatePrecision datePrecision,
        @Schema(example = "CONSULT") PloverType ploverType,
        @Schema(example = "phone") String ploverMode,
        @Schema(example = "1.0") Double goldstein,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "0") long version,
        @Schema(readOnly = true, description = "The statements made at the event, in order; only on the single-event read")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<StatementResponse> statements) {

    /** The event as lists show it, without statements. */
    public static EventResponse from(Event event) {
        return from(event, null);
    }

    /** The events as lists show them, by id: what a stored document is rendered from. */
    public static Map<Long, EventResponse> byId(List<Event> events) {
        return events.stream().collect(Collectors.toMap(e -> e.id, EventResponse::from));
    }

    public static EventResponse from(Event e, List<StatementResponse> statements) {
        return new EventResponse(e.id, e.title, e.type, e.eventDate, e.summary, Location.from(e.location),
                e.participants.stream().map(EventParticipantRef::from).toList(), e.countries(),
                e.subjectCountries.stream().sorted().toList(), e.topics.stream().map(TopicRef::from).sorted(TopicRef.BY_SLUG).toList(),
                e.sources.stream().map(Source::from).toList(), e.cameoCode, e.status, e.endDate, e.datePrecision,
                e.ploverType, e.ploverMode, e.goldstein, e.createdAt, e.updatedAt, e.version, statements);
    }
}
