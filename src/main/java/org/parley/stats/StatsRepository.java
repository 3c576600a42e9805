package org.parley.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.parley.store.Filter;

/**
 * Aggregates over the events a filter selects. The filter is the one of the event list, so statistics and lists
 * always agree on which events count.
 */
@ApplicationScoped
public class StatsRepository {

    private static final String SELECTED = "(select r.id %s)";

    private final EntityManager entityManager;

    public StatsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Rows of (year, month, count) for the selected events. */
    List<Object[]> perMonth(Filter filter) {
        return query("select extract(year from r.eventDate), extract(month from r.eventDate), count(*) "
                + filter.from("Event") + " group by extract(year from r.eventDate), extract(month from r.eventDate)",
                filter);
    }

    /** Rows of (country, country, events, first date, last date) for pairs of participant countries. */
    List<Object[]> dyads(Filter filter) {
        return query("select a.country, b.country, count(*), min(a.eventDate), max(a.eventDate)"
                + " from EventCountry a, EventCountry b"
                + " where b.eventId = a.eventId and a.role = 'PARTICIPANT' and b.role = 'PARTICIPANT'"
                + " and a.country < b.country and a.eventId in " + SELECTED.formatted(filter.from("Event"))
                + " group by a.country, b.country", filter);
    }

    /** Rows of (slug, name, events) for the topics of the selected events. */
    List<Object[]> topicsOfEvents(Filter filter) {
        return query("select t.slug, t.name, count(distinct e.id) from Event e join e.topics t where e.id in "
                + SELECTED.formatted(filter.from("Event")) + " group by t.slug, t.name", filter);
    }

    /** Rows of (slug, name, statements) for the topics of the statements of the selected events. */
    List<Object[]> topicsOfStatements(Filter filter) {
        return query("select t.slug, t.name, count(distinct s.id) from Statement s join s.topics t where s.event.id in "
                + SELECTED.formatted(filter.from("Event")) + " group by t.slug, t.name", filter);
    }

    private List<Object[]> query(String hql, Filter filter) {
        TypedQuery<Object[]> query = entityManager.createQuery(hql, Object[].class);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }
}
