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
        @Schema(description = "Generated id of the event", example = "1") Long id,
        @Schema(description = "What happened, in one line", example = TITLE) String title,
        @Schema(example = "PHONE_CALL") EventType type,
        @Schema(description = "The day the event happened", implementation = String.class, format = "date",
                example = "2022-01-10")
        LocalDate date,
        @Schema(description = "Short account of the event", example = SUMMARY, nullable = true)
        String summary,
        @Schema(nullable = true) Location location,
        @Schema(description = "Who took part, in the event's order, each with the role held there",
                example = PARTICIPANTS)
        List<EventParticipantRef> participants,
        @Schema(readOnly = true, description = "The participants' countries (derived)", example = "[\"CN\", \"RU\"]")
        List<String> countries,
        @Schema(description = "Countries discussed but not taking part, ISO 3166-1 alpha-2, in alphabetical order",
                example = "[\"KZ\"]")
        List<String> subjectCountries,
        @Schema(description = "Topics discussed, in slug order", example = TOPICS)
        List<TopicRef> topics,
        @Schema(description = "Reports that document the event", example = SOURCES)
        List<Source> sources,
        @Schema(description = "CAMEO event code, one of /codes/cameo; defaults from the type (041 for a phone call)",
                example = "041")
        String cameoCode,
        @Schema(description = "Whether it took place", example = "HELD") EventStatus status,
        @Schema(description = "Last day of an event over several days; null for a one-day event",
                implementation = String.class, format = "date", example = "2022-01-11", nullable = true)
        LocalDate endDate,
        @Schema(description = "How precisely the source dates the event", example = "DAY") DatePrecision datePrecision,
        @Schema(description = "PLOVER event type; defaults from the type (CONSULT for a call)", example = "CONSULT",
                nullable = true)
        PloverType ploverType,
        @Schema(description = "PLOVER mode; defaults from the type (phone for a call)", example = "phone",
                nullable = true)
        String ploverMode,
        @Schema(description = "Goldstein scale value, -10 (most conflictual) to +10 (most cooperative); that of the"
                + " CAMEO code unless the event sets one", example = "1.0", nullable = true)
        Double goldstein,
        @Schema(description = "The id a data provider gives the event, unique in Parley: its key in bulk imports",
                example = "xinhua-2022-01-12-wang-yi-lavrov-call", nullable = true)
        String externalId,
        @Schema(description = "When the event was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the event was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version, raised by every change of the event; a PUT that sends it back"
                + " is refused (409) if the event changed since", example = "0")
        long version,
        @Schema(readOnly = true, example = STATEMENTS,
                description = "The statements made at the event, in order; only on the single-event read")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<StatementResponse> statements) {

    static final String TITLE = "Wang Yi and Sergey Lavrov discuss bilateral relations and the situation in Kazakhstan"
            + " by telephone";
    static final String SUMMARY = "Chinese State Councilor and Foreign Minister Wang Yi and Russian Foreign Minister"
            + " Sergey Lavrov discussed bilateral relations and the situation in Kazakhstan by telephone on 10 January"
            + " 2022.";
    static final String PARTICIPANTS = """
            [{"participantId": 1, "name": "Wang Yi", "country": "CN",
              "role": "State Councilor and Minister of Foreign Affairs of China"},
             {"participantId": 2, "name": "Sergey Lavrov", "country": "RU",
              "role": "Minister of Foreign Affairs of Russia"}]
            """;
    static final String TOPICS = """
            [{"id": 5, "slug": "csto", "name": "Collective Security Treaty Organization"},
             {"id": 4, "slug": "kazakhstan-unrest", "name": "Kazakhstan unrest (January 2022)"}]
            """;
    static final String SOURCES = """
            [{"url": "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html", "publisher": "Xinhua",
              "title": "Conversation téléphonique entre les MAE chinois et russe sur les relations bilatérales et la\
             situation au Kazakhstan",
              "publishedAt": "2022-01-12T08:55:00+08:00", "language": "fr", "textSha256": \"""" + Source.TEXT_SHA256
            + "\"}]";
    static final String STATEMENTS = "[" + StatementResponse.EXAMPLE + "]";

    /** The seed event as lists show it (some fields left out), as a JSON example. */
    static final String EXAMPLE = "{\"id\": 1, \"title\": \"" + TITLE + "\", \"type\": \"PHONE_CALL\","
            + " \"date\": \"2022-01-10\", \"participants\": " + PARTICIPANTS + ", \"countries\": [\"CN\", \"RU\"],"
            + " \"subjectCountries\": [\"KZ\"], \"topics\": " + TOPICS + ", \"cameoCode\": \"041\","
            + " \"status\": \"HELD\", \"version\": 0}";

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
                e.subjectCountries.stream().sorted().toList(), e.topics.stream().map(TopicRef::from).toList(),
                e.sources.stream().map(Source::from).toList(), e.cameoCode, e.status, e.endDate, e.datePrecision,
                e.ploverType, e.ploverMode, e.goldstein, e.externalId, e.createdAt, e.updatedAt, e.version, statements);
    }
}
