package org.parley.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.topic.TopicRef;

@Schema(name = "Statement", description = "One position a participant expressed at an event")
public record StatementResponse(
        @Schema(example = "12") Long id,
        @Schema(example = "1") Long eventId,
        @Schema(example = "3") Long speakerId,
        @Schema(readOnly = true, example = "Wang Yi") String speakerName,
        String text,
        @Schema(example = "fr") String language,
        String translation,
        StatementKind kind,
        List<TopicRef> topics,
        @Schema(example = "1") int position,
        String sourceUrl,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "0") long version) {

    /** The statements by id: what a stored document is rendered from. */
    public static Map<Long, StatementResponse> byId(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(s -> s.id, StatementResponse::from));
    }

    public static StatementResponse from(Statement s) {
        return new StatementResponse(s.id, s.event.id, s.speaker.id, s.speaker.name, s.text, s.language,
                s.translation, s.kind, s.topics.stream().map(TopicRef::from).sorted(TopicRef.BY_SLUG).toList(), s.position, s.sourceUrl,
                s.createdAt, s.updatedAt, s.version);
    }
}
