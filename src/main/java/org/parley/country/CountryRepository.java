package org.parley.country;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.event.EventCountry;

/** Coverage of countries by events, one grouped query per role over the event_country index. */
@ApplicationScoped
public class CountryRepository {

    /** Events of one country in one role: how many, first and last date. */
    record Coverage(long events, LocalDate first, LocalDate last) {
    }

    private final EntityManager entityManager;

    public CountryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Map<String, Coverage> asParticipant(String country) {
        return coverage(EventCountry.PARTICIPANT, country);
    }

    Map<String, Coverage> asSubject(String country) {
        return coverage(EventCountry.SUBJECT, country);
    }

    /** From the event_country index: one row per country, role and event. */
    private Map<String, Coverage> coverage(String role, String country) {
        var typed = entityManager.createQuery("select c.country, count(*), min(c.eventDate), max(c.eventDate)"
                + " from EventCountry c where c.role = :role" + (country == null ? "" : " and c.country = :country")
                + " group by c.country", Object[].class).setParameter("role", role);
        if (country != null) {
            typed.setParameter("country", country);
        }
        List<Object[]> rows = typed.getResultList();
        Map<String, Coverage> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], new Coverage((Long) row[1], (LocalDate) row[2], (LocalDate) row[3]));
        }
        return result;
    }
}
