package org.parley.statement;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.parley.event.Event;
import org.parley.event.EventRepository;
import org.parley.history.History;
import org.parley.history.Revision;
import org.parley.participant.Participant;
import org.parley.participant.ParticipantRenamed;
import org.parley.participant.ParticipantRepository;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.search.SearchIndex;
import org.parley.search.SearchTerms;
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
public class StatementService implements RecordService<Statement, StatementRequest, StatementResponse> {

    static final int EXPORT_BATCH = 1000;
    static final int ROW_BATCH = 5000;
    /**
     * The columns of {@link StatementRow}, in its order. The event type, the speaker's name, the topic slugs and the
     * cited source's hash come from subqueries by key rather than joins: then H2 too walks the statements in index
     * order, where with joins it starts from the participants and sorts every statement for each batch.
     */
    private static final String ROW_FIELDS = "r.id, event.id, eventDate,"
            + " (select e.type from Event e where e.id = r.event.id), speaker.id,"
            + " (select p.name from Participant p where p.id = r.speaker.id),"
            + " speakerCountry, language, kind, position, (select listagg(t.slug, '; ') within group (order by t.slug)"
            + " from StatementTopic st join Topic t on t.id = st.topicId where st.statementId = r.id),"
            + " text, translation, sourceUrl, spanStart, spanEnd, (select min(src.textSha256) from Event e"
            + " join e.sources src where e.id = r.event.id and src.url = r.sourceUrl)";

    private final StatementRepository statements;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final TopicService topics;
    private final SearchIndex searchIndex;
    private final DataGeneration generation;
    private final ListCache lists;
    private final Documents documents;
    private final History history;

    public StatementService(StatementRepository statements, EventRepository events,
            ParticipantRepository participants, TopicService topics, SearchIndex searchIndex,
            DataGeneration generation, ListCache lists, Documents documents, History history) {
        this.history = history;
        this.documents = documents;
        this.lists = lists;
        this.generation = generation;
        this.statements = statements;
        this.events = events;
        this.participants = participants;
        this.topics = topics;
        this.searchIndex = searchIndex;
    }

    /** One page of statements as lists show them: their stored documents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Rendered<StatementResponse>> list(StatementQuery query, Sort sort, PageRequest request) {
        Page<Long> page = Paging.fetchIds(lists, statements, "Statement", statements.filter(query), sort, request);
        return page.with(documents.of(Documents.Kind.STATEMENT, page.items(), this::responses));
    }

    /** One statement from its stored document, else rendered now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Rendered<StatementResponse> read(long id) {
        byte[] stored = documents.find(Documents.Kind.STATEMENT, List.of(id)).get(id);
        return stored != null ? new Rendered<>(stored) : documents.render(StatementResponse.from(get(id)));
    }

    /** The statement as it stood at {@code at}, from its revisions. */
    @Transactional
    public History.Snapshot<Rendered<StatementResponse>> readAsOf(long id, Instant at) {
        Revision revision = history.revisionAt(at, "Statement", id);
        Statement statement = history.find(Statement.class, "Statement", id, revision, at);
        return new History.Snapshot<>(documents.render(StatementResponse.from(statement)), revision);
    }

    /** The statements with these ids, rendered from their tables: for those without a stored document. */
    private Map<Long, StatementResponse> responses(List<Long> ids) {
        return StatementResponse.byId(statements.list("id in ?1", ids));
    }

    /** The CSV rows of the statements with these ids, made from their tables: for those without a stored row. */
    private Map<Long, StatementRow> rows(List<Long> ids) {
        return StatementRow.byId(statements.list("id in ?1", ids));
    }

    /** Every statement matching the query as its stored document, in batches of {@value #EXPORT_BATCH}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void exportDocuments(StatementQuery query, Sort sort, Consumer<List<Rendered<StatementResponse>>> sink) {
        Paging.forEachIdBatch(statements.getEntityManager(), "Statement", statements.filter(query), sort,
                EXPORT_BATCH, ids -> sink.accept(documents.of(Documents.Kind.STATEMENT, ids, this::responses)));
    }

    /** Every statement matching the query as its stored CSV row, in batches of {@value #EXPORT_BATCH}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void exportStoredRows(StatementQuery query, Sort sort, Consumer<List<byte[]>> sink) {
        Paging.forEachIdBatch(statements.getEntityManager(), "Statement", statements.filter(query), sort,
                EXPORT_BATCH, ids -> sink.accept(documents.rows(Documents.Kind.STATEMENT, ids, this::rows)));
    }

    /**
     * Every statement matching the query as CSV rows of the chosen columns, in batches of {@value #ROW_BATCH}: one
     * projection query per batch, several times faster than loading the statements, their speakers, events and
     * topics as entities.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void exportRows(StatementQuery query, Sort sort, Consumer<List<StatementRow>> sink) {
        Paging.forEachRowBatch(statements.getEntityManager(), "Statement", ROW_FIELDS, statements.filter(query),
                sort, ROW_BATCH, rows -> sink.accept(rows.stream().map(StatementRow::of).toList()));
    }

    /** Id, event id, position and version of every statement of these events. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> placesOf(List<Long> eventIds) {
        return eventIds.isEmpty() ? List.of() : statements.getEntityManager().createQuery(
                "select s.id, s.event.id, s.position, s.version from Statement s where s.event.id in ?1",
                Object[].class).setParameter(1, eventIds).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statement get(long id) {
        return statements.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Statement", id));
    }

    @Override
    public Statement create(StatementRequest request) {
        // the event first, as every writer of it or of its statements locks it first: two writers never hold one
        // each of the rows the other needs (its row, its statements), and positions are counted one writer at a time
        documents.lock(Documents.Kind.EVENT, List.of(request.eventId()));
        Statement statement = new Statement();
        apply(request, statement);
        statements.persist(statement);
        index(statement);
        documents.store(Documents.Kind.STATEMENT, statement.id, StatementResponse.from(statement),
                StatementRow.from(statement));
        generation.advance();
        return statement;
    }

    /**
     * Creates many statements as {@link #create} creates one, but with their references looked up in a few queries
     * and their rows, topics, words and documents written set-based, many rows a statement; their history is left to
     * {@link #recordCreated}, once the writing transaction is at its end, and advancing the data generation to the
     * caller.
     * Every request gives its position. Returns the statements in the order of the requests; a request that fails
     * is reported to {@code failed} with its index, and is null.
     */
    public List<Statement> createAll(List<StatementRequest> requests, BiConsumer<Integer, ProblemException> failed) {
        statements.flush(); // the events and participants the statements refer to are rows before they are
        documents.lock(Documents.Kind.EVENT, requests.stream().map(StatementRequest::eventId)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, Topic> topicsBySlug = loadReferences(requests);
        // as Hibernate would set them, to the precision the database keeps
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Statement> made = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            StatementRequest request = Objects.requireNonNull(requests.get(i));
            Objects.requireNonNull(request.position(), "a statement created in bulk needs its position");
            Statement statement = new Statement();
            try {
                apply(request, statement, topicsBySlug);
            } catch (ProblemException e) {
                failed.accept(i, e);
                made.add(null);
                continue;
            }
            statement.createdAt = now;
            statement.updatedAt = now;
            made.add(statement);
        }
        List<Statement> created = made.stream().filter(Objects::nonNull).toList();
        List<SearchTerms.Indexed> entries = created.stream().map(StatementService::words).toList();
        statements.insertAll(created, searchIndex.statementColumns(entries));
        Map<Long, SearchTerms.Indexed> entriesById = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            entriesById.put(created.get(i).id, entries.get(i));
        }
        searchIndex.indexNewStatements(entriesById);
        Map<Long, Documents.Document> rendered = new HashMap<>();
        created.forEach(s -> rendered.put(s.id, documents.document(Documents.Kind.STATEMENT,
                StatementResponse.from(s), StatementRow.from(s))));
        documents.storeNew(Documents.Kind.STATEMENT, rendered);
        return made;
    }

    /**
     * Those of these stored statements (by id, with the request for each, at these versions) that are already as
     * their request would make them, in a few queries: a bulk import leaves them alone instead of locking and
     * comparing each in turn. Each is compared with its stored document rather than loaded with its topics (a
     * statement changed since the versions given is not among them). A request that would fail is not among them;
     * an update reports it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> alreadyAsRequested(Map<Long, StatementRequest> requests, Map<Long, Long> versions) {
        Map<String, Topic> topicsBySlug = loadReferences(requests.values());
        return documents.unchanged(Documents.Kind.STATEMENT, versions, ids -> statements.list("id in ?1", ids),
                StatementResponse::from, stamp -> {
                    StatementRequest request = requests.get(stamp.id());
                    if (request.position() == null) {
                        return null; // moves it to the end unless it is there: for an update to decide
                    }
                    Statement made = Record.remade(stamp, new Statement(), s -> apply(request, s, topicsBySlug));
                    return made == null ? null : StatementResponse.from(made);
                });
    }

    /**
     * Loads the events and speakers of these requests into the persistence context, where {@link #apply} finds them
     * without a query each, and returns their topics by slug.
     */
    private Map<String, Topic> loadReferences(Collection<StatementRequest> requests) {
        events.list("id in ?1", requests.stream().map(StatementRequest::eventId).distinct().toList());
        participants.list("id in ?1", requests.stream().map(StatementRequest::speakerId).distinct().toList());
        return topics.named(requests.stream().map(StatementRequest::topics));
    }

    /**
     * Records the creation of statements {@link #createAll} wrote in the history, in the revision of the current
     * transaction; called last in the transaction, after the data generation advanced.
     */
    public void recordCreated(List<Long> ids) {
        if (!ids.isEmpty()) {
            long revision = history.currentRevision();
            history.recordCreated(revision, "statement", "id", ids);
            history.recordCreated(revision, "statement_topic", "statement_id", ids);
        }
    }

    /** Indexes these statements anew: for a search index rebuilt after its analysis changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(List<Long> ids) {
        searchIndex.indexStatements(words(statements.list("id in ?1", ids)));
    }

    /**
     * Replaces the statement with what {@code change} makes of it as it stands (its representation as a read sends it,
     * where {@code change} checks the request's preconditions). The statement is locked before it is read, so a
     * precondition that held still holds when the change commits.
     */
    @Override
    public Statement update(long id, Function<Rendered<StatementResponse>, StatementRequest> change) {
        documents.lock(Documents.Kind.STATEMENT, List.of(id));
        Statement statement = get(id);
        StatementRequest request = change.apply(read(id));
        if (!statement.event.id.equals(request.eventId())) {
            documents.lock(Documents.Kind.EVENT, List.of(request.eventId())); // moving to it: positions change
        }
        statement.expectVersion(request.version());
        StatementResponse shown = StatementResponse.from(statement);
        apply(request, statement);
        if (shown.equals(StatementResponse.from(statement))) {
            return statement; // the same as stored: no new version, no revision
        }
        statements.flush();
        index(statement);
        documents.store(Documents.Kind.STATEMENT, statement.id, StatementResponse.from(statement),
                StatementRow.from(statement));
        generation.advance();
        return statement;
    }

    /** Deletes the statement if {@code precondition} accepts it as it stands (locked, as for an update). */
    @Override
    public void delete(long id, Consumer<Rendered<StatementResponse>> precondition) {
        documents.lock(Documents.Kind.STATEMENT, List.of(id));
        Statement statement = get(id);
        precondition.accept(read(id));
        searchIndex.forgetStatements(List.of(id));
        statements.delete(statement);
        statements.flush();
        generation.advance();
    }

    /** Checks the references (event, speaker who took part in it, topics, source) and copies the request over. */
    private void apply(StatementRequest request, Statement statement) {
        apply(request, statement, topics.named(Stream.of(request.topics())));
    }

    private void apply(StatementRequest request, Statement statement, Map<String, Topic> topicsBySlug) {
        List<Violation> violations = new ArrayList<>();
        Event event = events.findById(request.eventId());
        Participant speaker = participants.findById(request.speakerId());
        if (event == null) {
            violations.add(Violation.body("eventId", "event " + request.eventId() + " does not exist"));
        }
        if (speaker == null) {
            violations.add(Violation.body("speakerId", "participant " + request.speakerId() + " does not exist"));
        } else if (event != null && !event.hasParticipant(speaker.id)) {
            violations.add(Violation.body("speakerId", "participant " + speaker.id + " (" + speaker.name
                    + ") is not a participant of event " + event.id + "; add them to the event first"));
        }
        if (event != null && request.sourceUrl() != null && !event.hasSource(request.sourceUrl())) {
            violations.add(Violation.body("sourceUrl", "must be the url of one of the sources of event " + event.id));
        }
        Set<Topic> resolvedTopics = TopicService.resolve("topics", request.topics(), violations, topicsBySlug);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        boolean moved = statement.event != null && !statement.event.id.equals(event.id);
        if (request.position() != null) {
            statement.position = request.position();
        } else if (statement.id == null || moved) {
            // before the statement changes: the query flushes, and must not count the statement itself
            statement.position = statements.nextPosition(event);
        }
        statement.event = event;
        statement.speaker = speaker;
        statement.eventDate = event.eventDate;
        statement.speakerCountry = speaker.country;
        statement.text = request.text().strip();
        statement.language = request.language();
        statement.translation = request.translation();
        statement.kind = request.kind();
        Record.setContent(statement.topics, resolvedTopics);
        statement.sourceUrl = request.sourceUrl();
        statement.spanStart = request.span() == null ? null : request.span().start();
        statement.spanEnd = request.span() == null ? null : request.span().end();
    }

    /**
     * Statements show their speaker's name and (in CSV) country: they change with a renamed participant, get a
     * revision of their own, and are rendered again. The country is copied before the statements are touched, so
     * that the touched statements are read with it.
     */
    void onParticipantRenamed(@Observes @Priority(2) ParticipantRenamed renamed) {
        if (renamed.countryChanged()) {
            statements.copySpeakerCountry(renamed.id(), renamed.country());
        }
        history.touch("select s from Statement s where s.speaker.id = ?1", renamed.id());
        documents.drop(Documents.Kind.STATEMENT, "select id from statement where speaker_id = ?1", renamed.id());
    }

    /** Indexes a statement anew. */
    private void index(Statement statement) {
        searchIndex.indexStatements(words(List.of(statement)));
    }

    /** The index entries of statements, by id (see {@link #words(Statement)}). */
    private static Map<Long, SearchTerms.Indexed> words(Collection<Statement> statements) {
        Map<Long, SearchTerms.Indexed> words = new HashMap<>();
        statements.forEach(statement -> words.put(statement.id, words(statement)));
        return words;
    }

    /** A statement's words are those of its text, in its language, and of its English translation. */
    private static SearchTerms.Indexed words(Statement statement) {
        return SearchTerms.index(SearchTerms.translated(statement.text, statement.language, statement.translation));
    }
}
