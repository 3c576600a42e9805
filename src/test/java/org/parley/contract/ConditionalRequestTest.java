package org.parley.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Conditional requests and merge patches: ETags on single records, If-None-Match (304), If-Match on PUT, PATCH and
 * DELETE (412 when stale), and two clients writing the same record at once.
 */
@QuarkusTest
class ConditionalRequestTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private record Meeting(long host, long guest, long eventId, long statementId, String topic) {
    }

    private static Meeting meeting() {
        long host = createParticipant(unique("Wang Yi"), "CN");
        long guest = createParticipant(unique("Sergey Lavrov"), "RU");
        String topic = unique("etag");
        createTopic(topic);
        long eventId = createEvent(event("Entretien téléphonique", "PHONE_CALL", "2022-01-10", List.of(host, guest),
                Map.of("summary", "Sur le Kazakhstan", "topics", List.of(topic),
                        "location", Map.of("country", "CN", "city", "Pékin"))));
        long statementId = createStatement(eventId, host, "La Chine soutient le Kazakhstan.", Map.of());
        return new Meeting(host, guest, eventId, statementId, topic);
    }

    private static String etagOf(String path) {
        String tag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        assertTrue(tag != null && tag.matches("\"[A-Za-z0-9_-]{22}\""), "a strong ETag: " + tag);
        return tag;
    }

    private static Map<String, Object> body(String path) {
        return anonymous().get(path).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static RequestSpecification patch(String changes) {
        return editor().contentType(MERGE_PATCH).body(changes.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everySingleRecordReadHasAStrongETagAndAnswers304WhenItIsCurrent() {
        Meeting m = meeting();
        for (String path : List.of("/api/v1/events/" + m.eventId(), "/api/v1/statements/" + m.statementId(),
                "/api/v1/participants/" + m.host(), "/api/v1/topics/" + createTopic(unique("t")))) {
            String tag = etagOf(path);
            assertEquals(tag, etagOf(path), "the same tag while nothing changes: " + path);
            anonymous().header("If-None-Match", tag).get(path).then().statusCode(304)
                    .header("ETag", tag).body(emptyString());
            anonymous().header("If-None-Match", "\"other\", " + tag).get(path).then().statusCode(304);
            anonymous().header("If-None-Match", "\"other\"").get(path).then().statusCode(200)
                    .header("ETag", tag).body("id", org.hamcrest.Matchers.notNullValue());
        }
        anonymous().get("/api/v1/events/999999999").then().statusCode(404).header("ETag", nullValue());
    }

    @Test
    void theEventTagChangesWhenAnythingItShowsChanges() {
        Meeting m = meeting();
        String path = "/api/v1/events/" + m.eventId();
        String before = etagOf(path);
        // a statement of the event changes: the event's version does not, its representation does
        editor().body(Map.of("eventId", m.eventId(), "speakerId", m.host(), "text", "Texte corrigé.",
                "language", "fr", "kind", "REPORTED")).put("/api/v1/statements/" + m.statementId())
                .then().statusCode(200);
        String afterStatement = etagOf(path);
        assertNotEquals(before, afterStatement);
        assertEquals(0, (int) body(path).get("version"));
        // a participant's new name shows in the event
        editor().body(Map.of("name", unique("Wang Yi (renamed)"), "kind", "PERSON", "country", "CN"))
                .put("/api/v1/participants/" + m.host()).then().statusCode(200);
        assertNotEquals(afterStatement, etagOf(path));
    }

    @Test
    void aWriteWithAStaleIfMatchIs412AndChangesNothing() {
        Meeting m = meeting();
        String path = "/api/v1/events/" + m.eventId();
        String tag = etagOf(path);
        Map<String, Object> read = body(path);
        read.put("title", "Titre révisé");

        Response put = editor().header("If-Match", tag).body(read).put(path).then().statusCode(200)
                .body("title", equalTo("Titre révisé")).body("version", equalTo(1)).extract().response();
        String newTag = put.header("ETag");
        assertNotEquals(tag, newTag);
        assertEquals(newTag, etagOf(path), "the tag of a write's response is the tag of the next read");
        assertEquals(put.asString(), anonymous().get(path).then().extract().asString(), "and its body too");

        // the old tag is stale for PUT, PATCH and DELETE alike
        read.put("title", "Écrasé");
        editor().header("If-Match", tag).body(read).put(path).then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412))
                .body("type", equalTo("urn:parley:problem:precondition-failed"))
                .body("detail", containsString(newTag.replace("\"", "")));
        patch("{\"title\": \"Écrasé\"}").header("If-Match", tag).patch(path).then().statusCode(412);
        editor().header("If-Match", tag).delete(path).then().statusCode(412);
        editor().header("If-Match", "W/" + newTag).delete(path).then().statusCode(412); // If-Match compares strongly
        anonymous().get(path).then().statusCode(200).body("title", equalTo("Titre révisé")).header("ETag", newTag);

        // If-Match: * means "if it exists"; the current tag deletes
        patch("{\"summary\": null}").header("If-Match", "*").patch(path).then().statusCode(200)
                .body("summary", nullValue());
        editor().header("If-Match", etagOf(path)).delete(path).then().statusCode(204);
        anonymous().get(path).then().statusCode(404);
        editor().header("If-Match", "*").delete(path).then().statusCode(404);
    }

    @Test
    void twoClientsWritingTheSameEventAtOnceNeverOverwriteEachOther() throws Exception {
        Meeting m = meeting();
        String path = "/api/v1/events/" + m.eventId();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < 8; r++) {
                int round = r;
                String tag = etagOf(path);
                Map<String, Object> read = body(path);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> writes = new ArrayList<>();
                for (String client : List.of("A", "B")) {
                    Map<String, Object> change = new java.util.LinkedHashMap<>(read);
                    change.put("title", "Round " + round + " by " + client);
                    writes.add(clients.submit(() -> {
                        start.await();
                        // half the rounds by PUT, half by PATCH: both check If-Match under the record's lock
                        return round(change, round).header("If-Match", tag).request(
                                round % 2 == 0 ? "PUT" : "PATCH", path).andReturn();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<Response> write : writes) {
                    Response response = write.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 200) {
                        winner = response.jsonPath().getString("title");
                    } else {
                        assertEquals(412, response.statusCode(), response.asString());
                    }
                }
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one write wins: " + statuses);
                Map<String, Object> now = body(path);
                assertEquals(winner, now.get("title"), "the winner's change is the one stored");
                assertEquals(round + 1, (int) now.get("version"));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static RequestSpecification round(Map<String, Object> change, int round) {
        return round % 2 == 0 ? editor().body(change)
                : patch("{\"title\": \"" + change.get("title") + "\"}");
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        Meeting m = meeting();
        String path = "/api/v1/events/" + m.eventId();
        Map<String, Object> before = body(path);
        patch("{\"title\": \"Appel révisé\", \"location\": {\"city\": \"Shanghai\"}, \"summary\": null}")
                .patch(path).then().statusCode(200)
                .body("title", equalTo("Appel révisé"))
                .body("location.city", equalTo("Shanghai"))
                .body("location.country", equalTo("CN")) // nested objects merge
                .body("summary", nullValue())
                .body("version", equalTo(1));
        Map<String, Object> after = body(path);
        for (String unchanged : List.of("type", "date", "participants", "topics", "statements", "cameoCode")) {
            assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
        }

        String statement = "/api/v1/statements/" + m.statementId();
        patch("{\"translation\": \"China supports Kazakhstan.\"}").patch(statement).then().statusCode(200)
                .body("translation", equalTo("China supports Kazakhstan."))
                .body("text", equalTo("La Chine soutient le Kazakhstan."));
        String participant = "/api/v1/participants/" + m.guest();
        patch("{\"title\": \"Minister of Foreign Affairs\", \"aliases\": [\"Лавров\"]}").patch(participant)
                .then().statusCode(200).body("title", equalTo("Minister of Foreign Affairs"))
                .body("aliases[0]", equalTo("Лавров")).body("country", equalTo("RU"));
        long topicId = anonymous().get("/api/v1/topics?q=" + m.topic()).then().extract().jsonPath()
                .getLong("items[0].id");
        patch("{\"description\": \"Unrest in Kazakhstan, January 2022\"}").patch("/api/v1/topics/" + topicId)
                .then().statusCode(200).body("description", equalTo("Unrest in Kazakhstan, January 2022"))
                .body("slug", equalTo(m.topic()));
    }

    @Test
    void aBadPatchIsAProblemAndChangesNothing() {
        Meeting m = meeting();
        String path = "/api/v1/events/" + m.eventId();
        String tag = etagOf(path);
        patch("{\"title\": \"\"}").patch(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("title"));
        patch("{\"participants\": [{\"participantId\": 1, \"role\": \"x\"}, {\"role\": \"y\"}]}").patch(path)
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem(
                        startsWith("participants[1]")));
        patch("{\"date\": \"le 10 janvier\"}").patch(path).then().statusCode(400)
                .body("detail", containsString("date"));
        patch("{\"title\": ").patch(path).then().statusCode(400).body("detail", containsString("JSON"));
        patch("[1, 2]").patch(path).then().statusCode(400).body("detail", containsString("object"));
        editor().body(Map.of("title", "x")).patch(path).then().statusCode(415); // application/json is not a merge patch
        given().contentType(MERGE_PATCH).body("{\"title\": \"Anonyme\"}".getBytes(StandardCharsets.UTF_8)).patch(path)
                .then().statusCode(401);
        patch("{\"title\": \"Nouveau\"}").patch("/api/v1/events/999999999").then().statusCode(404);
        assertEquals(tag, etagOf(path), "nothing changed");
        anonymous().get(path).then().body("title", equalTo("Entretien téléphonique"));
    }
}
