package org.parley.topic;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.history.History;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.store.DataGeneration;
import org.parley.store.Documents;
import org.parley.store.ListCache;
import org.parley.store.Page;
import org.parley.store.PageRequest;
import org.parley.store.Record;
import org.parley.store.Rendered;
import org.parley.web.Paging;
import org.parley.web.RecordService;

@ApplicationScoped
@Transactional
public class TopicService implements RecordService<Topic, TopicRequest, TopicResponse> {

    private final TopicRepository topics;
    private final DataGeneration generation;
    private final ListCache lists;
    private final Documents documents;
    private final History history;

    public TopicService(TopicRepository topics, DataGeneration generation, ListCache lists, Documents documents,
            History history) {
        this.history = history;
        this.documents = documents;
        this.lists = lists;
        this.topics = topics;
        this.generation = generation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Topic> search(String q, Sort sort, PageRequest request) {
        return Paging.fetch(lists, topics, "Topic", topics.filter(q), sort, request);
    }

    /** The topic as a read sends it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Rendered<TopicResponse> read(long id) {
        return rendered(get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Topic get(long id) {
        return topics.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Topic", id));
    }

    private Rendered<TopicResponse> rendered(Topic topic) {
        return documents.render(TopicResponse.from(topic));
    }

    /** The topic, locked until the transaction ends. */
    private Topic locked(long id) {
        return topics.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Topic", id));
    }

    @Override
    public Topic create(TopicRequest request) {
        requireFreeSlug(request.slug(), null);
        Topic topic = new Topic();
        apply(request, topic);
        topics.persistAndFlush(topic);
        generation.advance();
        return topic;
    }

    /**
     * Replaces the topic with what {@code change} makes of it as it stands (its representation as a read sends it,
     * where {@code change} checks the request's preconditions). The topic is locked before it is read, so a
     * precondition that held still holds when the change commits.
     */
    @Override
    public Topic update(long id, Function<Rendered<TopicResponse>, TopicRequest> change) {
        Topic topic = locked(id);
        TopicRequest request = change.apply(rendered(topic));
        topic.expectVersion(request.version());
        requireFreeSlug(request.slug(), topic.id);
        String shownBefore = topic.slug + "\n" + topic.name;
        TopicResponse before = TopicResponse.from(topic);
        apply(request, topic);
        if (before.equals(TopicResponse.from(topic))) {
            return topic; // the same as stored: no new version, no revision
        }
        topics.flush();
        // events and statements show their topics' slugs and names: they change with the topic, get a revision of
        // their own, and are rendered again
        if (!shownBefore.equals(topic.slug + "\n" + topic.name)) {
            history.touch("select e from Event e join e.topics t where t.id = ?1", id);
            history.touch("select s from Statement s join s.topics t where t.id = ?1", id);
            documents.drop(Documents.Kind.EVENT, "select event_id from event_topic where topic_id = ?1", topic.id);
            documents.drop(Documents.Kind.STATEMENT, "select statement_id from statement_topic where topic_id = ?1",
                    topic.id);
        }
        generation.advance();
        return topic;
    }

    /** The topics with these slugs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Topic> findBySlugs(List<String> slugs) {
        return topics.findBySlugs(slugs);
    }

    /** Deletes the topic if {@code precondition} accepts it as it stands (locked, as for an update). */
    @Override
    public void delete(long id, Consumer<Rendered<TopicResponse>> precondition) {
        Topic topic = locked(id);
        precondition.accept(rendered(topic));
        if (topics.isReferenced(topic)) {
            throw ProblemException.conflict("Topic '" + topic.slug + "' is still used by events or statements;"
                    + " remove it from them first");
        }
        topics.delete(topic);
        topics.flush();
        generation.advance();
    }

    /**
     * Resolves topic references by slug, without duplicates and in slug order: the order in which a record lists its
     * topics once loaded ({@code @OrderBy("slug")}), so that a record just written shows them the same way. Unknown
     * slugs are 400 violations named {@code field[i].slug}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Topic> resolve(String field, List<TopicRef> refs, List<Violation> violations) {
        return resolve(field, refs, violations, named(Stream.of(refs)));
    }

    /** The topics that these lists of references (each may be null) name, by slug, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Topic> named(Stream<List<TopicRef>> refs) {
        Set<String> slugs = refs.filter(Objects::nonNull).flatMap(List::stream).map(TopicRef::slug)
                .collect(Collectors.toSet());
        return topics.findBySlugs(slugs).stream().collect(Collectors.toMap(t -> t.slug, Function.identity()));
    }

    /** Resolves topic references as {@link #resolve(String, List, List)} does, among topics already looked up. */
    public static Set<Topic> resolve(String field, List<TopicRef> refs, List<Violation> violations,
            Map<String, Topic> bySlug) {
        if (refs == null || refs.isEmpty()) {
            return new LinkedHashSet<>();
        }
        Set<Topic> resolved = new TreeSet<>(); // in slug order (Topic's natural order)
        for (int i = 0; i < refs.size(); i++) {
            Topic topic = bySlug.get(refs.get(i).slug());
            if (topic == null) {
                violations.add(Violation.body(field + "[" + i + "]", "unknown topic '" + refs.get(i).slug()
                        + "'; create it with POST /api/v1/topics first"));
            } else {
                resolved.add(topic);
            }
        }
        return resolved;
    }

    private void requireFreeSlug(String slug, Long ownId) {
        topics.findBySlug(slug).filter(other -> !other.id.equals(ownId)).ifPresent(other -> {
            throw ProblemException.conflict("A topic with slug '" + slug + "' already exists (id " + other.id + ")");
        });
    }

    private static void apply(TopicRequest request, Topic topic) {
        topic.slug = request.slug();
        topic.name = request.name().trim();
        topic.description = request.description();
        Record.setContent(topic.aliases, request.aliases() == null ? List.of()
                : request.aliases().stream().map(String::trim).distinct().toList());
    }
}
