package org.parley.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.history.RevisionResponse.Operation;
import org.parley.problem.ProblemException;
import org.parley.store.Record;
import org.parley.store.Rows;
import org.parley.web.ApiDefinition;

/**
 * The history of records, from the revisions Hibernate Envers keeps: the revisions of one record, and a record as it
 * stood at a moment.
 */
@ApplicationScoped
@Transactional
public class History {

    private final EntityManager entityManager;
    /** The columns each table shares with its history table, by table: what {@link #recordCreated} copies. */
    private final Map<String, List<String>> auditedColumns = new ConcurrentHashMap<>();

    public History(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private AuditReader reader() {
        return AuditReaderFactory.get(entityManager);
    }

    /** Every revision of the record, oldest first; 404 when it never existed. */
    public List<RevisionResponse> revisions(Class<? extends Record> type, String what, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reader().createQuery().forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id)).addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return rows.stream().map(row -> {
            Revision revision = (Revision) row[1];
            RevisionType change = (RevisionType) row[2];
            return new RevisionResponse(revision.id, Instant.ofEpochMilli(revision.timestamp), revision.editor,
                    operation(change), change == RevisionType.DEL ? null : ((Record) row[0]).version);
        }).toList();
    }

    /** What a revision did to a record, as revisions and the change feed name it. */
    public static Operation operation(RevisionType type) {
        return switch (type) {
            case ADD -> Operation.CREATED;
            case MOD -> Operation.UPDATED;
            case DEL -> Operation.DELETED;
        };
    }

    /**
     * Gives the records the query selects (by its parameter {@code ?1}, an id or a list of ids) a new version, update
     * time and revision: for records whose representation shows another record that changed, such as the events of
     * a renamed participant.
     */
    public void touch(String query, Object parameter) {
        Instant now = Instant.now();
        entityManager.createQuery(query, Record.class).setParameter(1, parameter).getResultStream()
                .forEach(record -> record.updatedAt = now);
        entityManager.flush();
    }

    /**
     * The revision of the current transaction, written now if it is not yet: for changes written to the revision
     * tables by hand, in the same revision as those Envers writes at the commit. Called last in a write, after
     * {@link org.parley.store.DataGeneration#advance()}, so that revision numbers still follow commit order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long currentRevision() {
        return reader().getCurrentRevision(Revision.class, true).id;
    }

    /**
     * Records the rows of {@code table} whose column {@code key} is one of {@code ids} in its history table
     * ({@code table_aud}) as created in {@code revision}: for rows a bulk write inserted set-based, which Envers did
     * not see. Copies the columns the two tables share, which are the columns Envers writes for a persisted entity or
     * collection ({@code HistoryTest} and {@code ImportTest} read such records back through Envers).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreated(long revision, String table, String key, Collection<Long> ids) {
        String columns = String.join(", ", sharedColumns(table));
        // the ids as one array parameter, {@link Rows#CHUNK} at a time: a list of thousands of parameters would be
        // planned again for each chunk. Joined rather than "= any(?)": H2 checks each row it finds against every
        // element of the array, which took 3 of the 57 s of a first import of 100,000 statements.
        List<Long> all = List.copyOf(ids);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                    + "_aud (rev, revtype, " + columns + ") select ?, " + RevisionType.ADD.getRepresentation() + ", "
                    + columns + " from " + table + " join unnest(cast(? as bigint array)) as u(wanted) on " + key
                    + " = wanted")) {
                for (int from = 0; from < all.size(); from += Rows.CHUNK) {
                    insert.setLong(1, revision);
                    insert.setArray(2, connection.createArrayOf("bigint",
                            all.subList(from, Math.min(all.size(), from + Rows.CHUNK)).toArray()));
                    insert.executeUpdate();
                }
            }
        });
    }

    /**
     * The columns of the table that its history table has too (those Envers writes, but rev and revtype), as the
     * database names them, in the table's order.
     */
    public List<String> sharedColumns(String table) {
        return auditedColumns.computeIfAbsent(table, t -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> {
                    List<String> audited = Rows.columns(connection, t + "_aud");
                    return Rows.columns(connection, t).stream().filter(audited::contains).toList();
                }));
    }

    /** The last revision written at or before {@code at}; 404 when history starts later. */
    public Revision revisionAt(Instant at, String what, long id) {
        List<Revision> found = entityManager.createQuery(
                        "from Revision where timestamp <= ?1 order by id desc", Revision.class)
                .setParameter(1, at.toEpochMilli()).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw notThen(what, id, at);
        }
        return found.get(0);
    }

    /** The record as it stood after {@code revision}; 404 when it did not exist then. */
    public <T extends Record> T find(Class<T> type, String what, long id, Revision revision, Instant at) {
        T found = reader().find(type, id, revision.id);
        if (found == null) {
            throw notThen(what, id, at);
        }
        return found;
    }

    /** The records of {@code type} whose {@code relation} was {@code relatedId} after {@code revision}, in order. */
    public <T> List<T> related(Class<T> type, String relation, long relatedId, Revision revision, String... order) {
        var query = reader().createQuery().forEntitiesAtRevision(type, revision.id)
                .add(AuditEntity.relatedId(relation).eq(relatedId));
        for (String property : order) {
            query.addOrder(AuditEntity.property(property).asc());
        }
        @SuppressWarnings("unchecked")
        List<T> result = query.getResultList();
        return result;
    }

    private static ProblemException notThen(String what, long id, Instant at) {
        return new ProblemException(404, ProblemException.NOT_FOUND_TYPE, "Not found",
                what + " " + id + " did not exist at " + at, null);
    }

    /** A record as it stood after a revision. */
    public record Snapshot<T>(T record, Revision revision) {

        /** 200 with the record, and the time of the revision it shows in {@code Memento-Datetime} (RFC 7089). */
        public RestResponse<T> response() {
            return RestResponse.ResponseBuilder.ok(record).header(ApiDefinition.MEMENTO_DATETIME,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochMilli(revision.timestamp).atOffset(ZoneOffset.UTC))).build();
        }
    }
}
