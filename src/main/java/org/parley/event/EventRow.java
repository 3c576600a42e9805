package org.parley.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event as a CSV row; lists are joined with "; ". */
@Schema(name = "EventRow", description = "The columns of the CSV export of events")
@JsonPropertyOrder({"id", "date", "endDate", "datePrecision", "status", "type", "title", "countries", "subjectCountries", "participantIds", "participants",
        "roles", "topics", "cameoCode", "ploverType", "ploverMode", "goldstein", "locationCountry", "locationCity", "summary", "sourceUrls", "publishers",
        "createdAt", "updatedAt", "version"})
public record EventRow(
        @Schema(description = "Id of the event", example = "1") long id,
        @Schema(description = "The day the event happened", implementation = String.class, format = "date",
                example = "2022-01-10")
        LocalDate date,
        @Schema(description = "Last day of an event over several days; empty for a one-day event",
                implementation = String.class, format = "date", example = "2022-01-11")
        LocalDate endDate,
        @Schema(description = "How precisely the source dates the event", example = "DAY") DatePrecision datePrecision,
        @Schema(description = "Whether it took place", example = "HELD") EventStatus status,
        @Schema(description = "Kind of interaction", example = "PHONE_CALL") EventType type,
        @Schema(description = "What happened, in one line", example = EventResponse.TITLE) String title,
        @Schema(description = "The participants' countries (derived), ISO 3166-1 alpha-2, joined with `; `",
                example = "CN; RU")
        String countries,
        @Schema(description = "Countries discussed but not taking part, in alphabetical order, joined with `; `",
                example = "KZ")
        String subjectCountries,
        @Schema(description = "Ids of the participants in the event's order, joined with `; `", example = "1; 2")
        String participantIds,
        @Schema(description = "Names of the participants in the same order, joined with `; `",
                example = "Wang Yi; Sergey Lavrov")
        String participants,
        @Schema(description = "Role of each participant at the event in the same order (empty when not given),"
                + " joined with `; `", example = "State Councilor and Minister of Foreign Affairs of China;"
                + " Minister of Foreign Affairs of Russia")
        String roles,
        @Schema(description = "Slugs of the topics discussed, in slug order, joined with `; `",
                example = "csto; kazakhstan-unrest")
        String topics,
        @Schema(description = "CAMEO event code", example = "041") String cameoCode,
        @Schema(description = "PLOVER event type", example = "CONSULT") PloverType ploverType,
        @Schema(description = "PLOVER mode", example = "phone") String ploverMode,
        @Schema(description = "Goldstein scale value, -10 (most conflictual) to +10 (most cooperative)",
                example = "1.0")
        Double goldstein,
        @Schema(description = "Country where it took place, ISO 3166-1 alpha-2; empty when not given", example = "CN")
        String locationCountry,
        @Schema(description = "City where it took place; empty when not given", example = "Beijing")
        String locationCity,
        @Schema(description = "Short account of the event", example = EventResponse.SUMMARY) String summary,
        @Schema(description = "URLs of the sources, joined with `; `", example = Source.URL)
        String sourceUrls,
        @Schema(description = "Publishers of the sources in the same order, joined with `; `", example = "Xinhua")
        String publishers,
        @Schema(description = "When the event was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the event was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version of the event", example = "0") long version) {

    static final String SEPARATOR = "; ";

    public static EventRow from(Event e) {
        return new EventRow(e.id, e.eventDate, e.endDate, e.datePrecision, e.status, e.type, e.title, String.join(SEPARATOR, e.countries()),
                String.join(SEPARATOR, e.subjectCountries.stream().sorted().toList()),
                join(e.participants.stream().map(p -> String.valueOf(p.participant.id))),
                join(e.participants.stream().map(p -> p.participant.name)),
                join(e.participants.stream().map(p -> p.role == null ? "" : p.role)),
                join(e.topics.stream().map(t -> t.slug)), e.cameoCode, e.ploverType, e.ploverMode, e.goldstein,
                e.location == null ? null : e.location.country, e.location == null ? null : e.location.city,
                e.summary, join(e.sources.stream().map(s -> s.url == null ? "" : s.url)),
                join(e.sources.stream().map(s -> s.publisher)), e.createdAt, e.updatedAt, e.version);
    }

    private static String join(java.util.stream.Stream<String> values) {
        return String.join(SEPARATOR, values.toList());
    }
}
