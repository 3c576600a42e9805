package org.parley.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
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

    /**
     * Replaces the words of statements, each id with its words (see {@link SearchTerms#of}), in JDBC batches. The
     * index takes keys and words rather than statements, so that it knows no feature: the statement package says what
     * a statement's words are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexStatements(Map<Long, Set<String>> wordsById) {
        replace("statement_term", "statement_id", wordsById);
    }

    /**
     * Replaces the words of events, each id with its words; the event package gathers them (title, summary and the
     * text of its statements).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexEvents(Map<Long, Set<String>> wordsById) {
        replace("event_term", "event_id", wordsById);
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
