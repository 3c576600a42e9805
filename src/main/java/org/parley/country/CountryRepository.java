package org.parley.country;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Coverage of countries by events, in two grouped queries: one per role. */
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
        return coverage("select p.country, count(distinct e.id), min(e.eventDate), max(e.eventDate)"
                + " from EventParticipant ep join ep.participant p join ep.event e"
                + " where p.country is not null" + (country == null ? "" : " and p.country = :country")
                + " group by p.country", country);
    }

    Map<String, Coverage> asSubject(String country) {
        return coverage("select c, count(distinct e.id), min(e.eventDate), max(e.eventDate)"
                + " from Event e join e.subjectCountries c"
                + (country == null ? "" : " where c = :country")
                + " group by c", country);
    }

    private Map<String, Coverage> coverage(String query, String country) {
        var typed = entityManager.createQuery(query, Object[].class);
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
