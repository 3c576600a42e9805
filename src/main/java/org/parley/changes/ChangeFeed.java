package org.parley.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.parley.event.Event;
import org.parley.event.EventResponse;
import org.parley.history.History;
import org.parley.history.Revision;
import org.parley.participant.Participant;
import org.parley.participant.ParticipantResponse;
import org.parley.statement.Statement;
import org.parley.statement.StatementResponse;
import org.parley.store.Cursor;
import org.parley.store.Documents;
import org.parley.store.Record;
import org.parley.store.Rendered;
import org.parley.topic.Topic;
import org.parley.topic.TopicResponse;

/**
 * The change feed: every create, update and delete of the four collections in commit order, read from the revision
 * tables of Hibernate Envers. Within one revision, participants come before topics, events and statements, each by
 * id, so that a mirror applying the changes in order never meets a reference to a record it has not seen.
 */
@ApplicationScoped
@Transactional
public class ChangeFeed {

    static final String CURSOR_SORT = "changes";

    /** The audited collections, in the order they appear within a revision. */
    enum Collection {
        PARTICIPANTS("participants", "participant_aud", Participant.class, null,
                p -> ParticipantResponse.from((Participant) p)),
        TOPICS("topics", "topic_aud", Topic.class, null, t -> TopicResponse.from((Topic) t)),
        EVENTS("events", "event_aud", Event.class, Documents.Kind.EVENT, e -> EventResponse.from((Event) e)),
        STATEMENTS("statements", "statement_aud", Statement.class, Documents.Kind.STATEMENT,
                s -> StatementResponse.from((Statement) s));

        final String path;
        final String table;
        final Class<? extends Record> type;
        /** The kind of stored document of the collection's records, if they have one. */
        final Documents.Kind documents;
        final Function<Object, Object> response;

        Collection(String path, String table, Class<? extends Record> type, Documents.Kind documents,
                Function<Object, Object> response) {
            this.path = path;
            this.table = table;
            this.type = type;
            this.documents = documents;
            this.response = response;
        }
    }

    /** A place in the feed: after the change of record {@code id} of {@code collection} in {@code revision}. */
    record Position(long revision, int collection, long id) implements Comparable<Position> {

        static final Comparator<Position> ORDER = Comparator.comparingLong(Position::revision)
                .thenComparingInt(Position::collection).thenComparingLong(Position::id);

        /** Before every change of {@code revision}. */
        static Position before(long revision) {
            return new Position(revision - 1, Integer.MAX_VALUE, 0);
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }

        String encode() {
            return new Cursor(CURSOR_SORT, List.of(revision, collection, id)).encode();
        }

        /** The position a cursor names, or null when it is not a cursor of the feed. */
        static Position decode(String value) {
            Cursor cursor = Cursor.decode(value);
            if (cursor == null || !CURSOR_SORT.equals(cursor.sort()) || cursor.keys().size() != 3
                    || !(cursor.keys().get(0) instanceof Long revision)
                    || !(cursor.keys().get(1) instanceof Integer collection)
                    || !(cursor.keys().get(2) instanceof Long id)) {
                return null;
            }
            return new Position(revision, collection, id);
        }
    }

    /** A change, and the version the record had after it (null for a deletion). */
    private record Entry(Position position, Collection collection, RevisionType type, Long version) {
    }

    private final EntityManager entityManager;
    private final Documents documents;

    public ChangeFeed(EntityManager entityManager, Documents documents) {
        this.entityManager = entityManager;
        this.documents = documents;
    }

    /** The position before the first revision written at or after {@code since}. */
    public Position since(Instant since) {
        Object first = entityManager.createNativeQuery("select min(rev) from revinfo where revtstmp >= ?1")
                .setParameter(1, since.toEpochMilli()).getSingleResult();
        return first != null ? Position.before(((Number) first).longValue()) : end();
    }

    /** After every change committed now. */
    private Position end() {
        return new Position(lastRevision(), Integer.MAX_VALUE, 0);
    }

    private long lastRevision() {
        Object last = entityManager.createNativeQuery("select max(rev) from revinfo").getSingleResult();
        return last == null ? 0 : ((Number) last).longValue();
    }

    /** Up to {@code size} changes after {@code after}, in commit order. */
    public Change.Page after(Position after, int size) {
        // Revisions up to this one are committed in full; a later one may be committing while the four tables are
        // read, and must be left whole for the next page.
        long last = lastRevision();
        List<Entry> entries = new ArrayList<>();
        for (Collection collection : Collection.values()) {
            entries.addAll(entries(collection, after, last, size + 1));
        }
        entries.sort(Comparator.comparing(Entry::position));
        boolean more = entries.size() > size;
        List<Entry> page = entries.subList(0, Math.min(size, entries.size()));
        // without more, every change up to the last committed revision is in this page
        Position next = more ? page.get(page.size() - 1).position()
                : Collections.max(List.of(after, new Position(last, Integer.MAX_VALUE, 0)));
        return new Change.Page(render(page), next.encode(), more);
    }

    @SuppressWarnings("unchecked")
    private List<Entry> entries(Collection collection, Position after, long last, int limit) {
        int order = collection.ordinal();
        String sameRevision = order < after.collection() ? "" : order > after.collection()
                ? " or rev = :revision" : " or (rev = :revision and id > :id)";
        var query = entityManager.createNativeQuery("select rev, revtype, id, version from " + collection.table
                        + " where rev <= :last and (rev > :revision" + sameRevision + ") order by rev, id")
                .setParameter("revision", after.revision()).setParameter("last", last).setMaxResults(limit);
        if (order == after.collection()) {
            query.setParameter("id", after.id());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Entry(new Position(((Number) row[0]).longValue(), order,
                ((Number) row[2]).longValue()), collection, RevisionType.fromRepresentation(
                ((Number) row[1]).byteValue()), row[3] == null ? null : ((Number) row[3]).longValue())).toList();
    }

    /** The changes with their revisions and, for all but deletions, the records as they stood after them. */
    private List<Change> render(List<Entry> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Revision> revisions = new HashMap<>();
        entityManager.createQuery("from Revision where id in ?1", Revision.class)
                .setParameter(1, page.stream().map(e -> e.position().revision()).distinct().toList())
                .getResultList().forEach(revision -> revisions.put(revision.id, revision));
        Map<Collection, Map<Long, Map<Long, Object>>> records = new LinkedHashMap<>();
        // Most changes are the last of their record: its stored document then shows it as the change left it. The
        // others are read from the revision tables through Envers, which costs a few queries per record.
        for (Collection collection : Collection.values()) {
            if (collection.documents == null) {
                continue;
            }
            Map<Long, Long> lastVersion = new HashMap<>();
            page.stream().filter(e -> e.collection() == collection && e.version() != null)
                    .forEach(e -> lastVersion.merge(e.position().id(), e.version(), Math::max));
            Map<Long, byte[]> current = documents.findAtVersion(collection.documents, lastVersion);
            for (Entry entry : page) {
                long id = entry.position().id();
                if (entry.collection() == collection && current.containsKey(id)
                        && entry.version().equals(lastVersion.get(id))) {
                    records.computeIfAbsent(collection, c -> new HashMap<>())
                            .computeIfAbsent(entry.position().revision(), r -> new HashMap<>())
                            .put(id, new Rendered<>(current.get(id)));
                }
            }
        }
        Map<Collection, Map<Long, List<Long>>> wanted = new LinkedHashMap<>();
        for (Entry entry : page) {
            if (entry.type() != RevisionType.DEL && !records.getOrDefault(entry.collection(), Map.of())
                    .getOrDefault(entry.position().revision(), Map.of()).containsKey(entry.position().id())) {
                wanted.computeIfAbsent(entry.collection(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(entry.position().revision(), r -> new ArrayList<>())
                        .add(entry.position().id());
            }
        }
        var reader = AuditReaderFactory.get(entityManager);
        wanted.forEach((collection, byRevision) -> byRevision.forEach((revision, ids) -> {
            Map<Long, Object> found = records.computeIfAbsent(collection, c -> new HashMap<>())
                    .computeIfAbsent(revision, r -> new HashMap<>());
            for (Object entity : reader.createQuery().forEntitiesAtRevision(collection.type, revision)
                    .add(AuditEntity.id().in(ids)).getResultList()) {
                found.put(((Record) entity).id, collection.response.apply(entity));
            }
        }));
        return page.stream().map(entry -> {
            Position at = entry.position();
            Revision revision = revisions.get(at.revision());
            Object record = entry.type() == RevisionType.DEL ? null
                    : records.get(entry.collection()).get(at.revision()).get(at.id());
            return new Change(at.revision(), Instant.ofEpochMilli(revision.timestamp), revision.editor,
                    entry.collection().path, at.id(), History.operation(entry.type()), record);
        }).toList();
    }
}
