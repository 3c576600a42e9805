package org.parley.backup;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.envers.RevisionType;
import org.jboss.logging.Logger;
import org.parley.event.Event;
import org.parley.event.EventCountries;
import org.parley.event.EventWords;
import org.parley.history.History;
import org.parley.search.SearchIndex;
import org.parley.statement.StatementService;
import org.parley.store.DataGeneration;
import org.parley.store.Documents;
import org.parley.store.Rows;

/**
 * Puts the database back as it stood after a revision: every change of a later revision undone and forgotten, as a
 * point-in-time recovery would, from the history Hibernate Envers keeps ({@code *_aud}: each audited row as it stood
 * after each revision that touched it). For H2, which has no write-ahead log to replay: a restore to just before a
 * mistake is the last backup (or the current file) rewound to the revision before it.
 *
 * <p>Only what changed after the revision is rewritten, set-based: a row of a record (or an owner's collection) that
 * some later revision touched is updated, inserted or deleted to what its last revision up to then says; the later
 * revisions are then deleted. What is derived from the records (stored documents, the word index, event countries,
 * the event date and speaker country copied onto statements) is made again for the records concerned. Accounts are
 * not records (no history) and are left as they are; report texts stored after the revision that no source cites any
 * more are deleted.
 *
 * <p>Written by hand: Envers reads records at a revision one query each, which is right for a record's history but
 * not for rewinding thousands of records in one transaction, and it cannot write its own tables back.
 */
@ApplicationScoped
public class Rewind {

    /** What a rewind did: the revision it went back to, the last one before it, and the records it put back. */
    public record Result(long revision, long lastBefore, int statements, int events, int participants, int topics) {
    }

    /** An audited table: its name, and for a collection the column naming its owner (null for a record's table). */
    private record Audited(String table, String owner) {
    }

    private static final Logger LOG = Logger.getLogger(Rewind.class);
    private static final int CHUNK = 1000;

    /** Parents before children: the order of the inserts; deletes go the other way. */
    private static final List<Audited> RECORDS = List.of(new Audited("participant", null), new Audited("topic", null),
            new Audited("event", null), new Audited("event_participant", null), new Audited("statement", null));
    private static final List<Audited> COLLECTIONS = List.of(new Audited("participant_alias", "participant_id"),
            new Audited("topic_alias", "topic_id"), new Audited("event_source", "event_id"),
            new Audited("event_subject_country", "event_id"), new Audited("event_topic", "event_id"),
            new Audited("statement_topic", "statement_id"));
    /**
     * The columns of a record's table that its history table lacks (not audited: copies kept for indexes), as SQL
     * over the history row {@code a}, for an insert; {@link #rederive} sets them again on the rows it updated. A
     * statement's entry in the word index is left empty here and written again by {@link #rederive}.
     */
    private static final Map<String, Map<String, String>> NOT_AUDITED = Map.of("statement", Map.of(
            "event_date", "(select e.event_date from event e where e.id = a.event_id)",
            "speaker_country", "(select p.country from participant p where p.id = a.speaker_id)",
            "stems", "cast(null as varchar)", "terms", "cast(null as varchar array)",
            "weights", "cast(null as integer array)"));

    /** The records a later revision touched, as SQL with ?1 = the revision: what must be derived again. */
    private static final String STATEMENTS_TOUCHED = "select id from statement_aud where rev > ?1"
            + " union select statement_id from statement_topic_aud where rev > ?1";
    private static final String EVENTS_TOUCHED = "select id from event_aud where rev > ?1"
            + " union select event_id from event_participant_aud where rev > ?1"
            + " union select event_id from event_source_aud where rev > ?1"
            + " union select event_id from event_subject_country_aud where rev > ?1"
            + " union select event_id from event_topic_aud where rev > ?1";
    private static final String PARTICIPANTS_TOUCHED = "select id from participant_aud where rev > ?1"
            + " union select participant_id from participant_alias_aud where rev > ?1";
    private static final String TOPICS_TOUCHED = "select id from topic_aud where rev > ?1"
            + " union select topic_id from topic_alias_aud where rev > ?1";

    /** The ids of the records a later revision touched, read before the rewind forgets those revisions. */
    private record Touched(List<Long> statements, List<Long> events, List<Long> participants, List<Long> topics) {
    }

    private final EntityManager entityManager;
    private final Documents documents;
    private final SearchIndex searchIndex;
    private final StatementService statements;
    private final EventWords eventWords;
    private final EventCountries eventCountries;
    private final DataGeneration generation;
    private final History history;

    public Rewind(EntityManager entityManager, Documents documents, SearchIndex searchIndex,
            StatementService statements, EventWords eventWords, EventCountries eventCountries,
            DataGeneration generation, History history) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.searchIndex = searchIndex;
        this.statements = statements;
        this.eventWords = eventWords;
        this.eventCountries = eventCountries;
        this.generation = generation;
        this.history = history;
    }

    /** The last revision written at or before {@code at}, or 0 when history starts later. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long revisionAt(Instant at) {
        Number found = (Number) entityManager.createNativeQuery(
                "select coalesce(max(rev), 0) from revinfo where revtstmp <= ?1").setParameter(1, at.toEpochMilli())
                .getSingleResult();
        return found.longValue();
    }

    /** The last revision written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastRevision() {
        return ((Number) entityManager.createNativeQuery("select coalesce(max(rev), 0) from revinfo")
                .getSingleResult()).longValue();
    }

    /**
     * Rewinds the database to how it stood after {@code revision} (1 or later), in one transaction: nothing of it if
     * anything fails. Run it while nothing else writes (Parley runs it at start-up, before it serves:
     * {@link RewindOnStart}).
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // the set-based rewrite of a large mistake takes minutes, not 60 s
    public Result to(long revision) {
        if (revision < 1) { // revision 1 holds what existed when the history began (migration V9)
            throw new IllegalArgumentException("revision " + revision + " is before the history, which begins at 1");
        }
        long last = lastRevision();
        if (revision >= last) {
            return new Result(revision, last, 0, 0, 0, 0);
        }
        // read once into lists: H2 would run a union again for each row it is a condition of
        Touched touched = new Touched(ids(STATEMENTS_TOUCHED, revision), ids(EVENTS_TOUCHED, revision),
                ids(PARTICIPANTS_TOUCHED, revision), ids(TOPICS_TOUCHED, revision));
        Result result = new Result(revision, last, touched.statements().size(), touched.events().size(),
                touched.participants().size(), touched.topics().size());
        Map<String, List<String>> columns = new LinkedHashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Audited audited : concat(RECORDS, COLLECTIONS)) {
                columns.put(audited.table(), sharedColumns(connection, audited.table()));
            }
        });
        // the touched statements' word index entries go while their rows still list their terms (H2's postings are
        // found through them, migration V24); those that stay are indexed again as they were then (rederive)
        searchIndex.forgetStatements(touched.statements());
        for (Audited collection : COLLECTIONS) { // the rows of touched owners go; those they had then come back
            update("delete from " + collection.table() + " where " + collection.owner() + " in (select "
                    + collection.owner() + " from " + collection.table() + "_aud where rev > ?1)", revision);
        }
        for (Audited record : RECORDS) {
            upsert(record.table(), columns.get(record.table()), revision);
        }
        for (Audited collection : COLLECTIONS) {
            insertCollection(collection, columns.get(collection.table()), revision);
        }
        for (Audited record : reversed(RECORDS)) {
            update("delete from " + record.table() + " where id in (select id from " + record.table()
                    + "_aud where rev > ?1) and not exists (" + present(record.table(), record.table() + ".id")
                    + ")", revision);
        }
        rederive(touched);

        Instant then = Instant.ofEpochMilli(((Number) entityManager.createNativeQuery(
                "select revtstmp from revinfo where rev = (select max(rev) from revinfo where rev <= ?1)")
                .setParameter(1, revision).getSingleResult()).longValue());
        for (Audited audited : concat(RECORDS, COLLECTIONS)) {
            update("delete from " + audited.table() + "_aud where rev > ?1", revision);
        }
        update("delete from revinfo where rev > ?1", revision);
        entityManager.createNativeQuery("delete from report where stored_at > ?1 and not exists"
                + " (select 1 from event_source s where s.text_sha256 = report.sha256)")
                .setParameter(1, then.atOffset(ZoneOffset.UTC)).executeUpdate();
        generation.advance();
        return result;
    }

    /**
     * Makes again, for the records a later revision touched (now as they were then) and those that show them, what
     * is derived from them: the copies on statement rows, their stored documents (dropped here, rendered again after
     * the commit), event countries and the word index; the word index entries of the records that are gone go.
     */
    private void rederive(Touched touched) {
        Set<Long> statementsShowing = new TreeSet<>(among("select id from statement where id in (?1)",
                touched.statements()));
        statementsShowing.addAll(among("select id from statement where event_id in (?1)", touched.events()));
        statementsShowing.addAll(among("select id from statement where speaker_id in (?1)", touched.participants()));
        statementsShowing.addAll(among("select statement_id from statement_topic where topic_id in (?1)",
                touched.topics()));
        Set<Long> eventsShowing = new TreeSet<>(among("select id from event where id in (?1)", touched.events()));
        eventsShowing.addAll(among("select event_id from event_participant where participant_id in (?1)",
                touched.participants()));
        eventsShowing.addAll(among("select event_id from event_topic where topic_id in (?1)", touched.topics()));
        eventsShowing.addAll(among("select event_id from statement where id in (?1)", touched.statements()));

        inChunks(List.copyOf(statementsShowing), chunk -> entityManager.createNativeQuery("update statement set"
                + " event_date = (select e.event_date from event e where e.id = statement.event_id), speaker_country ="
                + " (select p.country from participant p where p.id = statement.speaker_id) where id in (?1)")
                .setParameter(1, chunk).executeUpdate());
        List<Long> statementsLeft = among("select id from statement where id in (?1)", touched.statements());
        searchIndex.forgetEvents(without(touched.events(), eventsShowing));
        inChunks(List.copyOf(statementsShowing), chunk -> documents.drop(Documents.Kind.STATEMENT, "?1", chunk));
        inChunks(List.copyOf(eventsShowing), chunk -> documents.drop(Documents.Kind.EVENT, "?1", chunk));
        entityManager.clear(); // the rows changed under the persistence context
        inChunks(List.copyOf(eventsShowing), chunk -> {
            List<Event> events = entityManager.createQuery("from Event e where e.id in ?1", Event.class)
                    .setParameter(1, chunk).getResultList();
            eventCountries.indexAll(events);
            eventWords.index(events);
        });
        inChunks(statementsLeft, statements::index);
    }

    /** The ids a query with a list parameter ?1 selects for these ids, {@value #CHUNK} at a time. */
    private List<Long> among(String sql, List<Long> ids) {
        List<Long> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            found.addAll(entityManager.createNativeQuery(sql, Long.class)
                    .setParameter(1, ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList());
        }
        return found;
    }

    private static List<Long> without(List<Long> ids, Collection<Long> left) {
        Set<Long> kept = new HashSet<>(left);
        return ids.stream().filter(id -> !kept.contains(id)).toList();
    }

    /** Runs {@code work} on the ids {@value #CHUNK} at a time, emptying the persistence context after each. */
    private void inChunks(List<Long> ids, Consumer<List<Long>> work) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            work.accept(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            entityManager.clear();
        }
    }

    /**
     * Updates the rows of a record's table that a later revision touched and that existed then to their last
     * revision up to then, and inserts those that existed then but exist no more (their ids kept).
     */
    private void upsert(String table, List<String> columns, long revision) {
        String aud = table + "_aud";
        List<String> values = columns.stream().filter(c -> !c.equals("id")).toList();
        update("update " + table + " set (" + String.join(", ", values) + ") = (select "
                + values.stream().map(c -> "a." + c).collect(Collectors.joining(", ")) + " from " + aud + " a where "
                + "a.id = " + table + ".id and a.rev = " + lastUpTo(aud, "a.id") + ") where id in (select id from "
                + aud + " where rev > ?1) and exists (" + present(table, table + ".id") + ")", revision);
        Map<String, String> extra = NOT_AUDITED.getOrDefault(table, Map.of());
        List<String> names = new ArrayList<>(columns);
        List<String> selected = new ArrayList<>(columns.stream().map(c -> "a." + c).toList());
        extra.forEach((column, value) -> {
            names.add(column);
            selected.add(value);
        });
        update("insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", selected)
                + " from " + aud + " a where a.id in (select id from " + aud + " where rev > ?1) and a.revtype <> "
                + deleted() + " and a.rev = " + lastUpTo(aud, "a.id") + " and not exists (select 1 from " + table
                + " t where t.id = a.id)", revision);
    }

    /**
     * Inserts the rows the touched owners' collections had then: an element added at or before the revision and
     * not added or removed again by a later one up to it. (Envers records a changed element of a list of values as
     * removed and added in the same revision; "added" wins within one.)
     */
    private void insertCollection(Audited collection, List<String> columns, long revision) {
        String aud = collection.table() + "_aud";
        // the owner's column is compared with = as well: what lets the owner's index of the history find the rows
        String same = columns.stream().map(c -> "b." + c + " is not distinct from a." + c)
                .collect(Collectors.joining(" and "));
        update("insert into " + collection.table() + " (" + String.join(", ", columns) + ") select "
                + columns.stream().map(c -> "a." + c).collect(Collectors.joining(", ")) + " from " + aud + " a where a."
                + collection.owner() + " in (select " + collection.owner() + " from " + aud + " where rev > ?1)"
                + " and a.revtype = " + RevisionType.ADD.getRepresentation() + " and a.rev <= ?1 and not exists"
                + " (select 1 from " + aud + " b where b." + collection.owner() + " = a." + collection.owner()
                + " and b.rev > a.rev and b.rev <= ?1 and " + same + ")", revision);
    }

    /** SQL: the last revision up to ?1 of the record of a history table whose id is {@code id}. */
    private static String lastUpTo(String aud, String id) {
        return "(select max(b.rev) from " + aud + " b where b.id = " + id + " and b.rev <= ?1)";
    }

    /** SQL: a row of the history saying the record whose id is {@code id} existed after revision ?1. */
    private static String present(String table, String id) {
        String aud = table + "_aud";
        return "select 1 from " + aud + " a where a.id = " + id + " and a.revtype <> " + deleted() + " and a.rev = "
                + lastUpTo(aud, id);
    }

    private static Byte deleted() {
        return RevisionType.DEL.getRepresentation();
    }

    private List<Long> ids(String sql, long revision) {
        return entityManager.createNativeQuery(sql, Long.class).setParameter(1, revision).getResultList();
    }

    private void update(String sql, long revision) {
        long started = System.nanoTime();
        int rows = entityManager.createNativeQuery(sql).setParameter(1, revision).executeUpdate();
        if (LOG.isDebugEnabled()) {
            LOG.debug(String.format("%,d rows in %.1f ms: %s", rows, (System.nanoTime() - started) / 1e6, sql));
        }
    }

    /**
     * The columns of the table that its history table has too ({@link History#sharedColumns}); fails on a column
     * that has no history and no rule to derive it ({@link #NOT_AUDITED}): a rewind could not put it back.
     */
    private List<String> sharedColumns(Connection connection, String table) throws SQLException {
        List<String> shared = history.sharedColumns(table);
        for (String column : Rows.columns(connection, table)) {
            if (!shared.contains(column) && !NOT_AUDITED.getOrDefault(table, Map.of()).containsKey(column)) {
                throw new IllegalStateException("column " + table + "." + column + " has no history and no rule to"
                        + " derive it: a rewind could not put it back");
            }
        }
        return shared;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
