package org.parley.bulk;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.parley.event.Event;
import org.parley.event.EventRequest;
import org.parley.event.EventService;
import org.parley.event.Source;
import org.parley.participant.Participant;
import org.parley.participant.ParticipantRequest;
import org.parley.participant.ParticipantService;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.report.ReportService;
import org.parley.statement.StatementRequest;
import org.parley.statement.StatementService;
import org.parley.store.DataGeneration;
import org.parley.store.DatabaseRole;
import org.parley.topic.Topic;
import org.parley.topic.TopicRef;
import org.parley.topic.TopicRequest;
import org.parley.topic.TopicService;
import org.parley.web.ProblemMappers;

/**
 * Bulk import: checks a whole document first (every problem, named by its place in the input), then creates or
 * updates its records through the services of the API, in one transaction. A record already as the document has it
 * is left alone, so importing a document twice changes nothing the second time.
 */
@ApplicationScoped
public class ImportService {

    /** Records written between two flushes of the persistence context, which is then emptied. */
    private static final int CLEAR_EVERY = 20;
    private static final int IN_LIST = 1000;
    /** New records created in one go. */
    private static final int CREATE_BATCH = 5000;

    /** One item of the input and where it is: {@code events[3]}, or {@code line 12} of an NDJSON stream. */
    public record Located<T>(String at, T value) {
    }

    /** The items of an import, in input order. */
    public record Input(List<Located<ParticipantRequest>> participants, List<Located<TopicRequest>> topics,
            List<Located<ImportDocument.Event>> events, List<Located<ImportDocument.Statement>> statements) {

        static Input of(ImportDocument document) {
            return new Input(located("participants", document.participants()), located("topics", document.topics()),
                    located("events", document.events()), located("statements", document.statements()));
        }

        private static <T> List<Located<T>> located(String name, List<T> items) {
            List<Located<T>> out = new ArrayList<>();
            for (int i = 0; items != null && i < items.size(); i++) {
                out.add(new Located<>(name + "[" + i + "]", items.get(i)));
            }
            return out;
        }
    }

    /** A record of the import: its id in Parley once known, and its version before the import. */
    private static final class Slot {
        Long id;
        Long versionBefore;

        Slot(Long id, Long versionBefore) {
            this.id = id;
            this.versionBefore = versionBefore;
        }
    }

    private final EntityManager entityManager;
    private final Validator validator;
    private final TransactionManager transactions;
    private final ParticipantService participants;
    private final TopicService topics;
    private final EventService events;
    private final StatementService statements;
    private final ReportService reports;
    private final DataGeneration generation;
    private final DatabaseRole database;

    public ImportService(EntityManager entityManager, ValidatorFactory validators, TransactionManager transactions,
            ParticipantService participants, TopicService topics, EventService events, StatementService statements,
            ReportService reports, DataGeneration generation, DatabaseRole database) {
        this.reports = reports;
        this.generation = generation;
        this.database = database;
        this.entityManager = entityManager;
        this.validator = validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
        this.transactions = transactions;
        this.participants = participants;
        this.topics = topics;
        this.events = events;
        this.statements = statements;
    }

    /**
     * The items of a document are requests, not entities: every property of theirs can be read. The default resolver
     * asks JPA whether each property of each item is loaded: a quarter of the time an import spent validating.
     */
    private static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }

    public ImportResult run(ImportDocument document, boolean dryRun) {
        return run(Input.of(document), dryRun);
    }

    /** Imports every item or none: any problem is a 400 naming each one, and nothing is written. */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // a document of a million records takes minutes, not the default 60 s
    public ImportResult run(Input in, boolean dryRun) {
        // The services flush what they write themselves; without this, every query of every record would first
        // check the whole persistence context for changes, which costs more than the writes.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        List<Violation> violations = new ArrayList<>();
        for (List<? extends Located<?>> items : List.of(in.participants(), in.topics(), in.events(),
                in.statements())) {
            for (Located<?> item : items) {
                validator.validate(item.value())
                        .forEach(v -> violations.add(ProblemMappers.toViolation(item.at(), v)));
            }
        }
        failOn(violations);
        Plan plan = new Plan(in, violations);
        failOn(violations);
        ImportResult result = plan.write(violations);
        failOn(violations);
        // the report texts the sources carry, kept once per hash whether their event changed or not
        reports.keep(in.events().stream().flatMap(e -> Source.texts(e.value().sources()).stream()).toList());
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("cannot roll the dry run back", e);
            }
        }
        return new ImportResult(dryRun, result.participants(), result.topics(), result.events(), result.statements());
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The document checked against itself and the database: every key resolved, or a violation. */
    private final class Plan {

        private final Input in;
        private final Map<String, Slot> participantByKey = new HashMap<>();
        private final List<Slot> participantSlots = new ArrayList<>();
        private final Map<Long, Slot> storedParticipants = new HashMap<>();
        private final Map<String, Slot> topicBySlug = new HashMap<>();
        private final Map<String, Slot> eventByKey = new HashMap<>();
        private final Map<String, Located<ImportDocument.Event>> documentEvents = new HashMap<>();
        private final Map<String, Set<Slot>> eventParticipants = new HashMap<>();
        private final List<Integer> statementPositions = new ArrayList<>();
        private final Map<String, Slot> statementByPlace = new HashMap<>();

        Plan(Input in, List<Violation> violations) {
            this.in = in;
            resolveParticipants(violations);
            resolveTopics(violations);
            resolveEvents(violations);
            resolveStatements(violations);
        }

        private void resolveParticipants(List<Violation> violations) {
            Set<String> externalIds = new HashSet<>();
            Set<String> wikidataIds = new HashSet<>();
            for (Located<ParticipantRequest> item : in.participants()) {
                ParticipantRequest p = item.value();
                if (p.externalId() == null && p.wikidataId() == null) {
                    violations.add(Violation.body(item.at() + ".externalId",
                            "a participant needs an externalId or a wikidataId: the key other records name it by"));
                }
                if (p.externalId() != null) {
                    externalIds.add(p.externalId());
                }
                if (p.wikidataId() != null) {
                    wikidataIds.add(p.wikidataId());
                }
            }
            // participants named by events and statements that the document does not hold
            for (Located<ImportDocument.Event> event : in.events()) {
                event.value().participants().forEach(role -> externalIds.add(role.participant()));
            }
            in.statements().forEach(s -> externalIds.add(s.value().speaker()));
            Map<String, Participant> byExternalId = new HashMap<>();
            Map<String, Participant> byWikidataId = new HashMap<>();
            for (Participant p : inChunks(externalIds, chunk -> participants.findByExternalIds(chunk))) {
                byExternalId.put(p.externalId, p);
            }
            Set<String> wikidataKeys = new HashSet<>(wikidataIds);
            externalIds.stream().filter(k -> k.matches("Q[1-9][0-9]{0,11}")).forEach(wikidataKeys::add);
            for (Participant p : inChunks(wikidataKeys, chunk -> participants.findByWikidataIds(chunk))) {
                byWikidataId.putIfAbsent(p.wikidataId, p);
            }
            Function<Participant, Slot> slotOf = p -> storedParticipants.computeIfAbsent(p.id,
                    id -> new Slot(p.id, p.version));
            Map<String, String> firstAt = new HashMap<>();
            Map<Slot, String> slotAt = new HashMap<>();
            for (Located<ParticipantRequest> item : in.participants()) {
                ParticipantRequest p = item.value();
                Participant stored = p.externalId() != null && byExternalId.containsKey(p.externalId())
                        ? byExternalId.get(p.externalId())
                        : p.wikidataId() != null ? byWikidataId.get(p.wikidataId()) : null;
                Slot slot = stored != null ? slotOf.apply(stored) : new Slot(null, null);
                String first = slotAt.putIfAbsent(slot, item.at());
                if (first != null) {
                    violations.add(Violation.body(item.at(), "names the same participant as " + first
                            + " (participant " + slot.id + ")"));
                }
                participantSlots.add(slot);
                for (String key : new String[] {p.externalId(), p.wikidataId()}) {
                    if (key != null && participantByKey.putIfAbsent(key, slot) != null
                            && participantByKey.get(key) != slot) {
                        violations.add(Violation.body(item.at(), "key '" + key + "' is also that of "
                                + firstAt.get(key)));
                    }
                    if (key != null) {
                        firstAt.putIfAbsent(key, item.at());
                    }
                }
            }
            byExternalId.forEach((key, p) -> participantByKey.putIfAbsent(key, slotOf.apply(p)));
            byWikidataId.forEach((key, p) -> participantByKey.putIfAbsent(key, slotOf.apply(p)));
        }

        private void resolveTopics(List<Violation> violations) {
            Set<String> slugs = new HashSet<>();
            in.topics().forEach(t -> slugs.add(t.value().slug()));
            in.events().forEach(e -> refs(e.value().topics()).forEach(r -> slugs.add(r.slug())));
            in.statements().forEach(s -> refs(s.value().topics()).forEach(r -> slugs.add(r.slug())));
            for (Topic topic : inChunks(slugs, topics::findBySlugs)) {
                topicBySlug.put(topic.slug, new Slot(topic.id, topic.version));
            }
            Set<String> seen = new HashSet<>();
            for (Located<TopicRequest> item : in.topics()) {
                if (!seen.add(item.value().slug())) {
                    violations.add(Violation.body(item.at() + ".slug", "topic '" + item.value().slug()
                            + "' is in the document twice"));
                }
                topicBySlug.putIfAbsent(item.value().slug(), new Slot(null, null));
            }
        }

        private void checkTopics(String at, List<TopicRef> refs, List<Violation> violations) {
            List<TopicRef> given = refs(refs);
            for (int i = 0; i < given.size(); i++) {
                if (given.get(i).slug() == null || !topicBySlug.containsKey(given.get(i).slug())) {
                    violations.add(Violation.body(at + ".topics[" + i + "]", "topic '" + given.get(i).slug()
                            + "' is neither in the document nor in Parley"));
                }
            }
        }

        private void resolveEvents(List<Violation> violations) {
            Set<String> keys = new HashSet<>();
            in.events().forEach(e -> keys.add(e.value().externalId()));
            in.statements().forEach(s -> keys.add(s.value().event()));
            List<Event> stored = inChunks(keys, events::findByExternalIds);
            for (Event event : stored) {
                eventByKey.put(event.externalId, new Slot(event.id, event.version));
            }
            for (Located<ImportDocument.Event> item : in.events()) {
                ImportDocument.Event event = item.value();
                if (documentEvents.putIfAbsent(event.externalId(), item) != null) {
                    violations.add(Violation.body(item.at() + ".externalId", "event '" + event.externalId()
                            + "' is also " + documentEvents.get(event.externalId()).at()));
                }
                eventByKey.putIfAbsent(event.externalId(), new Slot(null, null));
                Set<Slot> taking = new HashSet<>();
                for (int i = 0; i < event.participants().size(); i++) {
                    String key = event.participants().get(i).participant();
                    Slot slot = participantByKey.get(key);
                    String at = item.at() + ".participants[" + i + "].participant";
                    if (slot == null) {
                        violations.add(Violation.body(at, "participant '" + key
                                + "' is neither in the document nor in Parley (by externalId or wikidataId)"));
                    } else if (!taking.add(slot)) {
                        violations.add(Violation.body(at, "participant '" + key + "' is listed more than once"));
                    }
                }
                eventParticipants.put(event.externalId(), taking);
                checkTopics(item.at(), event.topics(), violations);
            }
            // the participants of stored events that statements name but the document does not hold
            for (Event event : stored) {
                if (!documentEvents.containsKey(event.externalId)) {
                    Set<Slot> taking = new HashSet<>();
                    event.participants.forEach(link -> taking.add(storedParticipants.computeIfAbsent(
                            link.participant.id, id -> new Slot(id, link.participant.version))));
                    eventParticipants.put(event.externalId, taking);
                }
            }
        }

        private void resolveStatements(List<Violation> violations) {
            Map<Long, String> keyOfStoredEvent = new HashMap<>();
            eventByKey.forEach((key, slot) -> {
                if (slot.id != null) {
                    keyOfStoredEvent.put(slot.id, key);
                }
            });
            for (Object[] row : inChunks(keyOfStoredEvent.keySet(), statements::placesOf)) {
                String place = keyOfStoredEvent.get((Long) row[1]) + "#" + row[2];
                if (statementByPlace.put(place, new Slot((Long) row[0], (Long) row[3])) != null) {
                    statementByPlace.put(place, null); // two stored statements at one place: ambiguous
                }
            }
            Map<String, Integer> nextPosition = new HashMap<>();
            Map<String, String> placeAt = new HashMap<>();
            for (Located<ImportDocument.Statement> item : in.statements()) {
                ImportDocument.Statement s = item.value();
                int counted = nextPosition.merge(s.event(), 1, Integer::sum);
                int position = s.position() != null ? s.position() : counted;
                statementPositions.add(position);
                if (!eventByKey.containsKey(s.event())) {
                    violations.add(Violation.body(item.at() + ".event", "event '" + s.event()
                            + "' is neither in the document nor in Parley (by externalId)"));
                    continue;
                }
                String place = s.event() + "#" + position;
                if (placeAt.putIfAbsent(place, item.at()) != null) {
                    violations.add(Violation.body(item.at() + ".position", "position " + position + " of event '"
                            + s.event() + "' is also that of " + placeAt.get(place)));
                } else if (statementByPlace.containsKey(place) && statementByPlace.get(place) == null) {
                    violations.add(Violation.body(item.at() + ".position", "event '" + s.event()
                            + "' has several statements at position " + position + " in Parley: fix them first"));
                }
                Slot speaker = participantByKey.get(s.speaker());
                if (speaker == null) {
                    violations.add(Violation.body(item.at() + ".speaker", "participant '" + s.speaker()
                            + "' is neither in the document nor in Parley (by externalId or wikidataId)"));
                } else if (!eventParticipants.getOrDefault(s.event(), Set.of()).contains(speaker)) {
                    violations.add(Violation.body(item.at() + ".speaker", "participant '" + s.speaker()
                            + "' is not a participant of event '" + s.event() + "'"));
                }
                checkTopics(item.at(), s.topics(), violations);
            }
        }

        /** Creates or updates every record, in dependency order; a record already as given is left alone. */
        ImportResult write(List<Violation> violations) {
            int[] written = {0};
            ImportResult.Counts people = writeAll(in.participants(), violations, written, (item, i) -> {
                Slot slot = participantSlots.get(i);
                var request = item.value();
                return upsert(slot, () -> participants.create(request).id,
                        id -> participants.update(id, current -> request).version);
            });
            ImportResult.Counts subjects = writeAll(in.topics(), violations, written, (item, i) -> {
                Slot slot = topicBySlug.get(item.value().slug());
                return upsert(slot, () -> topics.create(item.value()).id,
                        id -> topics.update(id, current -> item.value()).version);
            });
            Map<Long, EventRequest> storedEvents = new HashMap<>();
            Map<Long, Long> eventVersions = new HashMap<>();
            for (int i = 0; i < in.events().size(); i++) {
                Slot slot = eventByKey.get(in.events().get(i).value().externalId());
                if (slot.id != null) {
                    storedEvents.put(slot.id, eventRequest(i));
                    eventVersions.put(slot.id, slot.versionBefore);
                }
            }
            Set<Long> eventsAsStored = asStored(storedEvents, eventVersions, events::alreadyAsRequested);
            List<Integer> freshEvents = new ArrayList<>(); // created in bulk once the others are written
            ImportResult.Counts held = writeAll(in.events(), violations, written, (item, i) -> {
                Slot slot = eventByKey.get(item.value().externalId());
                if (slot.id == null) {
                    freshEvents.add(i);
                    return Boolean.TRUE;
                }
                if (eventsAsStored.contains(slot.id)) {
                    return null;
                }
                var request = eventRequest(i);
                return update(slot, id -> events.update(id, current -> request).version);
            });
            List<Long> madeEvents = createInChunks(freshEvents, in.events(), this::eventRequest, events::createAll,
                    e -> e.id, violations);
            for (int k = 0; k < freshEvents.size(); k++) {
                if (madeEvents.get(k) != null) {
                    eventByKey.get(in.events().get(freshEvents.get(k)).value().externalId()).id = madeEvents.get(k);
                }
            }

            // stored statements already as the document has them are left alone
            Map<Long, StatementRequest> storedRequests = new HashMap<>();
            Map<Long, Long> statementVersions = new HashMap<>();
            for (int i = 0; i < in.statements().size(); i++) {
                Slot slot = statementByPlace.get(placeOf(i));
                boolean eventWritten = eventByKey.get(in.statements().get(i).value().event()).id != null;
                if (slot != null && slot.id != null && eventWritten) {
                    storedRequests.put(slot.id, statementRequest(i));
                    statementVersions.put(slot.id, slot.versionBefore);
                }
            }
            Set<Long> asStored = asStored(storedRequests, statementVersions, statements::alreadyAsRequested);
            List<Integer> fresh = new ArrayList<>(); // created in bulk once the others are written
            ImportResult.Counts said = writeAll(in.statements(), violations, written, (item, i) -> {
                if (eventByKey.get(item.value().event()).id == null) {
                    return null; // its event failed: reported there
                }
                Slot slot = statementByPlace.computeIfAbsent(placeOf(i), k -> new Slot(null, null));
                if (slot.id == null) {
                    fresh.add(i);
                    return Boolean.TRUE;
                }
                if (asStored.contains(slot.id)) {
                    return null;
                }
                var request = statementRequest(i);
                return update(slot, id -> statements.update(id, current -> request).version);
            });
            List<Long> created = createInChunks(fresh, in.statements(), this::statementRequest, statements::createAll,
                    s -> s.id, violations).stream().filter(Objects::nonNull).toList();
            if (!freshEvents.isEmpty() || !created.isEmpty()) {
                generation.advance(); // what the services' bulk writes leave to their caller
            }
            List<Long> eventsCreated = madeEvents.stream().filter(Objects::nonNull).toList();
            database.writingMany(() -> {
                events.recordCreated(eventsCreated);
                statements.recordCreated(created);
                return null;
            });
            return new ImportResult(false, people, subjects, held, said);
        }

        /** Where statement {@code i} of the input goes: its event's key and its position. */
        private String placeOf(int i) {
            return in.statements().get(i).value().event() + "#" + statementPositions.get(i);
        }

        /** Event {@code i} of the input as a request, once its participants have ids. */
        private EventRequest eventRequest(int i) {
            ImportDocument.Event event = in.events().get(i).value();
            return event.toRequest(event.participants().stream()
                    .map(role -> participantByKey.get(role.participant()).id).toList());
        }

        /** Statement {@code i} of the input as a request, once its event and speaker have ids. */
        private StatementRequest statementRequest(int i) {
            ImportDocument.Statement s = in.statements().get(i).value();
            return s.toRequest(eventByKey.get(s.event()).id, participantByKey.get(s.speaker()).id,
                    statementPositions.get(i));
        }
    }

    /** Creates many records at once: the records in the order of the requests, null for one that failed. */
    private interface BulkCreator<R, T> {
        List<T> createAll(List<R> requests, BiConsumer<Integer, ProblemException> failed);
    }

    /**
     * Creates the items at these indexes, {@value #CREATE_BATCH} at a time, emptying the persistence context after
     * each batch; a failed item's problems are violations at its place. Returns the ids of the records in the order
     * of {@code indexes}, null for an item that failed: only the ids, so that the records of a large import do not
     * all stay in memory until it ends.
     */
    private <R, T> List<Long> createInChunks(List<Integer> indexes, List<? extends Located<?>> items,
            IntFunction<R> request, BulkCreator<R, T> creator, Function<T, Long> id, List<Violation> violations) {
        List<Long> made = new ArrayList<>();
        for (int from = 0; from < indexes.size(); from += CREATE_BATCH) {
            List<Integer> chunk = indexes.subList(from, Math.min(indexes.size(), from + CREATE_BATCH));
            database.writingMany(() -> creator.createAll(chunk.stream().map(request::apply).toList(),
                    (k, e) -> violations.addAll(e.violationsAt(items.get(chunk.get(k)).at()))))
                    .forEach(record -> made.add(record == null ? null : id.apply(record)));
            entityManager.flush();
            entityManager.clear();
        }
        return made;
    }

    /**
     * The stored records (by id, with the request of the document for each, at the versions the plan read) that are
     * already as the document has them, as {@code check} finds them {@value #IN_LIST} at a time.
     */
    private <R> Set<Long> asStored(Map<Long, R> requests, Map<Long, Long> versions,
            BiFunction<Map<Long, R>, Map<Long, Long>, List<Long>> check) {
        return new HashSet<>(inChunks(requests.keySet(), ids -> {
            List<Long> same = check.apply(ids.stream().collect(Collectors.toMap(Function.identity(), requests::get)),
                    ids.stream().collect(Collectors.toMap(Function.identity(), versions::get)));
            entityManager.clear();
            return same;
        }));
    }

    private interface Writer<T> {
        /** Writes one item: true if created, false if updated, null if unchanged (or skipped). */
        Boolean write(Located<T> item, int index);
    }

    private <T> ImportResult.Counts writeAll(List<Located<T>> items, List<Violation> violations, int[] written,
            Writer<T> writer) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < items.size(); i++) {
            Located<T> item = items.get(i);
            try {
                Boolean outcome = writer.write(item, i);
                if (outcome == null) {
                    unchanged++;
                } else if (outcome) {
                    created++;
                } else {
                    updated++;
                }
            } catch (ProblemException e) {
                violations.addAll(e.violationsAt(item.at()));
            }
            if (++written[0] % CLEAR_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        return new ImportResult.Counts(created, updated, unchanged);
    }

    /** Creates the record, or updates it; true if created, false if changed, null if already as given. */
    private static Boolean upsert(Slot slot, LongSupplier create, java.util.function.LongUnaryOperator update) {
        if (slot.id == null) {
            slot.id = create.getAsLong();
            return Boolean.TRUE;
        }
        return update(slot, update);
    }

    /** Updates a stored record; false if changed, null if already as given. */
    private static Boolean update(Slot slot, java.util.function.LongUnaryOperator update) {
        return update.applyAsLong(slot.id) == slot.versionBefore ? null : Boolean.FALSE;
    }

    private static List<TopicRef> refs(List<TopicRef> refs) {
        return refs == null ? List.of() : refs;
    }

    /** Looks keys up {@value #IN_LIST} at a time. */
    private static <K, R> List<R> inChunks(Collection<K> keys, Function<List<K>, List<R>> lookup) {
        List<K> all = new ArrayList<>(keys);
        List<R> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            found.addAll(lookup.apply(all.subList(from, Math.min(all.size(), from + IN_LIST))));
        }
        return found;
    }
}
