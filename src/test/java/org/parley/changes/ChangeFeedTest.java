package org.parley.changes;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The change feed: replayed from the start into a map, it reproduces the four lists exactly. */
@QuarkusTest
class ChangeFeedTest {

    private static final List<String> COLLECTIONS = List.of("participants", "topics", "events", "statements");

    /** A client that mirrors Parley by following the feed. */
    private static final class Mirror {
        final Map<String, Map<Long, Object>> records = new HashMap<>();
        String cursor;
        int changes;
        long lastRevision;

        /** Reads the feed until it says there is no more; returns the number of changes read. */
        int follow(int size) {
            int read = 0;
            boolean more = true;
            while (more) {
                var request = anonymous().queryParam("size", size);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/changes").then().statusCode(200)
                        .header("Link", containsString("rel=\"next\"")).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> change : items) {
                    long revision = ((Number) change.get("revision")).longValue();
                    assertTrue(revision >= lastRevision, "commit order: " + revision + " after " + lastRevision);
                    lastRevision = revision;
                    var collection = records.computeIfAbsent((String) change.get("collection"), c -> new TreeMap<>());
                    long id = ((Number) change.get("id")).longValue();
                    if ("DELETED".equals(change.get("operation"))) {
                        assertFalse(change.containsKey("record"), "a tombstone has no record: " + change);
                        collection.remove(id);
                    } else {
                        assertEquals(id, ((Number) ((Map<?, ?>) change.get("record")).get("id")).longValue());
                        collection.put(id, change.get("record"));
                    }
                }
                read += items.size();
                assertNotNull(page.getString("nextCursor"));
                cursor = page.getString("nextCursor");
                more = page.getBoolean("more");
                assertTrue(more || items.size() <= size);
            }
            changes += read;
            return read;
        }
    }

    /** Every record of a collection as its list shows it, by id. */
    private static Map<Long, Object> list(String collection) {
        Map<Long, Object> all = new TreeMap<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = anonymous().queryParam("size", 500).queryParam("page", page)
                    .queryParam("sort", "id").get("/api/v1/" + collection).then().statusCode(200)
                    .extract().jsonPath().getList("items");
            items.forEach(item -> all.put(((Number) item.get("id")).longValue(), item));
            if (items.size() < 500) {
                return all;
            }
        }
    }

    private static void assertMirrors(Mirror mirror) {
        for (String collection : COLLECTIONS) {
            Map<Long, Object> listed = list(collection);
            Map<Long, Object> mirrored = mirror.records.getOrDefault(collection, Map.of());
            assertEquals(listed.keySet(), mirrored.keySet(), "the ids of " + collection);
            listed.forEach((id, record) -> assertEquals(record, mirrored.get(id), collection + " " + id));
        }
    }

    private static void patch(String path, String changes) {
        editor().contentType("application/merge-patch+json").body(changes.getBytes(StandardCharsets.UTF_8))
                .patch(path).then().statusCode(200);
    }

    /** Creates, changes and deletes records of every collection. */
    private static void edit(int round) {
        long host = createParticipant(unique("Wang Yi"), "CN");
        long guest = createParticipant(unique("Sergueï Lavrov"), "RU");
        String topic = unique("mirror");
        long topicId = createTopic(topic);
        String earlier = "a-" + topic; // created later, sorts first
        createTopic(earlier);
        long spare = createTopic(unique("spare"));
        long eventId = createEvent(event("Entretien " + round, "PHONE_CALL", "2022-01-10", List.of(guest, host),
                Map.of("topics", List.of(topic, earlier), "subjectCountries", List.of("KZ", "AF"))));
        long kept = createStatement(eventId, host, "La Chine soutient le Kazakhstan.",
                Map.of("topics", List.of(topic)));
        long dropped = createStatement(eventId, guest, "Déclaration retirée.", Map.of());
        patch("/api/v1/events/" + eventId, "{\"title\": \"Entretien téléphonique " + round + "\"}");
        patch("/api/v1/statements/" + kept, "{\"translation\": \"China supports Kazakhstan.\"}");
        patch("/api/v1/participants/" + guest, "{\"name\": \"Sergey Lavrov " + round + "\"}");
        patch("/api/v1/topics/" + topicId, "{\"name\": \"Renamed " + round + "\"}");
        editor().delete("/api/v1/statements/" + dropped).then().statusCode(204);
        editor().delete("/api/v1/topics/" + spare).then().statusCode(204);
        long gone = createEvent(event("Annulé " + round, "MEETING", "2022-02-01", List.of(host), Map.of()));
        createStatement(gone, host, "Sans suite.", Map.of());
        editor().delete("/api/v1/events/" + gone).then().statusCode(204);
    }

    @Test
    void replayingTheFeedFromTheStartReproducesTheListsDeletionsIncluded() throws Exception {
        // the whole feed from its start in pages of 1,000 (the suite's imports leave tens of thousands of changes),
        // then one round of edits in pages of 7
        Mirror mirror = new Mirror();
        mirror.follow(1000);
        edit(0);
        assertTrue(mirror.follow(7) > 0);
        assertMirrors(mirror);

        // writers keep writing while the mirror follows: it must miss nothing and apply nothing twice
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int round = i;
            done.add(writers.submit(() -> edit(round)));
        }
        while (done.stream().anyMatch(f -> !f.isDone())) {
            mirror.follow(5);
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();
        mirror.follow(50);
        assertMirrors(mirror);
        assertEquals(0, mirror.follow(50), "nothing new after the end");
    }

    @Test
    void aChangeCarriesItsRevisionEditorAndTheRecordAsItStoodThen() {
        Mirror mirror = new Mirror();
        mirror.follow(1000);
        String name = unique("Lavrov");
        long guest = createParticipant(name, "RU");
        patch("/api/v1/participants/" + guest, "{\"title\": \"Minister of Foreign Affairs\"}");
        editor().delete("/api/v1/participants/" + guest).then().statusCode(204);

        JsonPath page = anonymous().queryParam("cursor", mirror.cursor).get("/api/v1/changes").then().statusCode(200)
                .body("items", hasSize(3), "items.collection", everyItem(equalTo("participants")),
                        "items.id", everyItem(equalTo((int) guest)), "items.editor", everyItem(equalTo("editor")),
                        "items.operation", equalTo(List.of("CREATED", "UPDATED", "DELETED")),
                        "items[0].record.name", equalTo(name), "items[0].record.title", equalTo(null),
                        "items[1].record.title", equalTo("Minister of Foreign Affairs"),
                        "items[1].record.version", equalTo(1), "more", equalTo(false))
                .extract().jsonPath();
        assertFalse(page.getMap("items[2]").containsKey("record"));
        assertTrue(page.getLong("items[0].revision") < page.getLong("items[1].revision"));
        // the cursor after the last change is a place to poll from
        anonymous().queryParam("cursor", page.getString("nextCursor")).get("/api/v1/changes").then().statusCode(200)
                .body("items", empty(), "nextCursor", equalTo(page.getString("nextCursor")), "more", equalTo(false));
    }

    @Test
    void sinceStartsAtTheFirstWriteAtOrAfterAMoment() throws InterruptedException {
        createTopic(unique("before"));
        Thread.sleep(5);
        Instant moment = Instant.now();
        Thread.sleep(5);
        String after = unique("after");
        createTopic(after);
        anonymous().queryParam("since", moment.toString()).get("/api/v1/changes").then().statusCode(200)
                .body("items", hasSize(1), "items[0].record.slug", equalTo(after),
                        "items[0].timestamp", notNullValue());
        anonymous().queryParam("since", "2999-01-01").get("/api/v1/changes").then().statusCode(200)
                .body("items", empty(), "nextCursor", notNullValue());
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (var bad : List.of(Map.of("cursor", "not-a-cursor"), Map.of("size", "0"), Map.of("size", "1001"),
                Map.of("since", "yesterday"), Map.of("size", "many"))) {
            String name = bad.keySet().iterator().next();
            anonymous().queryParams(bad).get("/api/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(name));
        }
        // a list cursor is not a feed cursor
        String listCursor = anonymous().queryParam("cursor", "*").queryParam("size", 1).get("/api/v1/statements")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        assertNotNull(listCursor);
        anonymous().queryParam("cursor", listCursor).get("/api/v1/changes").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        String feedCursor = anonymous().get("/api/v1/changes").then().statusCode(200).extract().jsonPath()
                .getString("nextCursor");
        anonymous().queryParam("cursor", feedCursor).queryParam("since", "2024-01-01").get("/api/v1/changes").then()
                .statusCode(400).body("violations[0].field", equalTo("since"));
    }
}
