package org.parley.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.parley.common.Filter;
import org.parley.event.Event;
import org.parley.statement.Statement;

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
            filter.where("id in (select t.statementId from StatementTerm t where t.term = :q" + i + ")", "q" + i,
                    words.get(i));
        }
    }

    /** Adds to an event filter: every word appears in the title, the summary or one of its statements. */
    public static void matchEvents(Filter filter, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            filter.where("id in (select t.eventId from EventTerm t where t.term = :q" + i + ")", "q" + i,
                    words.get(i));
        }
    }

    /** Indexes a statement anew, then its event, whose words include those of its statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Statement statement) {
        indexWords(statement);
        index(statement.event);
    }

    /** Indexes a statement anew, but not its event: for a caller that indexes the event once after many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexWords(Statement statement) {
        replace("statement_term", "statement_id", statement.id, SearchTerms.of(statement.text, statement.translation));
    }

    /** Indexes an event anew from its title, summary and the text of its statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Event event) {
        Set<String> terms = new LinkedHashSet<>(SearchTerms.of(event.title, event.summary));
        entityManager.createQuery("select s.text, s.translation from Statement s where s.event = :event", Object[].class)
                .setParameter("event", event)
                .getResultList()
                .forEach(texts -> terms.addAll(SearchTerms.of((String) texts[0], (String) texts[1])));
        replace("event_term", "event_id", event.id, terms);
    }

    /**
     * Replaces the words of one row in one JDBC batch. The term tables are written with plain SQL, never as managed
     * entities: a row deleted and inserted again in one transaction would clash in the persistence context.
     */
    private void replace(String table, String column, long id, Set<String> terms) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + " where " + column + " = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table + " (term, " + column + ") values (?, ?)")) {
                for (String term : terms) {
                    insert.setString(1, term);
                    insert.setLong(2, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
