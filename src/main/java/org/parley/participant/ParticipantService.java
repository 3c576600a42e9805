package org.parley.participant;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.history.History;
import org.parley.problem.ProblemException;
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
public class ParticipantService implements RecordService<Participant, ParticipantRequest, ParticipantResponse> {

    private final ParticipantRepository participants;
    private final Event<ParticipantRenamed> renamed;
    private final DataGeneration generation;
    private final ListCache lists;
    private final Documents documents;
    private final History history;

    public ParticipantService(ParticipantRepository participants, Event<ParticipantRenamed> renamed,
            DataGeneration generation, ListCache lists, Documents documents, History history) {
        this.history = history;
        this.documents = documents;
        this.lists = lists;
        this.generation = generation;
        this.participants = participants;
        this.renamed = renamed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Participant> search(String country, ParticipantKind kind, String q, Sort sort, PageRequest request) {
        return Paging.fetch(lists, participants, "Participant", participants.filter(country, kind, q), sort, request);
    }

    /** The participant as a read sends it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Rendered<ParticipantResponse> read(long id) {
        return rendered(get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Participant get(long id) {
        return participants.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Participant", id));
    }

    private Rendered<ParticipantResponse> rendered(Participant participant) {
        return documents.render(ParticipantResponse.from(participant));
    }

    /** The participant, locked until the transaction ends. */
    private Participant locked(long id) {
        return participants.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Participant", id));
    }

    /** The participants with these external ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participant> findByExternalIds(List<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : participants.list("externalId in ?1", externalIds);
    }

    /** The participants with these Wikidata ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participant> findByWikidataIds(List<String> wikidataIds) {
        return wikidataIds.isEmpty() ? List.of() : participants.list("wikidataId in ?1 order by id", wikidataIds);
    }

    /** The participants with these ids; ids that do not exist are simply absent from the result. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participant> findAll(List<Long> ids) {
        return ids.isEmpty() ? List.of() : participants.list("id in ?1", ids);
    }

    @Override
    public Participant create(ParticipantRequest request) {
        requireFreeExternalId(request.externalId(), null);
        Participant participant = new Participant();
        apply(request, participant);
        participants.persistAndFlush(participant);
        generation.advance();
        return participant;
    }

    /**
     * Replaces the participant with what {@code change} makes of it as it stands (its representation as a read sends
     * it, where {@code change} checks the request's preconditions). The participant is locked before it is read, so a
     * precondition that held still holds when the change commits.
     */
    @Override
    public Participant update(long id, Function<Rendered<ParticipantResponse>, ParticipantRequest> change) {
        Participant participant = locked(id);
        ParticipantRequest request = change.apply(rendered(participant));
        participant.expectVersion(request.version());
        requireFreeExternalId(request.externalId(), participant.id);
        String countryBefore = participant.country;
        String nameBefore = participant.name;
        ParticipantResponse before = ParticipantResponse.from(participant);
        apply(request, participant);
        if (before.equals(ParticipantResponse.from(participant))) {
            return participant; // the same as stored: no new version, no revision
        }
        participants.flush();
        boolean countryChanged = !Objects.equals(countryBefore, participant.country);
        if (countryChanged || !nameBefore.equals(participant.name)) {
            renamed.fire(new ParticipantRenamed(participant.id, participant.country, countryChanged));
        }
        generation.advance();
        return participant;
    }

    /** Deletes the participant if {@code precondition} accepts it as it stands (locked, as for an update). */
    @Override
    public void delete(long id, Consumer<Rendered<ParticipantResponse>> precondition) {
        Participant participant = locked(id);
        precondition.accept(rendered(participant));
        if (participants.isReferenced(participant)) {
            throw ProblemException.conflict("Participant " + id + " (" + participant.name
                    + ") still takes part in events or speaks in statements; remove those references first");
        }
        participants.delete(participant);
        participants.flush();
        generation.advance();
    }

    private void requireFreeExternalId(String externalId, Long ownId) {
        if (externalId != null) {
            participants.find("externalId", externalId).<Participant>firstResultOptional()
                    .filter(other -> !other.id.equals(ownId)).ifPresent(other -> {
                        throw ProblemException.conflict("Participant " + other.id + " (" + other.name
                                + ") already has the external id '" + externalId + "'");
                    });
        }
    }

    private static void apply(ParticipantRequest request, Participant participant) {
        participant.name = request.name().trim();
        participant.kind = request.kind();
        participant.country = request.country();
        participant.title = request.title();
        participant.organization = request.organization();
        participant.wikidataId = request.wikidataId();
        participant.externalId = request.externalId();
        Record.setContent(participant.aliases, request.aliases() == null ? List.of()
                : request.aliases().stream().map(String::trim).distinct().toList());
    }
}
