package org.parley.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.SearchIndex;
import org.parley.search.SearchTerms;

/**
 * What an event's words in the {@link SearchIndex} are: those of its title and its summary (in English), and the
 * texts of its statements (each in its language, and its English translation), so that {@code q} on events finds an
 * event by what was said in it.
 */
@ApplicationScoped
public class EventWords {

    /** Events indexed in one go. */
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final SearchIndex searchIndex;

    public EventWords(EntityManager entityManager, SearchIndex searchIndex) {
        this.entityManager = entityManager;
        this.searchIndex = searchIndex;
    }

    /** Indexes an event anew. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Event event) {
        index(List.of(event.id));
    }

    /** Removes the event and its statements from the index, before they are deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Event event) {
        searchIndex.forgetStatements(entityManager.createQuery("select s.id from Statement s where s.event.id = ?1",
                Long.class).setParameter(1, event.id).getResultList());
        searchIndex.forgetEvents(List.of(event.id));
    }

    /**
     * Indexes events anew, {@value #BATCH} at a time: two queries and two JDBC batches for each, where an event at a
     * time costs a bulk import most of its time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Collection<Long> eventIds) {
        entityManager.flush();
        List<Long> all = new ArrayList<>(eventIds);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            Map<Long, List<SearchTerms.Field>> texts = new HashMap<>();
            entityManager.createQuery("select e.id, e.title, e.summary from Event e where e.id in ?1", Object[].class)
                    .setParameter(1, chunk).getResultList()
                    .forEach(row -> texts.put((Long) row[0], new ArrayList<>(List.of(
                            new SearchTerms.Field((String) row[1], SearchTerms.ENGLISH),
                            new SearchTerms.Field((String) row[2], SearchTerms.ENGLISH)))));
            entityManager.createQuery("select s.event.id, s.text, s.language, s.translation from Statement s"
                            + " where s.event.id in ?1 order by s.event.id, s.position, s.id", Object[].class)
                    .setParameter(1, chunk).getResultList()
                    .forEach(row -> texts.get((Long) row[0]).addAll(
                            SearchTerms.translated((String) row[1], (String) row[2], (String) row[3])));
            Map<Long, SearchTerms.Indexed> entries = new HashMap<>();
            texts.forEach((id, fields) -> entries.put(id, SearchTerms.index(fields)));
            searchIndex.indexEvents(entries);
        }
    }
}
