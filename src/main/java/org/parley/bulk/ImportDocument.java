package org.parley.bulk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.draft.DraftNotes;
import org.parley.event.DatePrecision;
import org.parley.event.EventParticipantRef;
import org.parley.event.EventRequest;
import org.parley.event.EventStatus;
import org.parley.event.EventType;
import org.parley.event.Location;
import org.parley.event.PloverType;
import org.parley.event.Source;
import org.parley.participant.ParticipantRequest;
import org.parley.statement.Span;
import org.parley.statement.SpanMatchesText;
import org.parley.statement.StatementKind;
import org.parley.statement.StatementRequest;
import org.parley.store.Record;
import org.parley.topic.TopicInput;
import org.parley.topic.TopicRef;
import org.parley.topic.TopicRequest;
import org.parley.value.CountryCode;
import org.parley.value.LanguageTag;

/**
 * A bulk import: records that name each other by natural keys instead of Parley's ids. A participant is named by its
 * {@code externalId} or its Wikidata id, a topic by its slug, an event by its {@code externalId}, a statement by its
 * event and position. The fields of each record are those of its collection's writes.
 */
@Schema(name = "ImportDocument", description = "Participants, topics, events and statements to create or update,"
        + " naming each other by natural keys")
public record ImportDocument(
        @Schema(description = "Participants, each with an `externalId`, a `wikidataId` or both", example = """
                [{"externalId": "mfa-ru-lavrov", "wikidataId": "Q58217", "name": "Sergey Lavrov", "kind": "PERSON",
                  "country": "RU"}]
                """)
        List<ParticipantRequest> participants,
        @Schema(description = "Topics, named by their slug", example = "[{\"slug\": \"csto\", \"name\": \"CSTO\"}]")
        List<TopicRequest> topics,
        @Schema(description = "Events, each with an `externalId`", example = """
                [{"externalId": "xinhua-2022-01-12-wang-yi-lavrov-call", "title": "Wang Yi and Sergey Lavrov talk",
                  "type": "PHONE_CALL", "date": "2022-01-10",
                  "participants": [{"participant": "mfa-cn-wang-yi"}, {"participant": "Q58217"}]}]
                """)
        List<Event> events,
        @Schema(description = "Statements, each naming its event by `externalId` and its speaker by key; a statement"
                + " is the one at its `position` in the event", example = """
                [{"event": "xinhua-2022-01-12-wang-yi-lavrov-call", "position": 1, "speaker": "Q58217",
                  "text": "La Russie est prête.", "language": "fr", "kind": "REPORTED",
                  "sourceUrl": "https://example.org/report", "span": {"start": 412, "end": 432}}]
                """)
        List<Statement> statements,
        @Schema(description = "Annotations of a draft made by `POST /api/v1/drafts` (cues, reasoning, confidence,"
                + " skipped sentences, possible duplicates): ignored by the import, so that a draft can be imported as"
                + " it is")
        DraftNotes draft) {

    /** A participant of an event, named by key. */
    @Schema(name = "ImportRole", description = "A participant of the event, named by key, and the role held there")
    public record Role(
            @Schema(description = "The participant's `externalId` or Wikidata id", example = "mfa-ru-lavrov")
            @NotBlank
            String participant,
            @Schema(description = "Office held at this event", example = "Minister of Foreign Affairs of Russia")
            @Size(max = 300)
            String role) {
    }

    /** An event; its key is its {@code externalId}. */
    @Schema(name = "ImportEvent", description = "An event, named by `externalId`; the fields of an event write,"
            + " with participants named by key")
    public record Event(
            @Schema(description = "Its id at the data provider; the key statements use",
                    example = "xinhua-2022-01-12-wang-yi-lavrov-call")
            @NotNull @Pattern(regexp = Record.EXTERNAL_ID, message = Record.EXTERNAL_ID_MESSAGE)
            String externalId,
            @Schema(description = "What happened, in one line", example = "Wang Yi and Sergey Lavrov talk by phone")
            @NotBlank @Size(max = 500)
            String title,
            @Schema(example = "PHONE_CALL") @NotNull
            EventType type,
            @Schema(description = "The day the event happened", implementation = String.class, format = "date",
                    example = "2022-01-10")
            @NotNull
            LocalDate date,
            @Schema(description = "Short account of the event", example = "They discussed Kazakhstan.")
            @Size(max = 10000)
            String summary,
            @Valid
            Location location,
            @Schema(description = "Who took part, each once",
                    example = "[{\"participant\": \"mfa-cn-wang-yi\", \"role\": \"Minister\"}]")
            @NotEmpty @Size(max = 100)
            List<@Valid @NotNull Role> participants,
            @Schema(description = "Countries discussed but not taking part", example = "[\"KZ\"]") @Size(max = 50)
            List<@NotNull @CountryCode String> subjectCountries,
            @Schema(type = SchemaType.ARRAY, implementation = TopicInput.class,
                    description = "Topics discussed: slugs, or objects with a slug", example = "[{\"slug\": \"csto\"}]")
            @Size(max = 100)
            List<@Valid @NotNull TopicRef> topics,
            @Schema(description = "Reports that document the event",
                    example = "[{\"url\": \"https://example.org/report\", \"publisher\": \"Xinhua\","
                            + " \"textSha256\": \"" + Source.TEXT_SHA256 + "\"}]")
            @Size(max = 50)
            List<@Valid @NotNull Source> sources,
            @Schema(description = "CAMEO event code; defaults from the type", example = "041")
            @Pattern(regexp = "^[0-9]{2,4}$", message = "must be a CAMEO code of 2 to 4 digits, such as 041")
            String cameoCode,
            @Schema(description = "Whether it took place; default HELD", example = "HELD")
            EventStatus status,
            @Schema(description = "Last day of an event over several days", implementation = String.class,
                    format = "date", example = "2022-01-11")
            LocalDate endDate,
            @Schema(description = "How precisely the source dates the event; default DAY", example = "DAY")
            DatePrecision datePrecision,
            @Schema(description = "PLOVER event type; defaults from the type", example = "CONSULT")
            PloverType ploverType,
            @Schema(description = "PLOVER mode; defaults from the type", example = "phone")
            @Size(max = 40)
            @Pattern(regexp = "^[a-z]+(-[a-z]+)*$", message = "must be lowercase words joined by hyphens")
            String ploverMode,
            @Schema(description = "Goldstein scale value; defaults to that of the CAMEO code", example = "1.0")
            @DecimalMin("-10.0") @DecimalMax("10.0")
            Double goldstein) {

        EventRequest toRequest(List<Long> participantIds) {
            List<EventParticipantRef> refs = new java.util.ArrayList<>();
            for (int i = 0; i < participants.size(); i++) {
                refs.add(new EventParticipantRef(participantIds.get(i), null, null, participants.get(i).role()));
            }
            return new EventRequest(title, type, date, summary, location, refs, subjectCountries, topics, sources,
                    cameoCode, status, endDate, datePrecision, ploverType, ploverMode, goldstein, externalId, null);
        }
    }

    /** A statement; its key is its event and its position there. */
    @Schema(name = "ImportStatement", description = "A statement, named by its event's `externalId` and its position")
    @SpanMatchesText
    public record Statement(
            @Schema(description = "The `externalId` of its event", example = "xinhua-2022-01-12-wang-yi-lavrov-call")
            @NotBlank
            String event,
            @Schema(description = "Order within the event, from 1; defaults to its rank among the event's statements"
                    + " in this document", example = "1")
            @PositiveOrZero
            Integer position,
            @Schema(description = "The speaker's `externalId` or Wikidata id; a participant of the event",
                    example = "mfa-ru-lavrov")
            @NotBlank
            String speaker,
            @Schema(description = "In the source's language, as reported", example = "La Russie est prête.")
            @NotBlank @Size(max = 10000)
            String text,
            @Schema(description = "BCP 47 language tag of the text", example = "fr") @NotBlank @LanguageTag
            String language,
            @Schema(description = "English translation", example = "Russia is ready.") @Size(max = 10000)
            String translation,
            @Schema(example = "REPORTED") @NotNull
            StatementKind kind,
            @Schema(type = SchemaType.ARRAY, implementation = TopicInput.class,
                    description = "Topics: slugs, or objects with a slug", example = "[{\"slug\": \"csto\"}]")
            @Size(max = 50)
            List<@Valid @NotNull TopicRef> topics,
            @Schema(description = "URL of one of the event's sources", example = "https://example.org/report")
            @Size(max = 2000)
            String sourceUrl,
            @Schema(description = "Where the text is in the report of `sourceUrl`, as a draft gives it: `end - start`"
                    + " must be the text's length; absent for a statement typed by hand", example = Span.EXAMPLE)
            Span span) implements Span.Spanned {

        StatementRequest toRequest(long eventId, long speakerId, int at) {
            return new StatementRequest(eventId, speakerId, text, language, translation, kind, topics, at, sourceUrl,
                    span, null);
        }
    }
}
