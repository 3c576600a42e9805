package org.parley.event;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.parley.search.SearchIndex;
import org.parley.store.Filter;
import org.parley.store.Rows;
import org.parley.topic.TopicRepository;

@ApplicationScoped
public class EventRepository implements PanacheRepository<Event> {

    private final TopicRepository topics;
    private final SearchIndex searchIndex;

    public EventRepository(TopicRepository topics, SearchIndex searchIndex) {
        this.topics = topics;
        this.searchIndex = searchIndex;
    }

    /**
     * Events by country through the event_country index; the date bounds narrow its range when given. The roles are
     * constants written into the query: a list parameter would make Hibernate translate it anew at every request.
     */
    private static final String BY_COUNTRY = "r.id in (select ec.eventId from EventCountry ec where ec.country = :%s"
            + " and ec.role in (%s)%s)";

    /** The event with its participants and their people, in one query. */
    public Optional<Event> findWithParticipants(long id) {
        return find("from Event e left join fetch e.participants p left join fetch p.participant where e.id = ?1", id)
                .singleResultOptional();
    }

    /**
     * An event read in one query: a row (0, event id, stored document) when the event has a document, then a row
     * (1, statement id, stored document or null) for each of its statements in order.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> documentsWithStatements(long id) {
        return getEntityManager().createNativeQuery("select 0 as part, 0 as position, d.event_id as id, d.doc"
                + " from event_doc d where d.event_id = ?1 union all select 1, s.position, s.id, sd.doc"
                + " from statement s left join statement_doc sd on sd.statement_id = s.id where s.event_id = ?1"
                + " order by part, position, id").setParameter(1, id).getResultList();
    }

    /**
     * The query's dates as conditions on the {@code eventDate} of {@code alias} (an event's country, a statement: a
     * copy of their event's date), each after an " and ", to narrow a subquery to the events' range; or "".
     */
    private static String dates(EventQuery query, String alias) {
        return (query.from() == null ? "" : " and %s.eventDate >= :from".formatted(alias))
                + (query.to() == null ? "" : " and %s.eventDate <= :to".formatted(alias));
    }

    /** Events matching every filter set in the query; countries must all be involved. */
    public Filter filter(EventQuery query) {
        Filter filter = new Filter();
        String dates = dates(query, "ec");
        String roles = switch (query.countryRole()) {
            case PARTICIPANT -> "'" + EventCountry.PARTICIPANT + "'";
            case SUBJECT -> "'" + EventCountry.SUBJECT + "'";
            case ANY -> "'" + EventCountry.PARTICIPANT + "', '" + EventCountry.SUBJECT + "'";
        };
        for (int i = 0; i < query.countries().size(); i++) {
            String name = "country" + i;
            filter.where(BY_COUNTRY.formatted(name, roles, dates), name, query.countries().get(i));
        }
        if (query.from() != null) {
            filter.where("eventDate >= :from", "from", query.from());
        }
        if (query.to() != null) {
            filter.where("eventDate <= :to", "to", query.to());
        }
        if (!query.types().isEmpty()) {
            filter.whereAnyOf("type %s", "types", query.types());
        }
        if (!query.topics().isEmpty()) {
            filter.whereAnyOf("r.id in (select et.eventId from EventTopic et where et.topicId %s)", "topics",
                    topics.idsForFilter(query.topics()));
        }
        if (query.participantId() != null) {
            filter.where("r.id in (select ep.event.id from EventParticipant ep where ep.participant.id = :pid)",
                    "pid", query.participantId());
        }
        if (!query.statuses().isEmpty()) {
            filter.whereAnyOf("status %s", "statuses", query.statuses());
        }
        if (query.cameoPrefix() != null) {
            filter.where("cameoCode like :cameo", "cameo", query.cameoPrefix() + "%");
        }
        if (!query.search().isEmpty()) {
            searchIndex.matchEvents(filter, query.search(), dates(query, "x"));
        }
        return filter;
    }

    /**
     * Inserts new events with their participant links, subject countries, topics and sources set-based ({@link Rows})
     * and gives them their generated ids: for a bulk import, where Hibernate would send an event and each of its
     * links at a time (identity ids leave it no batches). What Hibernate writes for a persisted event, this writes,
     * but for its history: see {@link EventService#recordCreated}.
     */
    public void insertAll(List<Event> made) {
        getEntityManager().unwrap(Session.class).doWork(connection -> insertRows(connection, made));
    }

    private static void insertRows(Connection connection, List<Event> made) throws SQLException {
        long[] ids = Rows.insertNew(connection, "event", "id", new String[] {"external_id"},
                Rows.column("title", "varchar", made, e -> e.title),
                Rows.column("type", "varchar", made, e -> e.type.name()),
                Rows.column("event_date", "date", made, e -> e.eventDate),
                Rows.column("summary", "varchar", made, e -> e.summary),
                Rows.column("location_country", "varchar", made, e -> e.location == null ? null : e.location.country),
                Rows.column("location_city", "varchar", made, e -> e.location == null ? null : e.location.city),
                Rows.column("cameo_code", "varchar", made, e -> e.cameoCode),
                Rows.column("status", "varchar", made, e -> e.status.name()),
                Rows.column("end_date", "date", made, e -> e.endDate),
                Rows.column("date_precision", "varchar", made, e -> e.datePrecision.name()),
                Rows.column("plover_type", "varchar", made, e -> e.ploverType == null ? null : e.ploverType.name()),
                Rows.column("plover_mode", "varchar", made, e -> e.ploverMode),
                Rows.column("goldstein", "double precision", made, e -> e.goldstein),
                Rows.column("external_id", "varchar", made, e -> e.externalId),
                Rows.column("created_at", "timestamp with time zone", made, e -> e.createdAt),
                Rows.column("updated_at", "timestamp with time zone", made, e -> e.updatedAt),
                Rows.column("version", "bigint", made, e -> e.version));
        for (int i = 0; i < ids.length; i++) {
            made.get(i).id = ids[i];
        }
        List<EventParticipant> links = made.stream().flatMap(e -> e.participants.stream()).toList();
        Rows.insert(connection, "event_participant", Rows.column("event_id", "bigint", links, l -> l.event.id),
                Rows.column("participant_id", "bigint", links, l -> l.participant.id),
                Rows.column("role", "varchar", links, l -> l.role),
                Rows.column("position", "integer", links, l -> l.position));
        List<Object[]> subjects = new ArrayList<>();
        List<Object[]> topics = new ArrayList<>();
        List<Object[]> sources = new ArrayList<>();
        for (Event event : made) {
            event.subjectCountries.forEach(country -> subjects.add(new Object[] {event.id, country}));
            event.topics.forEach(topic -> topics.add(new Object[] {event.id, topic.id}));
            for (int i = 0; i < event.sources.size(); i++) {
                sources.add(new Object[] {event.id, i, event.sources.get(i)});
            }
        }
        Rows.insert(connection, "event_subject_country", Rows.column("event_id", "bigint", subjects, r -> r[0]),
                Rows.column("country", "varchar", subjects, r -> r[1]));
        Rows.insert(connection, "event_topic", Rows.column("event_id", "bigint", topics, r -> r[0]),
                Rows.column("topic_id", "bigint", topics, r -> r[1]));
        Rows.insert(connection, "event_source", Rows.column("event_id", "bigint", sources, r -> r[0]),
                Rows.column("position", "integer", sources, r -> r[1]),
                Rows.column("url", "varchar", sources, r -> source(r).url),
                Rows.column("publisher", "varchar", sources, r -> source(r).publisher),
                Rows.column("title", "varchar", sources, r -> source(r).title),
                Rows.column("published_at", "timestamp with time zone", sources, r -> source(r).publishedInstant),
                Rows.column("published_at_offset", "integer", sources, r -> source(r).publishedOffsetSeconds),
                Rows.column("language", "varchar", sources, r -> source(r).language),
                Rows.column("text_sha256", "varchar", sources, r -> source(r).textSha256));
    }

    private static EventSource source(Object[] row) {
        return (EventSource) row[2];
    }
}
