package org.parley.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.parley.event.Event;
import org.parley.event.EventParticipantRef;
import org.parley.event.EventRequest;
import org.parley.event.EventService;
import org.parley.participant.ParticipantRequest;
import org.parley.participant.ParticipantService;
import org.parley.statement.StatementRequest;
import org.parley.statement.StatementService;
import org.parley.topic.TopicRequest;
import org.parley.topic.TopicService;

/**
 * Imports the seed data files at start, through the same validation and services as the API, each file once: a
 * restart, or deleting what a file created, does not import it again.
 */
@ApplicationScoped
public class SeedLoader {

    static final List<String> FILES = List.of("seed/2022-01-10-wang-yi-lavrov-phone-call.json");

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final ObjectMapper mapper;
    private final Validator validator;
    private final EntityManager entityManager;
    private final ParticipantService participants;
    private final TopicService topics;
    private final EventService events;
    private final StatementService statements;

    public SeedLoader(ObjectMapper mapper, Validator validator, EntityManager entityManager,
            ParticipantService participants, TopicService topics, EventService events, StatementService statements) {
        this.mapper = mapper;
        this.validator = validator;
        this.entityManager = entityManager;
        this.participants = participants;
        this.topics = topics;
        this.events = events;
        this.statements = statements;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        for (String file : FILES) {
            if (entityManager.find(DataImport.class, file) != null) {
                continue;
            }
            importFile(read(file));
            DataImport marker = new DataImport();
            marker.name = file;
            marker.importedAt = Instant.now();
            entityManager.persist(marker);
            LOG.infof("Imported %s", file);
        }
    }

    private SeedFile read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Seed file " + file + " is missing from the application");
            }
            return mapper.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seed file " + file + " cannot be read", e);
        }
    }

    private void importFile(SeedFile seed) {
        Map<String, Long> participantIds = new HashMap<>();
        for (SeedFile.Participant p : seed.participants()) {
            participantIds.put(p.key(), participants.create(valid(new ParticipantRequest(p.name(), p.kind(), p.country(),
                    p.title(), p.organization(), p.wikidataId(), p.aliases(), null))).id);
        }
        for (TopicRequest topic : seed.topics()) {
            topics.create(valid(topic));
        }
        for (SeedFile.Event e : seed.events()) {
            List<EventParticipantRef> roles = e.participants().stream()
                    .map(r -> new EventParticipantRef(idOf(participantIds, r.participant()), null, null, r.role()))
                    .toList();
            Event event = events.create(valid(new EventRequest(e.title(), e.type(), e.date(), e.summary(), e.location(),
                    roles, e.subjectCountries(), e.topics(), e.sources(), e.cameoCode(), null, null, null, null, null,
                    null, null)));
            for (SeedFile.Statement s : e.statements()) {
                statements.create(valid(new StatementRequest(event.id, idOf(participantIds, s.speaker()), s.text(),
                        s.language(), s.translation(), s.kind(), s.topics(), null, s.sourceUrl(), null)));
            }
        }
    }

    private static Long idOf(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("Seed data names an unknown participant key '" + key + "'");
        }
        return id;
    }

    /** The bean validation the API applies to request bodies. */
    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException("Invalid seed record: " + violations, violations);
        }
        return request;
    }
}
