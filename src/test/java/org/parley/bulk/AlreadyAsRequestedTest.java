package org.parley.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.event.EventRequest;
import org.parley.event.EventService;
import org.parley.statement.StatementRequest;
import org.parley.statement.StatementService;

/**
 * What a second import of a document leaves alone: records already as their request would make them, found by
 * comparing with their stored documents (or, where a document is being rendered again, with the record as loaded);
 * never a record changed since the plan read its version.
 */
@QuarkusTest
class AlreadyAsRequestedTest {

    @Inject
    StatementService statements;

    @Inject
    EventService events;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Test
    void statementsAsTheirDocumentsShowThemAreLeftAlone() throws Exception {
        long speaker = createParticipant(unique("Compared"), "NO");
        long eventId = createEvent(event("Compared " + unique("e"), "MEETING", "2023-05-06", List.of(speaker),
                Map.of()));
        long id = createStatement(eventId, speaker, "Les pêcheries du Nord ont été évoquées",
                Map.of("language", "fr", "translation", "The northern fisheries were raised", "topics",
                        List.of("china-russia-relations")));
        ObjectNode shown = (ObjectNode) json.readTree(anonymous().get("/api/v1/statements/" + id).then()
                .statusCode(200).extract().asString());
        long version = shown.get("version").asLong();
        StatementRequest same = json.treeToValue(shown, StatementRequest.class);
        StatementRequest changed = json.treeToValue(shown.deepCopy().put("translation", "Fisheries were raised"),
                StatementRequest.class);

        assertEquals(List.of(id), statementsAsStored(id, same, version));
        assertEquals(List.of(), statementsAsStored(id, changed, version), "a changed translation");
        assertEquals(List.of(), statementsAsStored(id, same, version - 1), "changed since the plan read it");

        // without its document and CSV row (as a bulk load leaves them, to be rendered in the background): compared
        // as loaded, with the same answers
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("statement_doc", "statement_csv")) {
                entityManager.createNativeQuery("delete from " + table + " where statement_id = ?1")
                        .setParameter(1, id).executeUpdate();
            }
        });
        assertEquals(List.of(id), statementsAsStored(id, same, version));
        assertEquals(List.of(), statementsAsStored(id, changed, version));
    }

    @Test
    void eventsAsTheirDocumentsShowThemAreLeftAlone() throws Exception {
        long speaker = createParticipant(unique("Hosted"), "IS");
        long id = createEvent(event("Talks in Reykjavik " + unique("e"), "MEETING", "2023-05-07", List.of(speaker),
                Map.of()));
        ObjectNode shown = (ObjectNode) json.readTree(anonymous().get("/api/v1/events/" + id).then()
                .statusCode(200).extract().asString());
        long version = shown.get("version").asLong();
        EventRequest same = json.treeToValue(shown, EventRequest.class);
        EventRequest changed = json.treeToValue(shown.deepCopy().put("title", "Talks in Akureyri"),
                EventRequest.class);

        assertEquals(List.of(id), eventsAsStored(id, same, version));
        assertEquals(List.of(), eventsAsStored(id, changed, version), "a changed title");
        assertEquals(List.of(), eventsAsStored(id, same, version + 1), "not at the version the plan read");

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from event_doc where event_id = ?1").setParameter(1, id).executeUpdate());
        assertEquals(List.of(id), eventsAsStored(id, same, version));
        assertEquals(List.of(), eventsAsStored(id, changed, version));
    }

    private List<Long> statementsAsStored(long id, StatementRequest request, long version) {
        return QuarkusTransaction.requiringNew().call(() -> statements.alreadyAsRequested(Map.of(id, request),
                Map.of(id, version)));
    }

    private List<Long> eventsAsStored(long id, EventRequest request, long version) {
        return QuarkusTransaction.requiringNew().call(() -> events.alreadyAsRequested(Map.of(id, request),
                Map.of(id, version)));
    }
}
