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
public record EventRow(long id, LocalDate date, LocalDate endDate, DatePrecision datePrecision,
        EventStatus status, EventType type, String title, String countries,
        String subjectCountries, String participantIds, String participants, String roles, String topics,
        String cameoCode, PloverType ploverType, String ploverMode, Double goldstein, String locationCountry, String locationCity, String summary, String sourceUrls,
        String publishers, Instant createdAt, Instant updatedAt, long version) {

    static final String SEPARATOR = "; ";

    static EventRow from(Event e) {
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
