package org.parley.statement;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.event.Source;

/** One statement as a CSV row, with what a researcher needs of its event and speaker; topics joined with "; ". */
@Schema(name = "StatementRow", description = "The columns of the CSV export of statements")
@JsonPropertyOrder({"id", "eventId", "eventDate", "eventType", "speakerId", "speakerName", "speakerCountry",
        "language", "kind", "position", "topics", "text", "translation", "sourceUrl", "spanStart", "spanEnd",
        "sourceSha256"})
public record StatementRow(
        @Schema(description = "Id of the statement", example = "6") long id,
        @Schema(description = "Id of the event it was made at", example = "1") long eventId,
        @Schema(description = "The day the event happened", implementation = String.class, format = "date",
                example = "2022-01-10")
        LocalDate eventDate,
        @Schema(description = "Type of the event (see EventType)", example = "PHONE_CALL") String eventType,
        @Schema(description = "Id of the participant who made it", example = "2") long speakerId,
        @Schema(description = "The speaker's name", example = "Sergey Lavrov") String speakerName,
        @Schema(description = "The speaker's country, ISO 3166-1 alpha-2; empty for international organisations",
                example = "RU")
        String speakerCountry,
        @Schema(description = "BCP 47 language tag of the text", example = "fr") String language,
        @Schema(description = "Whether the source quotes or reports the words", example = "REPORTED")
        StatementKind kind,
        @Schema(description = "Order within the event", example = "6") int position,
        @Schema(description = "Slugs of the statement's topics, in slug order, joined with `; `",
                example = "beijing-winter-olympics-2022; china-russia-relations; head-of-state-diplomacy")
        String topics,
        @Schema(description = "What was said, in the source's language, as reported",
                example = StatementResponse.TEXT)
        String text,
        @Schema(description = "English translation of the text; empty when there is none",
                example = StatementResponse.TRANSLATION)
        String translation,
        @Schema(description = "URL of the source it comes from; empty when not given",
                example = StatementResponse.SOURCE_URL)
        String sourceUrl,
        @Schema(description = "Where the text starts in the report of `sourceUrl` (UTF-16 code units from 0); empty"
                + " for a statement typed by hand", example = "1187")
        Integer spanStart,
        @Schema(description = "Where the text ends in that report, exclusive: `spanEnd - spanStart` is the text's"
                + " length; empty for a statement typed by hand", example = "1364")
        Integer spanEnd,
        @Schema(description = "SHA-256 (lowercase hex) of the text of the report of `sourceUrl`, as its source in the"
                + " event gives it; empty when it gives none", example = Source.TEXT_SHA256)
        String sourceSha256) {

    /** The rows of the statements by id: what a stored row is rendered from. */
    public static Map<Long, StatementRow> byId(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(s -> s.id, StatementRow::from));
    }

    /** The row of a statement, as the projection of {@code StatementService}'s export makes it. */
    public static StatementRow from(Statement s) {
        return new StatementRow(s.id, s.event.id, s.eventDate, s.event.type.name(), s.speaker.id, s.speaker.name,
                s.speakerCountry, s.language, s.kind, s.position,
                s.topics.stream().map(topic -> topic.slug).collect(Collectors.joining("; ")), s.text, s.translation,
                s.sourceUrl, s.spanStart, s.spanEnd, s.sourceSha256());
    }

    /** A row from the projection of {@code StatementService}'s export. */
    static StatementRow of(Object[] t) {
        return new StatementRow((Long) t[0], (Long) t[1], (LocalDate) t[2], ((Enum<?>) t[3]).name(), (Long) t[4],
                (String) t[5], (String) t[6], (String) t[7], (StatementKind) t[8], (Integer) t[9],
                t[10] == null ? "" : (String) t[10], (String) t[11], (String) t[12], (String) t[13], (Integer) t[14],
                (Integer) t[15], (String) t[16]);
    }
}
