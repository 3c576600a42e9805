package org.parley.statement;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.parley.common.Filter;
import org.parley.event.Event;
import org.parley.search.SearchIndex;
import org.parley.topic.TopicRepository;

@ApplicationScoped
public class StatementRepository implements PanacheRepository<Statement> {

    private final TopicRepository topics;

    public StatementRepository(TopicRepository topics) {
        this.topics = topics;
    }

    public Filter filter(StatementQuery query) {
        Filter filter = new Filter();
        if (query.eventId() != null) {
            filter.where("event.id = :event", "event", query.eventId());
        }
        if (query.speakerId() != null) {
            filter.where("speaker.id = :speaker", "speaker", query.speakerId());
        }
        if (query.country() != null) {
            filter.where("speakerCountry = :country", "country", query.country());
        }
        if (!query.topics().isEmpty()) {
            filter.whereAnyOf("id in (select st.statementId from StatementTopic st where st.topicId %s)", "topics",
                    topics.idsForFilter(query.topics()));
        }
        if (query.language() != null) {
            // "fr" also finds "fr-CA": a language matches its regional variants
            String language = query.language().toLowerCase(Locale.ROOT);
            filter.where("(lower(language) = :language or lower(language) like :languagePrefix)", "language", language)
                    .param("languagePrefix", language + "-%");
        }
        if (query.from() != null) {
            filter.where("eventDate >= :from", "from", query.from());
        }
        if (query.to() != null) {
            filter.where("eventDate <= :to", "to", query.to());
        }
        if (!query.words().isEmpty()) {
            SearchIndex.matchStatements(filter, query.words());
        }
        return filter;
    }

    /** The statements of the event in order, with their topics, in one query. */
    public List<Statement> listForEvent(Event event) {
        return list("from Statement s left join fetch s.topics where s.event = ?1 order by s.position, s.id", event);
    }

    public int nextPosition(Event event) {
        Integer max = getEntityManager()
                .createQuery("select max(s.position) from Statement s where s.event = :event", Integer.class)
                .setParameter("event", event).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** Whether the participant speaks in any statement of the event. */
    public boolean speaksAt(Event event, long participantId) {
        return count("event = ?1 and speaker.id = ?2", event, participantId) > 0;
    }

    /** Copies an event's date to its statements after the event's date changed. */
    public void copyEventDate(Event event) {
        update("eventDate = ?1 where event = ?2", event.eventDate, event);
    }

    /** Copies a participant's country to their statements after the participant's country changed. */
    public void copySpeakerCountry(long participantId, String country) {
        update("speakerCountry = ?1 where speaker.id = ?2", country, participantId);
    }

    /** Deletes the event's statements one by one, so that each deletion is in their history. */
    public void deleteForEvent(Event event) {
        list("event", event).forEach(this::delete);
    }
}
