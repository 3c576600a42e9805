package org.parley.event;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records without an index entry (all of them after migration V18 changed the analysis, or rows a bulk load wrote)
 * are indexed by the backfill, and Parley says it is ready only once the backfill is done.
 */
@QuarkusTest
class IndexBackfillTest {

    @Inject
    IndexBackfill backfill;

    @Inject
    EntityManager entityManager;

    @Test
    void recordsWithoutAnEntryAreIndexedAgain() {
        String word = unique("quokka").replace("-", "");
        long speaker = createParticipant(unique("Backfilled"), "AU");
        long eventId = createEvent(event("Backfill " + word, "MEETING", "2023-08-09", List.of(speaker), Map.of()));
        long id = createStatement(eventId, speaker, "Les quokkas " + word + " ont été comptés",
                Map.of("language", "fr"));
        anonymous().queryParam("q", word).get("/api/v1/statements").then().body("items.id", equalTo(List.of((int) id)));

        // as a bulk load leaves them: rows without their terms and stems
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of("delete from statement_posting where mod(posting, 4294967296) = ?1",
                    "update statement set stems = null, terms = null, weights = null where id = ?1")) {
                entityManager.createNativeQuery(sql).setParameter(1, id).executeUpdate();
            }
            for (String sql : List.of("delete from event_term where event_id = ?1",
                    "delete from event_stems where event_id = ?1")) {
                entityManager.createNativeQuery(sql).setParameter(1, eventId).executeUpdate();
            }
        });
        // a query no list cached before the deletion answers; the backfill advances the data generation
        anonymous().queryParam("q", word + " compter").get("/api/v1/statements").then().body("total", equalTo(0));

        assertTrue(backfill.indexAllMissing() >= 2, "the statement and its event");
        anonymous().queryParam("q", word + " compter").queryParam("sort", "id").get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of((int) id)));
        anonymous().queryParam("q", "\"quokkas " + word + "\"").get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) eventId)));
        assertEquals(0, backfill.indexAllMissing(), "nothing is left to index");
    }

    @Test
    void deletedRecordsLeaveNoRowsInTheIndex() {
        String word = unique("wombat").replace("-", "");
        long speaker = createParticipant(unique("Deleted"), "AU");
        long eventId = createEvent(event("Deletion " + word, "MEETING", "2023-08-10", List.of(speaker), Map.of()));
        long kept = createStatement(eventId, speaker, "The wombats " + word + " were counted", Map.of());
        long dropped = createStatement(eventId, speaker, "Other wombats " + word + " were not", Map.of());
        assertEquals(List.of(2L, 2L, 1L, 1L), indexRows(List.of(kept, dropped), eventId),
                "terms and stems of both statements and of the event");

        editor().delete("/api/v1/statements/" + dropped).then().statusCode(204);
        assertEquals(List.of(1L, 1L, 1L, 1L), indexRows(List.of(kept, dropped), eventId));
        anonymous().queryParam("q", word).get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of((int) kept)));

        editor().delete("/api/v1/events/" + eventId).then().statusCode(204);
        assertEquals(List.of(0L, 0L, 0L, 0L), indexRows(List.of(kept, dropped), eventId));
        anonymous().queryParam("q", word).get("/api/v1/events").then().body("total", equalTo(0));
    }

    /**
     * How many of these statements have terms, and stems; whether the event has terms, and stems (the index has no
     * foreign keys: nothing but Parley removes its rows). Terms in either form of the index: a statement's postings
     * (H2) or the arrays of its row (PostgreSQL); an event's rows of the term table (H2) or the arrays of its stems row
     * (PostgreSQL).
     */
    private List<Long> indexRows(List<Long> statementIds, long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                count("select count(distinct statement_id) from (select mod(posting, 4294967296) as statement_id from"
                        + " statement_posting union all select id from statement where cardinality(weights) > 0) as t"
                        + " where statement_id in (?1)", statementIds),
                count("select count(*) from statement where id in (?1) and stems is not null", statementIds),
                count("select count(distinct event_id) from (select event_id from event_term union all select event_id"
                        + " from event_stems where cardinality(terms) > 0) as t where event_id = ?1", eventId),
                count("select count(*) from event_stems where event_id = ?1", eventId)));
    }

    private long count(String sql, Object parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    @Test
    void readyOnceTheIndexIsComplete() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("search index"));
    }
}
