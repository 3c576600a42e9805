package org.parley.backup;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rewind to a revision puts every record as it stood then, byte for byte as the API showed it, with what is derived
 * from the records (documents, word index, countries) made again, and forgets the later revisions.
 */
@QuarkusTest
class RewindTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Rewind rewind;

    private static void patch(String path, String changes) {
        editor().contentType("application/merge-patch+json").body(changes.getBytes(StandardCharsets.UTF_8))
                .patch(path).then().statusCode(200);
    }

    private static String read(String path) {
        return anonymous().get(path).then().statusCode(200).extract().asString();
    }

    private static List<Integer> ids(String path, String... query) {
        var request = anonymous();
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
    }

    @Test
    void everyChangeAfterTheRevisionIsUndoneAndForgotten() throws Exception {
        String word = unique("steppe").replace("-", "");
        long host = createParticipant(unique("Wang Yi"), "CN");
        long guest = createParticipant(unique("Sergey Lavrov"), "RU");
        String topic = unique("rewind");
        long topicId = createTopic(topic);
        long kept = createEvent(event("Entretien téléphonique", "PHONE_CALL", "2022-01-10", List.of(host, guest),
                Map.of("topics", List.of(topic), "subjectCountries", List.of("KZ"))));
        long said = createStatement(kept, host, "La Chine soutient la " + word + " du Kazakhstan.",
                Map.of("topics", List.of(topic)));
        long other = createStatement(kept, guest, "La Russie est prête à coopérer.", Map.of());
        long doomed = createEvent(event("Réunion", "MEETING", "2022-02-01", List.of(host, guest), Map.of()));
        long doomedSaid = createStatement(doomed, guest, "Nous parlerons de la " + word + ".", Map.of());
        List<String> paths = List.of("/api/v1/events/" + kept, "/api/v1/events/" + doomed,
                "/api/v1/statements/" + said, "/api/v1/statements/" + other, "/api/v1/statements/" + doomedSaid,
                "/api/v1/participants/" + host, "/api/v1/participants/" + guest, "/api/v1/topics/" + topicId,
                "/api/v1/events/" + kept + "/revisions");
        Map<String, String> then = new LinkedHashMap<>();
        paths.forEach(path -> then.put(path, read(path)));
        long revision = rewind.lastRevision();
        Thread.sleep(5);
        Instant moment = Instant.now();
        Thread.sleep(5);

        // the mistakes: a rename that moves a participant to another country, edits, a deletion, new records
        String later = unique("later");
        long laterTopic = createTopic(later);
        patch("/api/v1/participants/" + host, "{\"name\": \"" + unique("Renamed") + "\", \"country\": \"FR\"}");
        patch("/api/v1/events/" + kept, "{\"title\": \"Autre titre\", \"date\": \"2022-03-03\", \"topics\": [\""
                + later + "\"], \"subjectCountries\": [\"UA\"]}");
        patch("/api/v1/statements/" + said, "{\"text\": \"Un tout autre texte.\"}");
        editor().delete("/api/v1/statements/" + other).then().statusCode(204);
        editor().delete("/api/v1/events/" + doomed).then().statusCode(204);
        long newcomer = createParticipant(unique("Newcomer"), "DE");
        long fresh = createEvent(event("Nouveau", "MEETING", "2022-04-04", List.of(newcomer, guest), Map.of()));
        long freshSaid = createStatement(fresh, newcomer, "Ein ganz neuer " + word + " Satz.", Map.of());
        String importedKey = unique("imported");
        editor().contentType("application/json").body(Map.of("participants", List.of(Map.of("externalId", importedKey,
                "name", unique("Imported"), "kind", "PERSON", "country", "BR")), "events", List.of(Map.of(
                "externalId", unique("bad"), "title", "Imported by mistake", "type", "MEETING", "date", "2024-06-01",
                "participants", List.of(Map.of("participant", importedKey)))))).post("/api/v1/import").then()
                .statusCode(200);

        assertEquals(revision, rewind.revisionAt(moment));
        Rewind.Result done = rewind.to(revision);
        assertEquals(revision, done.revision());
        assertTrue(done.lastBefore() > revision, "later revisions were written");
        assertTrue(done.statements() >= 4 && done.events() >= 3, "the records put back are counted: " + done);

        then.forEach((path, body) -> assertEquals(body, read(path), path + " as it was"));
        assertTrue(ids("/api/v1/events", "country", "BR", "size", "200").isEmpty(), "the import is undone");
        for (String gone : List.of("/api/v1/events/" + fresh, "/api/v1/statements/" + freshSaid,
                "/api/v1/participants/" + newcomer, "/api/v1/topics/" + laterTopic)) {
            anonymous().get(gone).then().statusCode(404);
        }
        // what is derived from the records is theirs again: the word index, countries, dates, lists' documents
        assertEquals(List.of((int) doomedSaid, (int) said).stream().sorted().toList(),
                ids("/api/v1/statements", "q", word).stream().sorted().toList());
        assertTrue(ids("/api/v1/statements", "q", "autre").stream().noneMatch(id -> id == said));
        // and nothing of the statements it removed is left in H2's word index (PostgreSQL's goes with the rows)
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from statement_posting where mod(posting, 4294967296) = ?1")
                .setParameter(1, freshSaid).getSingleResult()).longValue()));
        assertTrue(ids("/api/v1/events", "country", "CN", "size", "200").contains((int) kept));
        assertTrue(ids("/api/v1/events", "country", "KZ", "size", "200").contains((int) kept));
        assertTrue(ids("/api/v1/events", "country", "FR", "size", "200").stream().noneMatch(id -> id == kept));
        assertTrue(ids("/api/v1/statements", "country", "CN", "from", "2022-01-10", "to", "2022-01-10")
                .contains((int) said));
        anonymous().queryParam("event", kept).get("/api/v1/statements").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) said, (int) other)));
        // the later revisions are gone from the history and the change feed, and writing goes on after them
        assertEquals(revision, rewind.lastRevision());
        anonymous().queryParam("since", moment.toString()).get("/api/v1/changes").then().statusCode(200)
                .body("items", equalTo(List.of()));
        long after = createStatement(kept, guest, "Une déclaration après le retour en arrière.", Map.of());
        anonymous().get("/api/v1/events/" + kept).then().statusCode(200).body("statements.id", hasItem((int) after))
                .body("statements.id", not(hasItem((int) freshSaid)));
    }

    @Test
    void aRevisionAtOrAfterTheLastChangesNothing() {
        long participant = createParticipant(unique("Unchanged"), "KZ");
        String before = read("/api/v1/participants/" + participant);
        long last = rewind.lastRevision();
        Rewind.Result done = rewind.to(last);
        assertEquals(new Rewind.Result(last, last, 0, 0, 0, 0), done);
        assertEquals(before, read("/api/v1/participants/" + participant));
        assertEquals(0, rewind.revisionAt(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals("revision 0 is before the history, which begins at 1",
                assertThrows(IllegalArgumentException.class, () -> rewind.to(0)).getMessage());
        assertEquals(before, read("/api/v1/participants/" + participant));
    }
}
