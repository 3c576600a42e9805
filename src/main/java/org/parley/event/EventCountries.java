package org.parley.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.parley.store.Rows;

/** Keeps the {@code event_country} index of an event in step with its participants and subject countries. */
@ApplicationScoped
public class EventCountries {

    private final EntityManager entityManager;

    public EventCountries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Rewrites the countries of an event, in one JDBC batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Event event) {
        indexAll(List.of(event));
    }

    /** Rewrites the countries of events, set-based ({@link Rows}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexAll(List<Event> events) {
        entityManager.flush();
        List<Long> ids = events.stream().map(e -> e.id).toList();
        for (int from = 0; from < ids.size(); from += Rows.CHUNK) {
            entityManager.createNativeQuery("delete from event_country where event_id in (?1)")
                    .setParameter(1, ids.subList(from, Math.min(ids.size(), from + Rows.CHUNK))).executeUpdate();
        }
        List<EventCountry> rows = new ArrayList<>();
        for (Event event : events) {
            event.countries().forEach(country -> rows.add(row(country, EventCountry.PARTICIPANT, event)));
            event.subjectCountries.forEach(country -> rows.add(row(country, EventCountry.SUBJECT, event)));
        }
        entityManager.unwrap(Session.class).doWork(connection -> Rows.insert(connection, "event_country",
                Rows.column("country", "varchar", rows, r -> r.country),
                Rows.column("role", "varchar", rows, r -> r.role),
                Rows.column("event_date", "date", rows, r -> r.eventDate),
                Rows.column("event_id", "bigint", rows, r -> r.eventId)));
    }

    /** Rewrites the countries of every event of a participant, after the participant's country changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexEventsOf(long participantId) {
        List<Event> events = entityManager.createQuery(
                "select ep.event from EventParticipant ep where ep.participant.id = :id", Event.class)
                .setParameter("id", participantId).getResultList();
        events.forEach(this::index);
    }

    private static EventCountry row(String country, String role, Event event) {
        EventCountry row = new EventCountry();
        row.country = country;
        row.role = role;
        row.eventDate = event.eventDate;
        row.eventId = event.id;
        return row;
    }
}
