package org.parley.event;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.parley.search.SearchIndex;
import org.parley.store.Filter;
import org.parley.topic.TopicRepository;

@ApplicationScoped
public class EventRepository implements PanacheRepository<Event> {

    private final TopicRepository topics;

    public EventRepository(TopicRepository topics) {
        this.topics = topics;
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

    /** Events matching every filter set in the query; countries must all be involved. */
    public Filter filter(EventQuery query) {
        Filter filter = new Filter();
        String dates = (query.from() == null ? "" : " and ec.eventDate >= :from")
                + (query.to() == null ? "" : " and ec.eventDate <= :to");
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
            SearchIndex.matchEvents(filter, query.search());
        }
        return filter;
    }
}
