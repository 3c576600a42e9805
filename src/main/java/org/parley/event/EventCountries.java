package org.parley.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

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

    /** Rewrites the countries of events, in two JDBC batches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexAll(List<Event> events) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from event_country where event_id = ?")) {
                for (Event event : events) {
                    delete.setLong(1, event.id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into event_country (country, role, event_date, event_id) values (?, ?, ?, ?)")) {
                for (Event event : events) {
                    for (String country : event.countries()) {
                        add(insert, country, EventCountry.PARTICIPANT, event);
                    }
                    for (String country : event.subjectCountries) {
                        add(insert, country, EventCountry.SUBJECT, event);
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Rewrites the countries of every event of a participant, after the participant's country changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexEventsOf(long participantId) {
        List<Event> events = entityManager.createQuery(
                "select ep.event from EventParticipant ep where ep.participant.id = :id", Event.class)
                .setParameter("id", participantId).getResultList();
        events.forEach(this::index);
    }

    private static void add(PreparedStatement insert, String country, String role, Event event)
            throws java.sql.SQLException {
        insert.setString(1, country);
        insert.setString(2, role);
        insert.setObject(3, event.eventDate);
        insert.setLong(4, event.id);
        insert.addBatch();
    }
}
