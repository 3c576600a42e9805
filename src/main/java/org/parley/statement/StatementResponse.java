package org.parley.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.event.Source;
import org.parley.topic.TopicRef;

@Schema(name = "Statement", description = "One position a participant expressed at an event")
public record StatementResponse(
        @Schema(description = "Generated id of the statement", example = "6") Long id,
        @Schema(description = "The event it was made at", example = "1") Long eventId,
        @Schema(description = "The participant who made it, one of the event's participants", example = "2")
        Long speakerId,
        @Schema(readOnly = true, description = "The speaker's name", example = "Sergey Lavrov") String speakerName,
        @Schema(description = "What was said, in the source's language, as reported", example = TEXT) String text,
        @Schema(description = "BCP 47 language tag of the text", example = "fr") String language,
        @Schema(description = "English translation of the text, if any", example = TRANSLATION,
                nullable = true) String translation,
        @Schema(example = "REPORTED") StatementKind kind,
        @Schema(description = "Topics the statement is about, in slug order", example = TOPICS) List<TopicRef> topics,
        @Schema(description = "Order within the event", example = "6") int position,
        @Schema(description = "URL of the source it comes from, one of the event's sources", example = SOURCE_URL,
                nullable = true)
        String sourceUrl,
        @Schema(description = "Where the text is in the report of `sourceUrl`: `text` is exactly its characters"
                + " `start` to `end`; null for a statement typed by hand", nullable = true, example = Span.EXAMPLE)
        Span span,
        @Schema(readOnly = true, description = "The `textSha256` of the event's source whose `url` is `sourceUrl`:"
                + " the SHA-256 of the report text that `span` counts in; null when that source gives none",
                example = Source.TEXT_SHA256, nullable = true)
        String sourceSha256,
        @Schema(description = "When the statement was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the statement was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version, raised by every change of the statement; a PUT that sends it"
                + " back is refused (409) if the statement changed since", example = "0")
        long version) {

    static final String TEXT = "De son côté, M. Lavrov a confirmé partager pleinement le point de vue de la Chine et"
            + " communiquer étroitement avec la partie chinoise en effectuant conjointement les préparatifs.";
    static final String TRANSLATION = "For his part, Mr. Lavrov confirmed that he fully shares China's view and is"
            + " communicating closely with the Chinese side while jointly carrying out the preparations.";
    static final String SOURCE_URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";
    static final String TOPICS = """
            [{"id": 3, "slug": "beijing-winter-olympics-2022", "name": "Beijing 2022 Winter Olympics"},
             {"id": 1, "slug": "china-russia-relations", "name": "China–Russia relations"},
             {"id": 2, "slug": "head-of-state-diplomacy", "name": "Head-of-state diplomacy"}]
            """;

    /** Statement 6 of the seed event, as a JSON example, with an illustrative span and hash of the report. */
    public static final String EXAMPLE = "{\"id\": 6, \"eventId\": 1, \"speakerId\": 2, \"speakerName\": \"Sergey Lavrov\","
            + " \"text\": \"" + TEXT + "\", \"language\": \"fr\", \"translation\": \"" + TRANSLATION + "\","
            + " \"kind\": \"REPORTED\", \"topics\": " + TOPICS + ", \"position\": 6,"
            + " \"sourceUrl\": \"" + SOURCE_URL + "\", \"span\": " + Span.EXAMPLE + ","
            + " \"sourceSha256\": \"" + Source.TEXT_SHA256 + "\", \"version\": 0}";

    /** The statements by id: what a stored document is rendered from. */
    public static Map<Long, StatementResponse> byId(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(s -> s.id, StatementResponse::from));
    }

    public static StatementResponse from(Statement s) {
        return new StatementResponse(s.id, s.event.id, s.speaker.id, s.speaker.name, s.text, s.language,
                s.translation, s.kind, s.topics.stream().map(TopicRef::from).toList(), s.position, s.sourceUrl,
                s.span(), s.sourceSha256(), s.createdAt, s.updatedAt, s.version);
    }
}
