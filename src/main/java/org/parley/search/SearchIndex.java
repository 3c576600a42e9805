package org.parley.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.parley.event.Event;
import org.parley.statement.Statement;
import org.parley.store.Filter;

/**
 * Keeps the word index of statements and events, and turns a {@code q} parameter into index look-ups.
 *
 * <p>Written by hand because the two databases search text differently (PostgreSQL full-text search with unaccent,
 * H2's Lucene-based full-text search) and Quarkus' Hibernate Search needs an Elasticsearch server; a word table
 * queried through a primary-key index gives the same answers on both, without scanning.
 */
@ApplicationScoped
public class SearchIndex {

    /** Words a single {@code q} may hold. */
    public static final int MAX_WORDS = 10;
    /** Events indexed in one go. */
    private static final int EVENT_BATCH = 500;


    private final EntityManager entityManager;

    public SearchIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds to a statement filter: every word appears in the statement's text or translation. */
    public static void matchStatements(Filter filter, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            filter.join("join StatementTerm q%1$d on q%1$d.statementId = r.id and q%1$d.term = :q%1$d".formatted(i),
                    "q" + i, words.get(i));
        }
    }

    /** Adds to an event filter: every word appears in the title, the summary or one of its statements. */
    public static void matchEvents(Filter filter, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            filter.join("join EventTerm q%1$d on q%1$d.eventId = r.id and q%1$d.term = :q%1$d".formatted(i),
                    "q" + i, words.get(i));
        }
    }

    /** Indexes a statement anew, then its event, whose words include those of its statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Statement statement) {
        indexWords(List.of(statement));
        index(statement.event);
    }

    /**
     * Indexes statements anew, in JDBC batches, but not their events: for a bulk import, which indexes each event
     * once after its statements.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexWords(Collection<Statement> statements) {
        Map<Long, Set<String>> terms = new HashMap<>();
        statements.forEach(statement -> terms.put(statement.id, SearchTerms.of(statement.text, statement.translation)));
        replace("statement_term", "statement_id", terms);
    }

    /** Indexes an event anew from its title, summary and the text of its statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Event event) {
        indexEvents(List.of(event.id));
    }

    /**
     * Indexes events anew from their titles, summaries and the text of their statements, {@value #EVENT_BATCH} at a
     * time: two queries and two JDBC batches for each, where an event at a time costs a bulk import most of its time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexEvents(Collection<Long> eventIds) {
        entityManager.flush();
        List<Long> all = new ArrayList<>(eventIds);
        for (int from = 0; from < all.size(); from += EVENT_BATCH) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + EVENT_BATCH));
            Map<Long, Set<String>> terms = new HashMap<>();
            entityManager.createQuery("select e.id, e.title, e.summary from Event e where e.id in ?1", Object[].class)
                    .setParameter(1, chunk).getResultList()
                    .forEach(row -> terms.put((Long) row[0], SearchTerms.of((String) row[1], (String) row[2])));
            entityManager.createQuery("select s.event.id, s.text, s.translation from Statement s"
                            + " where s.event.id in ?1", Object[].class)
                    .setParameter(1, chunk).getResultList()
                    .forEach(row -> terms.get((Long) row[0]).addAll(SearchTerms.of((String) row[1], (String) row[2])));
            replace("event_term", "event_id", terms);
        }
    }

    /**
     * Replaces the words of rows in JDBC batches, inserting in word order (the order of the index they fill). The
     * term tables are written with plain SQL, never as managed entities: a row deleted and inserted again in one
     * transaction would clash in the persistence context.
     */
    private void replace(String table, String column, Map<Long, Set<String>> termsById) {
        record Entry(String term, long id) {
        }
        List<Entry> entries = new ArrayList<>();
        termsById.forEach((id, terms) -> terms.forEach(term -> entries.add(new Entry(term, id))));
        entries.sort(Comparator.comparing(Entry::term).thenComparingLong(Entry::id));
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + " where " + column + " = ?")) {
                for (Long id : termsById.keySet()) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table + " (term, " + column + ") values (?, ?)")) {
                for (Entry entry : entries) {
                    insert.setString(1, entry.term());
                    insert.setLong(2, entry.id());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
