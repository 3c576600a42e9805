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
import org.parley.search.SearchIndex;
import org.parley.store.DatabaseRole;

/**
 * Records without an index entry (all of them after migration V18 changed the analysis, or rows a bulk load wrote)
 * are indexed by the backfill, and Parley says it is ready only once the backfill is done.
 */
@QuarkusTest
class IndexBackfillTest {

    @Inject
    IndexBackfill backfill;

    @Inject
    DatabaseRole database;

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
            for (String sql : List.of(
                    "delete from statement_posting where mod(posting, " + SearchIndex.WORD_SPAN + ") = ?1",
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

    /** An event whose two statements have a word of their own. */
    private record Said(String word, long eventId, long first, long second) {
    }

    private static Said twoStatements(String prefix) {
        String word = unique(prefix).replace("-", "");
        long speaker = createParticipant(unique("Speaker"), "AU");
        long eventId = createEvent(event("Meeting " + word, "MEETING", "2023-08-10", List.of(speaker), Map.of()));
        return new Said(word, eventId, createStatement(eventId, speaker, "The " + word + " were counted", Map.of()),
                createStatement(eventId, speaker, "Other " + word + " were not", Map.of()));
    }

    @Test
    void deletedRecordsLeaveNoRowsInTheIndex() {
        Said said = twoStatements("wombat"); // the first is kept, the second deleted
        assertEquals(List.of(2L, 2L, 1L, 1L), indexRows(said), "terms and stems of both statements and of the event");

        editor().delete("/api/v1/statements/" + said.second()).then().statusCode(204);
        assertEquals(List.of(1L, 1L, 1L, 1L), indexRows(said));
        anonymous().queryParam("q", said.word()).get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of((int) said.first())));

        editor().delete("/api/v1/events/" + said.eventId()).then().statusCode(204);
        assertEquals(List.of(0L, 0L, 0L, 0L), indexRows(said));
        anonymous().queryParam("q", said.word()).get("/api/v1/events").then().body("total", equalTo(0));
    }

    /**
     * How many of these statements have terms, and stems; whether the event has terms, and stems (the index has no
     * foreign keys: nothing but Parley removes its rows). Terms in either form of the index: a statement's postings
     * (H2) or the arrays of its row (PostgreSQL); an event's rows of the term table (H2) or the arrays of its stems row
     * (PostgreSQL).
     */
    private List<Long> indexRows(Said said) {
        List<Long> statementIds = List.of(said.first(), said.second());
        long eventId = said.eventId();
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                count("select count(distinct statement_id) from (select mod(posting, " + SearchIndex.WORD_SPAN
                        + ") as statement_id from statement_posting union all select id from statement"
                        + " where cardinality(weights) > 0) as t"
                        + " where statement_id in (?1)", statementIds),
                count("select count(*) from statement where id in (?1) and stems is not null", statementIds),
                count("select count(distinct event_id) from (select event_id from event_term union all select event_id"
                        + " from event_stems where cardinality(terms) > 0) as t where event_id = ?1", eventId),
                count("select count(*) from event_stems where event_id = ?1", eventId)));
    }

    private long count(String sql, Object parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    /**
     * Two writes that bring the same new term at once both add it to H2's words (no unique key, migration V24): its
     * statements are then found under either number, and each leaves the index under its own. PostgreSQL keeps its
     * terms on the statements' rows: the words and postings stay empty there.
     */
    @Test
    void aTermAddedTwiceIsFoundAndRemovedUnderBothNumbers() {
        Said said = twoStatements("quagga");
        long second = said.second();
        if (database.postgres()) {
            assertEquals(0L, count("select count(*) from word where id > ?1", 0L)
                    + count("select count(*) from statement_posting where posting > ?1", 0L));
        } else {
            QuarkusTransaction.requiringNew().run(() -> {
                // as if another transaction had added the term too, and written the second statement under it
                Object[] term = (Object[]) entityManager.createNativeQuery("select w.id, w.term from word w join"
                        + " statement_posting p on p.posting = w.id * " + SearchIndex.WORD_SPAN + " + ?1"
                        + " where w.term like ?2")
                        .setParameter(1, second).setParameter(2, "%" + said.word().substring(0, 10) + "%")
                        .getSingleResult();
                entityManager.createNativeQuery("insert into word (term) values (?1)").setParameter(1, term[1])
                        .executeUpdate();
                long other = ((Number) entityManager.createNativeQuery("select max(id) from word where term = ?1")
                        .setParameter(1, term[1]).getSingleResult()).longValue();
                assertTrue(other > ((Number) term[0]).longValue());
                entityManager.createNativeQuery("update statement_posting set posting = ?1 * " + SearchIndex.WORD_SPAN
                        + " + ?2 where posting = ?3 * " + SearchIndex.WORD_SPAN + " + ?2").setParameter(1, other)
                        .setParameter(2, second).setParameter(3, term[0]).executeUpdate();
            });
        }
        anonymous().queryParam("q", said.word()).queryParam("sort", "id").get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of((int) said.first(), (int) second)));

        editor().delete("/api/v1/statements/" + second).then().statusCode(204);
        assertEquals(List.of(1L, 1L, 1L, 1L), indexRows(said));
        editor().delete("/api/v1/statements/" + said.first()).then().statusCode(204);
        assertEquals(List.of(0L, 0L, 1L, 1L), indexRows(said));
    }

    @Test
    void readyOnceTheIndexIsComplete() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("search index"));
    }
}
