package org.parley.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.store.Filter;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepository<Participant> {

    public Filter filter(String country, ParticipantKind kind, String q) {
        Filter filter = new Filter();
        if (country != null) {
            filter.where("country = :country", "country", country);
        }
        if (kind != null) {
            filter.where("kind = :kind", "kind", kind);
        }
        if (q != null) {
            filter.where("(lower(name) like :q escape '\\' or exists (select 1 from Participant p2 join p2.aliases a"
                    + " where p2 = this and lower(a) like :q escape '\\'))", "q", Filter.containsPattern(q));
        }
        return filter;
    }

    /** Whether any event or statement still refers to the participant. */
    public boolean isReferenced(Participant participant) {
        return getEntityManager().createQuery(
                "select count(*) from EventParticipant ep where ep.participant = :p", Long.class)
                .setParameter("p", participant).getSingleResult() > 0
                || getEntityManager().createQuery(
                "select count(*) from Statement s where s.speaker = :p", Long.class)
                .setParameter("p", participant).getSingleResult() > 0;
    }
}
