package org.parley.seed;

import java.time.LocalDate;
import java.util.List;
import org.parley.event.Location;
import org.parley.event.Source;
import org.parley.participant.ParticipantKind;
import org.parley.statement.StatementKind;
import org.parley.topic.TopicRef;
import org.parley.topic.TopicRequest;

/**
 * A data file of curated records. Participants carry a {@code key} that events and statements use in place of the
 * ids the database will give them.
 */
record SeedFile(List<Participant> participants, List<TopicRequest> topics, List<Event> events) {

    record Participant(String key, String name, ParticipantKind kind, String country, String title,
            String organization, String wikidataId, List<String> aliases) {
    }

    record Role(String participant, String role) {
    }

    record Event(String title, org.parley.event.EventType type, LocalDate date, String summary, Location location,
            List<Role> participants, List<String> subjectCountries, List<TopicRef> topics, String cameoCode,
            List<Source> sources, List<Statement> statements) {
    }

    record Statement(String speaker, StatementKind kind, String language, String text, String translation,
            List<TopicRef> topics, String sourceUrl) {
    }
}
