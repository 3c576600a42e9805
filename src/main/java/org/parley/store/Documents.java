package org.parley.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Stored documents: each event and statement as the API shows it, rendered to JSON when it is written and kept in
 * {@code event_doc} and {@code statement_doc}, with a statement's CSV export row beside its JSON, and each event as
 * its own read shows it, statements included, in {@code event_full_doc}. A read sends the documents as they are:
 * one query by key instead of loading a record with its people, topics, countries and sources and serialising it
 * again at every request.
 *
 * <p>A record may lack a document (bulk-loaded, or dropped because a rename made it stale): it is then rendered
 * from its tables on read, and the background task renders what is missing. Whoever writes a record's document
 * holds the record's row lock, so a document never outlives a change of what it shows. An event's full document
 * shows its statements too: every writer of an event or of a statement first locks the events concerned (before
 * any statement, so that no two writers wait for each other) and drops their full documents, and the background
 * task renders a full document only under its event's lock.
 */
@ApplicationScoped
public class Documents {

    /** The longest document stored, in bytes; a record that renders longer is rendered on each read instead. */
    public static final int MAX_LENGTH = 4_000_000;
    /** The most ids a look-up binds as parameters on H2; more are written into the statement. */
    private static final int BOUND_IDS = 100;

    /**
     * The kinds of document: their records, document table, its key column, and the table of their CSV rows (null
     * for a kind without rows). Rows are kept apart from documents so that a CSV export reads only rows.
     */
    public enum Kind {
        /** An event as lists show it, without its statements. */
        EVENT("event", "event_doc", "event_id", null),
        STATEMENT("statement", "statement_doc", "statement_id", "statement_csv"),
        /**
         * An event as its own read shows it, its statements' documents inside: the two kinds above put together,
         * kept so that a read is one row by key. Dropped by every write that changes what it shows; rendered
         * again in the background only.
         */
        EVENT_FULL("event", "event_full_doc", "event_id", null);

        final String records;
        final String table;
        final String key;
        final String rows;

        Kind(String records, String table, String key, String rows) {
            this.records = records;
            this.table = table;
            this.key = key;
            this.rows = rows;
        }

        /** The tables that keep a record's rendering: its document's, and its CSV row's if it has one. */
        List<String> tables() {
            return rows == null ? List.of(table) : List.of(table, rows);
        }
    }

    /** A record's document: its JSON, and for a kind with CSV rows its row (else null), as UTF-8 bytes. */
    public record Document(byte[] json, byte[] csv) {
    }

    /** Documents were dropped in a transaction: after it commits, they are rendered again. */
    public record Dropped(Kind kind, List<Long> ids) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<Dropped> dropped;
    /** Whether many ids are written into the statement as numbers (H2) rather than bound (PostgreSQL). */
    private final boolean literalIds;

    public Documents(EntityManager entityManager, ObjectMapper json, Event<Dropped> dropped,
            DatabaseRole database) {
        this.entityManager = entityManager;
        this.json = json;
        this.dropped = dropped;
        this.literalIds = !database.postgres();
    }

    /** The object as the API writes it. */
    public <T> Rendered<T> render(T response) {
        try {
            return new Rendered<>(json.writeValueAsBytes(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + response.getClass().getSimpleName(), e);
        }
    }

    /** The document of a record: its response as JSON and, for a kind with CSV rows, its row (else null). */
    public Document document(Kind kind, Object response, java.lang.Record row) {
        return new Document(render(response).json(), kind.rows != null ? Csv.row(row) : null);
    }

    /**
     * Stores the rendering of a record just written (its response, and its CSV row for a kind with rows, else null),
     * in place of any earlier one; locks the record first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Kind kind, long id, Object response, java.lang.Record row) {
        lock(kind, List.of(id));
        for (String table : kind.tables()) {
            entityManager.createNativeQuery("delete from " + table + " where " + kind.key + " = ?1")
                    .setParameter(1, id).executeUpdate();
        }
        storeNew(kind, Map.of(id, document(kind, response, row)));
    }

    /**
     * Stores documents of records that have none (the caller holds the records' row locks, and so those of their
     * events, whose full documents {@link #lock} dropped, and has checked), in one JDBC batch: Hibernate sends
     * native statements one by one, and a backfill stores a million.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeNew(Kind kind, Map<Long, Document> documents) {
        Map<Long, Document> storable = documents.entrySet().stream()
                .filter(document -> document.getValue().json().length <= MAX_LENGTH)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        entityManager.unwrap(Session.class).doWork(connection -> {
            insertAll(connection, kind.table, kind.key, "doc", storable, Document::json);
            if (kind.rows != null) {
                insertAll(connection, kind.rows, kind.key, "csv", storable, Document::csv);
            }
        });
    }

    /** Inserts one column of the documents into a table keyed by record id. */
    private static void insertAll(Connection connection, String table, String key, String column,
            Map<Long, Document> documents, Function<Document, byte[]> value) throws SQLException {
        Set<Map.Entry<Long, Document>> all = documents.entrySet();
        Rows.insert(connection, table, Rows.column(key, "bigint", all, Map.Entry::getKey),
                Rows.column(column, "bytea", all, document -> value.apply(document.getValue())));
    }

    /** The stored documents (JSON) of these records by id; a record without one is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, byte[]> find(Kind kind, Collection<Long> ids) {
        return find(kind.table, kind.key, "doc", ids);
    }

    /**
     * The stored documents of those of these records that are still at the given version, by id: what the record
     * was at that version, for the change feed. Record and document are read in one statement, so they agree.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, byte[]> findAtVersion(Kind kind, Map<Long, Long> versionById) {
        Map<Long, byte[]> found = new HashMap<>();
        if (versionById.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = byIds("select r.id, r.version, d.doc from " + kind.records + " r join " + kind.table
                + " d on d." + kind.key + " = r.id where r.id in ", versionById.keySet()).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (versionById.get(id) == ((Number) row[1]).longValue()) {
                found.put(id, (byte[]) row[2]);
            }
        }
        return found;
    }

    /**
     * The records among these (by id, at these versions) that are already as {@code remake} would make them: whose
     * stored document (or, for a record whose document is being rendered again, the record as {@code load} loads it
     * and {@code shown} shows it) is byte for byte what {@code remake} renders. {@code remake} gets the stored
     * record's stamp and makes the response of what the change would leave, or null if the change fails. A record
     * changed since its version is not among them. Stamps and documents are read in one statement, neither parsed
     * nor loaded as entities: a second import of 100,000 statements spent most of its time so.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends Record> List<Long> unchanged(Kind kind, Map<Long, Long> versions,
            Function<List<Long>, List<T>> load, Function<T, Object> shown, Function<Record.Stamp, Object> remake) {
        Map<Record.Stamp, byte[]> stored = new HashMap<>();
        List<Long> unrendered = new ArrayList<>();
        if (!versions.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = byIds("select r.id, r.created_at, r.updated_at, r.version, d.doc from "
                    + kind.records + " r left join " + kind.table + " d on d." + kind.key + " = r.id where r.id in ",
                    versions.keySet()).unwrap(NativeQuery.class).addScalar("id", Long.class)
                    .addScalar("created_at", Instant.class).addScalar("updated_at", Instant.class)
                    .addScalar("version", Long.class).addScalar("doc", byte[].class).getResultList();
            for (Object[] row : rows) {
                Record.Stamp stamp = new Record.Stamp((Long) row[0], (Instant) row[1], (Instant) row[2],
                        (Long) row[3]);
                if (stamp.version() != versions.get(stamp.id())) {
                    continue; // changed since: an update decides
                }
                if (row[4] == null) {
                    unrendered.add(stamp.id());
                } else {
                    stored.put(stamp, (byte[]) row[4]);
                }
            }
        }
        if (!unrendered.isEmpty()) {
            load.apply(unrendered).forEach(r -> stored.put(Record.Stamp.of(r), render(shown.apply(r)).json()));
        }
        List<Long> same = new ArrayList<>();
        stored.forEach((stamp, document) -> {
            Object remade = remake.apply(stamp);
            if (remade != null && Arrays.equals(render(remade).json(), document)) {
                same.add(stamp.id());
            }
        });
        return same;
    }

    private Map<Long, byte[]> find(String table, String key, String column, Collection<Long> ids) {
        Map<Long, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = byIds("select " + key + ", " + column + " from " + table + " where "
                + key + " in ", ids).getResultList();
        rows.forEach(row -> found.put(((Number) row[0]).longValue(), (byte[]) row[1]));
        return found;
    }

    /**
     * The native query {@code sql} followed by the parenthesised list of {@code ids}. On H2, many ids (an export
     * batch, a page of the change feed) are written into the statement as numbers: H2 checks each row an IN list of
     * parameters finds against the whole list again (a thousand comparisons a row, most of an export's time), a
     * list of literals through a hash set. A few ids (a page, one record) stay bound, so that the statement is the
     * same each time and its plan is reused. Long values leave nothing to inject. PostgreSQL's driver always gets
     * bound ids: a statement it has run five times is prepared on the server and returns bytea in binary, while
     * each new text of literals is planned again and sends its documents hex-encoded (a CSV export at 72,000
     * rows/s instead of 175,000).
     */
    private Query byIds(String sql, Collection<Long> ids) {
        return !literalIds || ids.size() <= BOUND_IDS
                ? entityManager.createNativeQuery(sql + "(?1)").setParameter(1, ids)
                : entityManager.createNativeQuery(sql + "(" + ids.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")");
    }

    /**
     * The CSV rows (in the form of {@link Csv#row}) of these records of a kind with rows, in the order of the ids:
     * the stored row of each, and for those without one their row now, all at once, by {@code renderer}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<byte[]> rows(Kind kind, List<Long> ids,
            Function<List<Long>, Map<Long, ? extends java.lang.Record>> renderer) {
        Map<Long, byte[]> stored = find(kind.rows, kind.key, "csv", ids);
        List<Long> missing = ids.stream().filter(id -> !stored.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            renderer.apply(missing).forEach((id, row) -> stored.put(id, Csv.row(row)));
        }
        return ids.stream().map(stored::get).toList();
    }

    /**
     * The records with these ids as JSON in their order: the stored document of each, and for those without one,
     * their rendering now, all at once, by {@code renderer} from their ids.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> List<Rendered<T>> of(Kind kind, List<Long> ids, Function<List<Long>, Map<Long, T>> renderer) {
        Map<Long, byte[]> stored = find(kind, ids);
        return of(ids.stream().map(id -> new Object[] {id, stored.get(id)}).toList(), renderer);
    }

    /**
     * Rows of (id, stored document or null) as JSON in their order; the records without a document are rendered
     * now, all at once, by {@code renderer} from their ids.
     */
    public <T> List<Rendered<T>> of(List<Object[]> idsAndDocuments, Function<List<Long>, Map<Long, T>> renderer) {
        List<Long> missing = idsAndDocuments.stream().filter(row -> row[1] == null)
                .map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, T> rendered = missing.isEmpty() ? Map.of() : renderer.apply(missing);
        return idsAndDocuments.stream().map(row -> row[1] != null ? new Rendered<T>((byte[]) row[1])
                : render(rendered.get(((Number) row[0]).longValue()))).toList();
    }

    /**
     * Drops the documents of the records that {@code ids} (an SQL query of record ids, with parameter ?1) selects,
     * after locking those records, because something they show has changed; they are rendered again after commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drop(Kind kind, String ids, Object parameter) {
        List<Long> locked = lock(kind, ids, parameter);
        if (locked.isEmpty()) {
            return;
        }
        for (String table : kind.tables()) { // by the ids locked, not by running the ids query again per table
            byIds("delete from " + table + " where " + kind.key + " in ", locked).executeUpdate();
        }
        dropped.fire(new Dropped(kind, locked));
    }

    /**
     * Takes the row locks of these records until the transaction ends, as every writer of the records does: then a
     * document is rendered from what the records hold at commit. The events concerned (these events, or the events
     * of these statements) are locked first, and their full documents dropped: a writer is about to change what
     * they show. For {@link Kind#EVENT_FULL}, the renderer of full documents, the events are only locked. Returns
     * the ids of the records locked (those that exist). Separate statements, because a query for entities with a
     * lock mode loads their collections one record at a time instead of in batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> lock(Kind kind, List<Long> ids) {
        return ids.isEmpty() ? List.of() : lock(kind, "?1", ids);
    }

    /** {@link #lock(Kind, List)} of the records that {@code ids} (SQL: a list or query of ids with ?1) selects. */
    private List<Long> lock(Kind kind, String ids, Object parameter) {
        String events = kind == Kind.STATEMENT ? "select event_id from statement where id in (" + ids + ")" : ids;
        List<Long> locked = lockRows("event", events, parameter);
        if (kind != Kind.EVENT_FULL) {
            dropFull(locked);
        }
        return kind == Kind.STATEMENT ? lockRows("statement", ids, parameter) : locked;
    }

    /** Locks the rows of a table that {@code ids} (SQL with ?1) selects, in id order; their ids. */
    private List<Long> lockRows(String table, String ids, Object parameter) {
        return entityManager.createNativeQuery("select id from " + table + " where id in (" + ids
                + ") order by id for update", Long.class).setParameter(1, parameter).getResultList();
    }

    /** Drops the full documents of these events (locked by the caller); they are rendered again after commit. */
    private void dropFull(List<Long> eventIds) {
        if (!eventIds.isEmpty() && byIds("delete from " + Kind.EVENT_FULL.table + " where " + Kind.EVENT_FULL.key
                + " in ", eventIds).executeUpdate() > 0) {
            dropped.fire(new Dropped(Kind.EVENT_FULL, eventIds));
        }
    }

    /**
     * Whether some record of the kind may lack a document: fewer documents than records (each document belongs to
     * one record), counted on the two primary keys instead of walking every record.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyMissing(Kind kind) {
        Number records = (Number) entityManager.createNativeQuery("select count(*) from " + kind.records)
                .getSingleResult();
        Number stored = (Number) entityManager.createNativeQuery("select count(*) from " + kind.table)
                .getSingleResult();
        return stored.longValue() < records.longValue();
    }

    /** Up to {@code limit} ids of records without a document, after {@code after}, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> missing(Kind kind, long after, int limit) {
        // the bound on d repeats the one on r: without it PostgreSQL merges from the first document at every call
        return entityManager.createNativeQuery("select r.id from " + kind.records + " r where r.id > ?1 and not exists"
                + " (select 1 from " + kind.table + " d where d." + kind.key + " = r.id and d." + kind.key + " > ?1)"
                + " order by r.id", Long.class)
                .setParameter(1, after).setMaxResults(limit).getResultList();
    }
}
