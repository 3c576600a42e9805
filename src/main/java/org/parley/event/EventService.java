package org.parley.event;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.code.CameoCode;
import org.parley.code.CameoCodes;
import org.parley.history.History;
import org.parley.history.Revision;
import org.parley.participant.Participant;
import org.parley.participant.ParticipantRenamed;
import org.parley.participant.ParticipantService;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.statement.Statement;
import org.parley.statement.StatementRepository;
import org.parley.statement.StatementResponse;
import org.parley.report.ReportService;
import org.parley.store.DataGeneration;
import org.parley.store.Documents;
import org.parley.store.ListCache;
import org.parley.store.Page;
import org.parley.store.PageRequest;
import org.parley.store.Record;
import org.parley.store.Rendered;
import org.parley.topic.Topic;
import org.parley.topic.TopicService;
import org.parley.web.Paging;
import org.parley.web.RecordService;

@ApplicationScoped
@Transactional
public class EventService implements RecordService<Event, EventRequest, EventResponse> {

    static final int EXPORT_BATCH = 1000;

    private final EventRepository events;
    private final StatementRepository statements;
    private final ParticipantService participants;
    private final TopicService topics;
    private final EventWords eventWords;
    private final CameoCodes cameoCodes;
    private final EventCountries eventCountries;
    private final DataGeneration generation;
    private final ListCache lists;
    private final Documents documents;
    private final History history;
    private final ReportService reports;

    public EventService(EventRepository events, StatementRepository statements, ParticipantService participants,
            TopicService topics, EventWords eventWords, CameoCodes cameoCodes, EventCountries eventCountries,
            DataGeneration generation, ListCache lists, Documents documents, History history, ReportService reports) {
        this.reports = reports;
        this.history = history;
        this.documents = documents;
        this.lists = lists;
        this.generation = generation;
        this.cameoCodes = cameoCodes;
        this.eventCountries = eventCountries;
        this.events = events;
        this.statements = statements;
        this.participants = participants;
        this.topics = topics;
        this.eventWords = eventWords;
    }

    /** One page of events as lists show them: their stored documents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Rendered<EventResponse>> list(EventQuery query, Sort sort, PageRequest request) {
        Page<Long> page = Paging.fetchIds(lists, events, "Event", events.filter(query), sort, request);
        return page.with(documents.of(Documents.Kind.EVENT, page.items(), this::responses));
    }

    /** One event with its statements in order: its full document, one row; without one, {@link #assemble}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Rendered<EventResponse> read(long id) {
        byte[] full = documents.find(Documents.Kind.EVENT_FULL, List.of(id)).get(id);
        return full != null ? new Rendered<>(full) : assemble(id);
    }

    /**
     * One event with its statements in order, put together from their own stored documents (in one query) or from
     * their tables: what its full document holds.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Rendered<EventResponse> assemble(long id) {
        List<Object[]> rows = events.documentsWithStatements(id);
        boolean stored = !rows.isEmpty() && ((Number) rows.get(0)[0]).intValue() == 0;
        Rendered<EventResponse> event = stored ? new Rendered<>((byte[]) rows.get(0)[3])
                : documents.render(EventResponse.from(get(id)));
        List<Object[]> idsAndDocuments = rows.subList(stored ? 1 : 0, rows.size()).stream()
                .map(row -> new Object[] {row[2], row[3]}).toList();
        List<Rendered<StatementResponse>> said = documents.of(idsAndDocuments,
                missing -> StatementResponse.byId(statements.list("id in ?1", missing)));
        return event.with("statements", said);
    }

    /** The event with its statements as they stood at {@code at}, from their revisions. */
    @Transactional
    public History.Snapshot<Rendered<EventResponse>> readAsOf(long id, Instant at) {
        Revision revision = history.revisionAt(at, "Event", id);
        Event event = history.find(Event.class, "Event", id, revision, at);
        List<StatementResponse> said = history.related(Statement.class, "event", id, revision, "position", "id")
                .stream().map(StatementResponse::from).toList();
        return new History.Snapshot<>(documents.render(EventResponse.from(event, said)), revision);
    }

    /** The events with these ids, rendered from their tables: for those without a stored document. */
    private Map<Long, EventResponse> responses(List<Long> ids) {
        return EventResponse.byId(events.list("id in ?1", ids));
    }

    /** Every event matching the query as its stored document, in batches of {@value #EXPORT_BATCH}, for exports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void exportDocuments(EventQuery query, Sort sort, Consumer<List<Rendered<EventResponse>>> sink) {
        Paging.forEachIdBatch(events.getEntityManager(), "Event", events.filter(query), sort, EXPORT_BATCH,
                ids -> sink.accept(documents.of(Documents.Kind.EVENT, ids, this::responses)));
    }

    /** Every event matching the query, in batches of {@value #EXPORT_BATCH}, for exports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void export(EventQuery query, Sort sort, Consumer<List<Event>> sink) {
        Paging.forEachBatch(events, "Event", events.filter(query), sort, EXPORT_BATCH, sink);
    }

    /** The events with these external ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> findByExternalIds(List<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : events.list("externalId in ?1", externalIds);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Event get(long id) {
        return events.findWithParticipants(id).orElseThrow(() -> ProblemException.notFound("Event", id));
    }

    @Override
    public Event create(EventRequest request) {
        requireFreeExternalId(request.externalId(), null);
        Event event = createAll(List.of(request), (i, problem) -> {
            throw problem;
        }).get(0);
        reports.keep(Source.texts(request.sources()));
        generation.advance();
        recordCreated(List.of(event.id));
        return event;
    }

    /**
     * Creates events: their participants and topics looked up once for all, their rows, links, countries, words and
     * documents written set-based ({@link EventRepository#insertAll}). Leaves to its caller what a write does once
     * for many events: checking that external ids are free, advancing the data generation, and then
     * {@link #recordCreated}. Returns the events in the order of the requests; a request that fails is reported to
     * {@code failed} with its index, and is null.
     */
    public List<Event> createAll(List<EventRequest> requests, BiConsumer<Integer, ProblemException> failed) {
        events.flush(); // the participants and topics the events refer to are rows before they are
        References references = references(requests);
        // as Hibernate would set them, to the precision the database keeps
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Event> made = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Event event = new Event();
            try {
                apply(requests.get(i), event, references);
            } catch (ProblemException e) {
                failed.accept(i, e);
                made.add(null);
                continue;
            }
            event.createdAt = now;
            event.updatedAt = now;
            made.add(event);
        }
        List<Event> created = made.stream().filter(Objects::nonNull).toList();
        events.insertAll(created);
        eventCountries.indexAll(created);
        eventWords.index(created);
        Map<Long, Documents.Document> rendered = new HashMap<>();
        created.forEach(e -> rendered.put(e.id, documents.document(Documents.Kind.EVENT, EventResponse.from(e), null)));
        documents.storeNew(Documents.Kind.EVENT, rendered);
        return made;
    }

    /**
     * Records the creation of events {@link #createAll} wrote in the history, in the revision of the current
     * transaction; called last in the transaction, after the data generation advanced.
     */
    public void recordCreated(List<Long> ids) {
        if (!ids.isEmpty()) {
            long revision = history.currentRevision();
            history.recordCreated(revision, "event", "id", ids);
            for (String table : List.of("event_participant", "event_subject_country", "event_topic", "event_source")) {
                history.recordCreated(revision, table, "event_id", ids);
            }
        }
    }

    /**
     * Those of these stored events (by id, with the request for each, at these versions) that are already as their
     * request would make them, in a few queries: a bulk import leaves them alone instead of locking and comparing
     * each in turn. Each is compared with its stored document (an event changed since the versions given is not
     * among them). A request that would fail is not among them; an update reports it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> alreadyAsRequested(Map<Long, EventRequest> requests, Map<Long, Long> versions) {
        References references = references(requests.values());
        return documents.unchanged(Documents.Kind.EVENT, versions, ids -> events.list("id in ?1", ids),
                EventResponse::from, stamp -> {
                    Event made = Record.remade(stamp, new Event(), e -> apply(requests.get(stamp.id()), e,
                            references));
                    return made == null ? null : EventResponse.from(made);
                });
    }

    /** The participants and topics that events name, looked up at once. */
    private record References(Map<Long, Participant> people, Map<String, Topic> topics) {
    }

    private References references(Collection<EventRequest> requests) {
        List<Long> ids = requests.stream().flatMap(r -> r.participants().stream())
                .map(EventParticipantRef::participantId).distinct().toList();
        Map<Long, Participant> people = participants.findAll(ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return new References(people, topics.named(requests.stream().map(EventRequest::topics)));
    }

    /**
     * Replaces the event with what {@code change} makes of it as it stands (its representation as a read sends it,
     * where {@code change} checks the request's preconditions). The event is locked before it is read, so a
     * precondition that held still holds when the change commits.
     */
    @Override
    public Event update(long id, Function<Rendered<EventResponse>, EventRequest> change) {
        documents.lock(Documents.Kind.EVENT, List.of(id));
        Event event = get(id);
        EventRequest request = change.apply(read(id));
        event.expectVersion(request.version());
        requireFreeExternalId(request.externalId(), event.id);
        LocalDate dateBefore = event.eventDate;
        EventType typeBefore = event.type;
        Map<String, String> hashesBefore = event.textSha256ByUrl();
        EventResponse before = EventResponse.from(event);
        apply(request, event);
        reports.keep(Source.texts(request.sources()));
        if (before.equals(EventResponse.from(event))) {
            return event; // the same as stored: no new version, no revision
        }
        // a change inside a participant link (a role) is not a change of the event's row: make it one
        event.updatedAt = Instant.now();
        events.flush();
        if (!dateBefore.equals(event.eventDate)) {
            statements.copyEventDate(event);
        }
        // the CSV rows of statements show their event's date and type
        if (!dateBefore.equals(event.eventDate) || typeBefore != event.type) {
            documents.drop(Documents.Kind.STATEMENT, "select id from statement where event_id = ?1", event.id);
        }
        touchCitingStatements(event, hashesBefore);
        eventWords.index(List.of(event));
        eventCountries.index(event);
        documents.store(Documents.Kind.EVENT, event.id, EventResponse.from(event), null);
        generation.advance();
        return event;
    }

    /**
     * Statements show the hash of the report text of the source they cite ({@code sourceSha256}): those citing a url
     * whose hash this write changed (given, altered, removed, or the source gone) get a new version and revision, as
     * the statements of a renamed speaker do, and their documents are rendered again.
     */
    private void touchCitingStatements(Event event, Map<String, String> hashesBefore) {
        Map<String, String> hashesAfter = event.textSha256ByUrl();
        Set<String> changed = new HashSet<>(hashesBefore.keySet());
        changed.addAll(hashesAfter.keySet());
        changed.removeIf(url -> Objects.equals(hashesBefore.get(url), hashesAfter.get(url)));
        List<Long> citing = statements.citing(event, changed);
        if (!citing.isEmpty()) {
            history.touch("select s from Statement s where s.id in ?1", citing);
            documents.drop(Documents.Kind.STATEMENT, "?1", citing);
        }
    }

    /** Deletes the event and its statements if {@code precondition} accepts it as it stands (locked). */
    @Override
    public void delete(long id, Consumer<Rendered<EventResponse>> precondition) {
        documents.lock(Documents.Kind.EVENT, List.of(id));
        Event event = get(id);
        precondition.accept(read(id));
        eventWords.forget(event);
        statements.deleteForEvent(event);
        events.delete(event);
        events.flush();
        generation.advance();
    }

    private void apply(EventRequest request, Event event) {
        apply(request, event, references(List.of(request)));
    }

    private void apply(EventRequest request, Event event, References references) {
        List<Violation> violations = new ArrayList<>();
        Map<Long, Participant> people = resolveParticipants(request.participants(), violations, references.people());
        Set<Topic> resolvedTopics = TopicService.resolve("topics", request.topics(), violations, references.topics());
        String cameoCode = request.cameoCode() != null ? request.cameoCode() : request.type().defaultCameoCode();
        Optional<CameoCode> cameo = cameoCodes.find(cameoCode);
        if (cameo.isEmpty()) {
            violations.add(Violation.body("cameoCode",
                    "'" + cameoCode + "' is not in the CAMEO codebook; see /api/v1/codes/cameo"));
        }
        if (request.endDate() != null && request.endDate().isBefore(request.date())) {
            violations.add(Violation.body("endDate", "must not be before date " + request.date()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (event.id != null) {
            for (EventParticipant link : event.participants) {
                if (!people.containsKey(link.participant.id) && statements.speaksAt(event, link.participant.id)) {
                    throw ProblemException.conflict("Participant " + link.participant.id + " (" + link.participant.name
                            + ") speaks in statements of this event; delete or reassign those statements first");
                }
            }
        }
        event.title = request.title().trim();
        event.type = request.type();
        event.eventDate = request.date();
        event.summary = request.summary();
        // an embedded value written is dirty even when equal (enhanced dirty tracking): write only a change
        EventLocation location = toLocation(request.location());
        if (!Objects.equals(Location.from(event.location), Location.from(location))) {
            event.location = location;
        }
        event.cameoCode = cameoCode;
        event.goldstein = request.goldstein() != null ? request.goldstein() : cameo.get().goldstein();
        event.status = request.status() != null ? request.status() : EventStatus.HELD;
        event.endDate = request.endDate();
        event.datePrecision = request.datePrecision() != null ? request.datePrecision() : DatePrecision.DAY;
        boolean defaultPlover = request.ploverType() == null && request.ploverMode() == null;
        event.ploverType = defaultPlover ? request.type().defaultPloverType() : request.ploverType();
        event.ploverMode = defaultPlover ? request.type().defaultPloverMode() : request.ploverMode();
        setParticipants(event, request.participants(), people);
        event.externalId = request.externalId();
        Record.setContent(event.subjectCountries,
                request.subjectCountries() == null ? List.of() : request.subjectCountries());
        Record.setContent(event.topics, resolvedTopics);
        Record.setContent(event.sources, request.sources() == null ? List.of()
                : request.sources().stream().map(Source::toEmbeddable).toList());
    }

    private void requireFreeExternalId(String externalId, Long ownId) {
        if (externalId != null) {
            events.find("externalId", externalId).<Event>firstResultOptional()
                    .filter(other -> !other.id.equals(ownId)).ifPresent(other -> {
                        throw ProblemException.conflict("Event " + other.id + " already has the external id '"
                                + externalId + "'");
                    });
        }
    }

    /** Looks every participant up at once; unknown or repeated ids are violations naming their index. */
    private static Map<Long, Participant> resolveParticipants(List<EventParticipantRef> refs,
            List<Violation> violations, Map<Long, Participant> known) {
        Map<Long, Participant> found = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            Long id = refs.get(i).participantId();
            String field = "participants[" + i + "].participantId";
            if (!known.containsKey(id)) {
                violations.add(Violation.body(field, "participant " + id + " does not exist"));
            } else if (!seen.add(id)) {
                violations.add(Violation.body(field, "participant " + id + " is listed more than once"));
            } else {
                found.put(id, known.get(id));
            }
        }
        return found;
    }

    /**
     * Updates the participant links in place: kept participants keep their row, so that replacing an event never
     * deletes and re-inserts the same (event, participant) pair within one flush.
     */
    private static void setParticipants(Event event, List<EventParticipantRef> refs, Map<Long, Participant> people) {
        Map<Long, EventParticipant> existing = new HashMap<>();
        event.participants.forEach(link -> existing.put(link.participant.id, link));
        List<EventParticipant> ordered = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            EventParticipantRef ref = refs.get(i);
            EventParticipant link = existing.remove(ref.participantId());
            if (link == null) {
                link = new EventParticipant();
                link.event = event;
                link.participant = people.get(ref.participantId());
            }
            link.role = ref.role();
            link.position = i;
            ordered.add(link);
        }
        Record.setContent(event.participants, ordered);
    }

    private static EventLocation toLocation(Location location) {
        if (location == null) {
            return null;
        }
        EventLocation stored = new EventLocation();
        stored.country = location.country();
        stored.city = location.city();
        return stored;
    }

    /**
     * Events show their participants' names and countries: they change with a renamed participant, get a revision
     * of their own, and are rendered again. Runs in the transaction of the rename, before the statements follow.
     */
    void onParticipantRenamed(@Observes @Priority(1) ParticipantRenamed renamed) {
        if (renamed.countryChanged()) {
            eventCountries.indexEventsOf(renamed.id());
        }
        history.touch("select distinct link.event from EventParticipant link where link.participant.id = ?1",
                renamed.id());
        documents.drop(Documents.Kind.EVENT, "select event_id from event_participant where participant_id = ?1",
                renamed.id());
    }
}
