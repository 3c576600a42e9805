package org.parley.statement;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.parley.event.Event;
import org.parley.search.SearchIndex;
import org.parley.store.Filter;
import org.parley.store.Rows;
import org.parley.topic.TopicRepository;

@ApplicationScoped
public class StatementRepository implements PanacheRepository<Statement> {

    private final TopicRepository topics;
    private final SearchIndex searchIndex;

    public StatementRepository(TopicRepository topics, SearchIndex searchIndex) {
        this.topics = topics;
        this.searchIndex = searchIndex;
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
            filter.whereAnyOf("r.id in (select st.statementId from StatementTopic st where st.topicId %s)", "topics",
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
        if (!query.search().isEmpty()) {
            searchIndex.matchStatements(filter, query.search());
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

    /** The ids of the event's statements that cite one of these source urls. */
    public List<Long> citing(Event event, Collection<String> urls) {
        return urls.isEmpty() ? List.of() : getEntityManager().createQuery(
                "select s.id from Statement s where s.event = ?1 and s.sourceUrl in ?2", Long.class)
                .setParameter(1, event).setParameter(2, urls).getResultList();
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

    /**
     * Inserts new statements and their topics set-based ({@link Rows}) and gives them their generated ids: for a bulk
     * import, where Hibernate would send a statement at a time (identity ids leave it no batches). What Hibernate
     * writes for a persisted statement, this writes, but for its history: see {@link StatementService#recordCreated};
     * and the columns {@code more} gives a value a statement in the same order (their entries in the word index).
     */
    public void insertAll(List<Statement> made, List<Rows.Column> more) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            List<Rows.Column> columns = new ArrayList<>(List.of(
                    Rows.column("event_id", "bigint", made, s -> s.event.id),
                    Rows.column("speaker_id", "bigint", made, s -> s.speaker.id),
                    Rows.column("text", "varchar", made, s -> s.text),
                    Rows.column("language", "varchar", made, s -> s.language),
                    Rows.column("translation", "varchar", made, s -> s.translation),
                    Rows.column("kind", "varchar", made, s -> s.kind.name()),
                    Rows.column("position", "integer", made, s -> s.position),
                    Rows.column("source_url", "varchar", made, s -> s.sourceUrl),
                    Rows.column("created_at", "timestamp with time zone", made, s -> s.createdAt),
                    Rows.column("updated_at", "timestamp with time zone", made, s -> s.updatedAt),
                    Rows.column("version", "bigint", made, s -> s.version),
                    Rows.column("event_date", "date", made, s -> s.eventDate),
                    Rows.column("speaker_country", "varchar", made, s -> s.speakerCountry),
                    Rows.column("span_start", "integer", made, s -> s.spanStart),
                    Rows.column("span_end", "integer", made, s -> s.spanEnd)));
            columns.addAll(more);
            // a statement is known by its place among the returned ids: createAll makes one statement a place
            long[] ids = Rows.insertNew(connection, "statement", "id", new String[] {"event_id", "position"},
                    columns.toArray(Rows.Column[]::new));
            for (int i = 0; i < ids.length; i++) {
                made.get(i).id = ids[i];
            }
            List<Object[]> topics = made.stream()
                    .flatMap(s -> s.topics.stream().map(topic -> new Object[] {s.id, topic.id})).toList();
            Rows.insert(connection, "statement_topic", Rows.column("statement_id", "bigint", topics, t -> t[0]),
                    Rows.column("topic_id", "bigint", topics, t -> t[1]));
        });
    }
}
