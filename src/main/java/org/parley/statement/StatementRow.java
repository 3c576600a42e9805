package org.parley.statement;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One statement as a CSV row, with what a researcher needs of its event and speaker; topics joined with "; ". */
@Schema(name = "StatementRow", description = "The columns of the CSV export of statements")
@JsonPropertyOrder({"id", "eventId", "eventDate", "eventType", "speakerId", "speakerName", "speakerCountry",
        "language", "kind", "position", "topics", "text", "translation", "sourceUrl"})
public record StatementRow(long id, long eventId, LocalDate eventDate, String eventType, long speakerId,
        String speakerName, String speakerCountry, String language, StatementKind kind, int position, String topics,
        String text, String translation, String sourceUrl) {

    static StatementRow from(Statement s) {
        return new StatementRow(s.id, s.event.id, s.event.eventDate, s.event.type.name(), s.speaker.id,
                s.speaker.name, s.speaker.country, s.language, s.kind, s.position,
                String.join("; ", s.topics.stream().map(t -> t.slug).toList()), s.text, s.translation, s.sourceUrl);
    }
}
