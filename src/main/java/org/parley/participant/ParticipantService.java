package org.parley.participant;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import org.parley.common.DataGeneration;
import org.parley.common.Documents;
import org.parley.common.ListCache;
import org.parley.common.Page;
import org.parley.common.PageRequest;
import org.parley.common.Paging;
import org.parley.common.ProblemException;
import org.parley.event.EventCountries;
import org.parley.statement.StatementRepository;

@ApplicationScoped
@Transactional
public class ParticipantService {

    private final ParticipantRepository participants;
    private final EventCountries eventCountries;
    private final StatementRepository statements;
    private final DataGeneration generation;
    private final ListCache lists;
    private final Documents documents;

    public ParticipantService(ParticipantRepository participants, EventCountries eventCountries,
            StatementRepository statements, DataGeneration generation, ListCache lists, Documents documents) {
        this.documents = documents;
        this.lists = lists;
        this.statements = statements;
        this.generation = generation;
        this.participants = participants;
        this.eventCountries = eventCountries;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Participant> search(String country, ParticipantKind kind, String q, Sort sort, PageRequest request) {
        return Paging.fetch(lists, participants, "Participant", participants.filter(country, kind, q), sort, request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Participant get(long id) {
        return participants.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Participant", id));
    }

    /** The participants with these ids; ids that do not exist are simply absent from the result. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participant> findAll(List<Long> ids) {
        return ids.isEmpty() ? List.of() : participants.list("id in ?1", ids);
    }

    public Participant create(ParticipantRequest request) {
        Participant participant = new Participant();
        apply(request, participant);
        participants.persistAndFlush(participant);
        generation.advance();
        return participant;
    }

    public Participant update(long id, ParticipantRequest request) {
        Participant participant = get(id);
        participant.expectVersion(request.version());
        String countryBefore = participant.country;
        String nameBefore = participant.name;
        apply(request, participant);
        participants.flush();
        boolean countryChanged = !Objects.equals(countryBefore, participant.country);
        if (countryChanged) {
            eventCountries.indexEventsOf(participant.id);
            statements.copySpeakerCountry(participant.id, participant.country);
        }
        // events show their participants' names and countries
        if (countryChanged || !nameBefore.equals(participant.name)) {
            documents.drop(Documents.Kind.EVENT, "select event_id from event_participant where participant_id = ?1",
                    participant.id);
        }
        // statements show their speaker's name, and their CSV rows the speaker's country
        if (countryChanged || !nameBefore.equals(participant.name)) {
            documents.drop(Documents.Kind.STATEMENT, "select id from statement where speaker_id = ?1", participant.id);
        }
        generation.advance();
        return participant;
    }

    public void delete(long id) {
        Participant participant = get(id);
        if (participants.isReferenced(participant)) {
            throw ProblemException.conflict("Participant " + id + " (" + participant.name
                    + ") still takes part in events or speaks in statements; remove those references first");
        }
        participants.delete(participant);
        participants.flush();
        generation.advance();
    }

    private static void apply(ParticipantRequest request, Participant participant) {
        participant.name = request.name().trim();
        participant.kind = request.kind();
        participant.country = request.country();
        participant.title = request.title();
        participant.organization = request.organization();
        participant.wikidataId = request.wikidataId();
        participant.aliases.clear();
        if (request.aliases() != null) {
            request.aliases().stream().map(String::trim).distinct().forEach(participant.aliases::add);
        }
    }
}
