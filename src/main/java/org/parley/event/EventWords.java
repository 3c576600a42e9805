package org.parley.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.SearchIndex;
import org.parley.search.SearchTerms;

/**
 * What an event's own words in the {@link SearchIndex} are: those of its title and its summary, in English. Its
 * statements' words are theirs: {@code q} on events finds an event by what was said in it through the statements'
 * entries (see {@link SearchIndex#matchEvents}), so a statement written, changed or deleted leaves its event's entry
 * as it is.
 */
@ApplicationScoped
public class EventWords {

    private final EntityManager entityManager;
    private final SearchIndex searchIndex;

    public EventWords(EntityManager entityManager, SearchIndex searchIndex) {
        this.entityManager = entityManager;
        this.searchIndex = searchIndex;
    }

    /** Indexes events anew, from their title and summary as they are in memory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Collection<Event> events) {
        Map<Long, SearchTerms.Indexed> entries = new HashMap<>();
        events.forEach(event -> entries.put(event.id, SearchTerms.index(List.of(
                new SearchTerms.Field(event.title, SearchTerms.ENGLISH),
                new SearchTerms.Field(event.summary, SearchTerms.ENGLISH)))));
        searchIndex.indexEvents(entries);
    }

    /** Indexes the events with these ids anew (the search index's backfill). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexIds(List<Long> eventIds) {
        index(entityManager.createQuery("from Event e where e.id in ?1", Event.class).setParameter(1, eventIds)
                .getResultList());
    }

    /** Removes the event and its statements from the index, before they are deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Event event) {
        searchIndex.forgetStatements(entityManager.createQuery("select s.id from Statement s where s.event.id = ?1",
                Long.class).setParameter(1, event.id).getResultList());
        searchIndex.forgetEvents(List.of(event.id));
    }
}
