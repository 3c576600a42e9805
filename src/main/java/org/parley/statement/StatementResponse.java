package org.parley.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.topic.TopicRef;

@Schema(name = "Statement", description = "One position a participant expressed at an event")
public record StatementResponse(
        @Schema(description = "Generated id of the statement", example = "13") Long id,
        @Schema(description = "The event it was made at", example = "1") Long eventId,
        @Schema(description = "The participant who made it, one of the event's participants", example = "1")
        Long speakerId,
        @Schema(readOnly = true, description = "The speaker's name", example = "Wang Yi") String speakerName,
        @Schema(description = "What was said, in the source's language, as reported", example = TEXT) String text,
        @Schema(description = "BCP 47 language tag of the text", example = "fr") String language,
        @Schema(description = "English translation of the text, if any", example = TRANSLATION) String translation,
        @Schema(example = "REPORTED") StatementKind kind,
        @Schema(description = "Topics the statement is about, in slug order", example = TOPICS) List<TopicRef> topics,
        @Schema(description = "Order within the event", example = "13") int position,
        @Schema(description = "URL of the source it comes from, one of the event's sources", example = SOURCE_URL)
        String sourceUrl,
        @Schema(description = "When the statement was recorded in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the statement was last changed in Parley", implementation = String.class,
                format = "date-time", example = "2022-01-12T09:30:00Z")
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version, raised by every change of the statement; a PUT that sends it"
                + " back is refused (409) if the statement changed since", example = "0")
        long version) {

    static final String TEXT = "La Chine et la Russie, en tant que membres permanents du Conseil de sécurité des"
            + " Nations Unies et voisines amies des pays d'Asie centrale, doivent empêcher le chaos ou la guerre"
            + " d'éclater en Asie centrale, a estimé M. Wang.";
    static final String TRANSLATION = "China and Russia, as permanent members of the United Nations Security Council"
            + " and friendly neighbours of the Central Asian countries, must prevent chaos or war from breaking out in"
            + " Central Asia, Mr. Wang held.";
    static final String SOURCE_URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";
    static final String TOPICS = """
            [{"id": 9, "slug": "central-asia-security", "name": "Central Asian security"},
             {"id": 1, "slug": "china-russia-relations", "name": "China–Russia relations"}]
            """;

    /** Statement 13 of the seed event, as a JSON example. */
    public static final String EXAMPLE = "{\"id\": 13, \"eventId\": 1, \"speakerId\": 1, \"speakerName\": \"Wang Yi\","
            + " \"text\": \"" + TEXT + "\", \"language\": \"fr\", \"translation\": \"" + TRANSLATION + "\","
            + " \"kind\": \"REPORTED\", \"topics\": " + TOPICS + ", \"position\": 13,"
            + " \"sourceUrl\": \"" + SOURCE_URL + "\", \"version\": 0}";

    /** The statements by id: what a stored document is rendered from. */
    public static Map<Long, StatementResponse> byId(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(s -> s.id, StatementResponse::from));
    }

    public static StatementResponse from(Statement s) {
        return new StatementResponse(s.id, s.event.id, s.speaker.id, s.speaker.name, s.text, s.language,
                s.translation, s.kind, s.topics.stream().map(TopicRef::from).toList(), s.position, s.sourceUrl,
                s.createdAt, s.updatedAt, s.version);
    }
}
