package org.parley.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.event.DocumentBackfill;
import org.parley.store.Documents.Kind;

/**
 * Reads and NDJSON exports send the stored documents of events and statements; these tests check that a document says exactly what
 * the tables say, after every kind of write, and that a missing document is rendered on read and then stored again
 * by the background task.
 */
@QuarkusTest
class StoredDocumentTest {

    @Inject
    EntityManager entityManager;

    @Inject
    DocumentBackfill backfill;

    private record Scene(long host, long guest, String topic, long eventId, List<Long> statementIds) {
    }

    private Scene scene() {
        long host = createParticipant(unique("Hôte"), "FR");
        long guest = createParticipant(unique("Guest"), "DZ");
        String topic = unique("doc");
        createTopic(topic);
        String later = unique("zz"); // after the other in slug order, before it in the request
        createTopic(later);
        long eventId = createEvent(event("Entretien « franc »", "MEETING", "2019-03-04", List.of(host, guest), Map.of(
                "summary", "Ligne 1\nLigne 2, \"citée\"", "topics", List.of(topic), "subjectCountries", List.of("ML"),
                "location", Map.of("country", "FR", "city", "Paris"),
                "sources", List.of(Map.of("url", "https://example.org/doc", "publisher", "AFP", "language", "fr",
                        "textSha256", "0f".repeat(32))))));
        List<Long> said = List.of(
                createStatement(eventId, host, "La sécurité d'abord.", Map.of("topics", List.of(later, topic))),
                createStatement(eventId, guest, "Coopération, oui ; « ingérence », non.", Map.of(
                        "translation", "Cooperation, yes; interference, no.")),
                createStatement(eventId, host, "Nous verrons.", Map.of("sourceUrl", "https://example.org/doc",
                        "span", Map.of("start", 40, "end", 53))));
        return new Scene(host, guest, topic, eventId, said);
    }

    private static String read(String path) {
        return anonymous().get(path).then().statusCode(200).extract().asString();
    }

    private static String list(String path, String name, Object value) {
        return anonymous().queryParam(name, value).get(path).then().statusCode(200).extract().asString();
    }

    private static String ndjson(String path, String name, Object value) {
        return given().accept("application/x-ndjson").queryParam(name, value).get(path).then().statusCode(200)
                .extract().asString();
    }

    /** The CSV export of statements: all columns (stored rows), or the columns named (a projection of the tables). */
    private static String csv(String name, Object value, String fields) {
        var request = given().accept("text/csv").queryParam(name, value);
        if (fields != null) {
            request.queryParam("fields", fields);
        }
        return request.get("/api/v1/statements").then().statusCode(200).extract().asString();
    }

    /** The CSV export of an event's statements from stored rows, after checking it against the tables' rows. */
    private static String statementRows(long eventId) {
        String stored = csv("event", eventId, null);
        assertEquals(csv("event", eventId, String.join(",", ALL_COLUMNS)), stored, "stored rows = rows from tables");
        return stored;
    }

    private static final List<String> ALL_COLUMNS = java.util.Arrays
            .stream(org.parley.statement.StatementRow.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    private long documents(String table, String key, List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + table + " where " + key + " in (?1)").setParameter(1, ids)
                .getSingleResult()).longValue());
    }

    private void dropDocuments(String table, String key, List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from " + table + " where " + key + " in (?1)").setParameter(1, ids).executeUpdate());
    }

    @Test
    void aReadFromDocumentsIsTheReadFromTablesByteForByte() {
        Scene s = scene();
        String eventPath = "/api/v1/events/" + s.eventId();
        String statementPath = "/api/v1/statements/" + s.statementIds().get(1);
        assertEquals(1, documents("event_doc", "event_id", List.of(s.eventId())), "stored when created");
        assertEquals(3, documents("statement_doc", "statement_id", s.statementIds()));
        assertEquals(3, documents("statement_csv", "statement_id", s.statementIds()), "CSV rows beside them");
        String event = read(eventPath);
        String events = list("/api/v1/events", "participant", s.host());
        String statement = read(statementPath);
        String statements = list("/api/v1/statements", "event", s.eventId());
        String statementExport = ndjson("/api/v1/statements", "event", s.eventId());
        String eventExport = ndjson("/api/v1/events", "participant", s.host());
        String rows = statementRows(s.eventId());
        assertEquals(3, statementExport.strip().split("\n").length, statementExport);
        assertEquals(4, rows.strip().split("\n").length, rows);
        assertTrue(rows.contains(",\"" + s.topic() + "; ") || rows.contains("," + s.topic() + "; "),
                "topics in slug order: " + rows);
        assertTrue(event.contains("\"speakerName\":\"Guest"), event);
        assertTrue(event.contains("\"span\":{\"start\":40,\"end\":53},\"sourceSha256\":\"" + "0f".repeat(32)), event);
        assertTrue(rows.contains(",40,53,") && rows.contains("0f".repeat(32)), "a drafted statement's span and source"
                + " hash: " + rows);
        assertTrue(event.endsWith("]}") && event.indexOf("\"statements\":[") > event.indexOf("\"version\""),
                "statements come last: " + event);

        // without the event's document and one statement's, the same bytes come from the tables
        dropDocuments("event_doc", "event_id", List.of(s.eventId()));
        dropDocuments("statement_doc", "statement_id", List.of(s.statementIds().get(1)));
        dropDocuments("statement_csv", "statement_id", List.of(s.statementIds().get(1)));
        assertEquals(0, documents("event_doc", "event_id", List.of(s.eventId())));
        assertEquals(event, read(eventPath));
        assertEquals(events, list("/api/v1/events", "participant", s.host()));
        assertEquals(statement, read(statementPath));
        assertEquals(statements, list("/api/v1/statements", "event", s.eventId()));
        assertEquals(statementExport, ndjson("/api/v1/statements", "event", s.eventId()));
        assertEquals(eventExport, ndjson("/api/v1/events", "participant", s.host()));
        assertEquals(rows, statementRows(s.eventId()));
        assertEquals(0, documents("event_doc", "event_id", List.of(s.eventId())), "a read stores nothing");

        // the background task renders what is missing, and the documents say the same again
        backfill.renderAllMissing();
        assertEquals(1, documents("event_doc", "event_id", List.of(s.eventId())));
        assertEquals(3, documents("statement_doc", "statement_id", s.statementIds()));
        assertEquals(3, documents("statement_csv", "statement_id", s.statementIds()));
        assertEquals(event, read(eventPath));
        assertEquals(statements, list("/api/v1/statements", "event", s.eventId()));
        assertEquals(list("/api/v1/events", "participant", s.host()), events);
        assertEquals(rows, statementRows(s.eventId()));
    }

    @Test
    void everyWriteReplacesTheDocumentsItChanges() {
        Scene s = scene();
        String eventPath = "/api/v1/events/" + s.eventId();
        Map<String, Object> body = new LinkedHashMap<>(event("Entretien révisé", "PHONE_CALL", "2019-03-05",
                List.of(s.host(), s.guest()), Map.of("topics", List.of(s.topic()))));
        editor().body(body).put(eventPath).then().statusCode(200);
        anonymous().get(eventPath).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("Entretien révisé"))
                .body("type", org.hamcrest.Matchers.equalTo("PHONE_CALL"))
                .body("version", org.hamcrest.Matchers.equalTo(1))
                .body("subjectCountries", org.hamcrest.Matchers.empty())
                .body("statements.size()", org.hamcrest.Matchers.equalTo(3));
        anonymous().queryParam("participant", s.host()).get("/api/v1/events").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.equalTo("Entretien révisé"))
                .body("items[0].date", org.hamcrest.Matchers.equalTo("2019-03-05"));
        // statements' CSV rows show the event's new date and type
        String rows = statementRows(s.eventId());
        assertEquals(3, rows.split(",2019-03-05,PHONE_CALL,", -1).length - 1, rows);

        long changed = s.statementIds().get(0);
        editor().body(Map.of("eventId", s.eventId(), "speakerId", s.guest(), "text", "Texte corrigé.",
                "language", "fr", "kind", "DIRECT_QUOTE")).put("/api/v1/statements/" + changed)
                .then().statusCode(200);
        anonymous().get("/api/v1/statements/" + changed).then().statusCode(200)
                .body("text", org.hamcrest.Matchers.equalTo("Texte corrigé."))
                .body("speakerName", org.hamcrest.Matchers.startsWith("Guest"))
                .body("topics", org.hamcrest.Matchers.empty())
                .body("version", org.hamcrest.Matchers.equalTo(1));
        anonymous().get(eventPath).then().statusCode(200)
                .body("statements[0].text", org.hamcrest.Matchers.equalTo("Texte corrigé."));

        long removed = s.statementIds().get(2);
        editor().delete("/api/v1/statements/" + removed).then().statusCode(204);
        assertEquals(0, documents("statement_doc", "statement_id", List.of(removed)), "deleted with its statement");
        assertEquals(0, documents("statement_csv", "statement_id", List.of(removed)), "its CSV row too");
        anonymous().get(eventPath).then().statusCode(200)
                .body("statements.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) removed)))
                .body("statements.size()", org.hamcrest.Matchers.equalTo(2));

        editor().delete(eventPath).then().statusCode(204);
        assertEquals(0, documents("event_doc", "event_id", List.of(s.eventId())));
        assertEquals(0, documents("statement_doc", "statement_id", s.statementIds()));
        anonymous().get(eventPath).then().statusCode(404);
    }

    @Test
    void aRenameReachesEveryDocumentThatShowsTheName() throws InterruptedException {
        Scene s = scene();
        String eventPath = "/api/v1/events/" + s.eventId();
        String newName = unique("Renommé");
        editor().body(Map.of("name", newName, "kind", "PERSON", "country", "BE"))
                .put("/api/v1/participants/" + s.host()).then().statusCode(200);
        anonymous().get(eventPath).then().statusCode(200)
                .body("participants[0].name", org.hamcrest.Matchers.equalTo(newName))
                .body("participants[0].country", org.hamcrest.Matchers.equalTo("BE"))
                .body("countries", org.hamcrest.Matchers.contains("BE", "DZ"))
                .body("statements[0].speakerName", org.hamcrest.Matchers.equalTo(newName));
        anonymous().get("/api/v1/statements/" + s.statementIds().get(2)).then().statusCode(200)
                .body("speakerName", org.hamcrest.Matchers.equalTo(newName));
        String rows = statementRows(s.eventId());
        assertEquals(2, rows.split("," + newName + ",BE,", -1).length - 1, "the host's two statements: " + rows);

        String topicName = unique("Nouveau nom");
        long topicId = anonymous().get("/api/v1/topics?q=" + s.topic()).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        editor().body(Map.of("slug", s.topic(), "name", topicName)).put("/api/v1/topics/" + topicId)
                .then().statusCode(200);
        anonymous().get(eventPath).then().statusCode(200)
                .body("topics[0].name", org.hamcrest.Matchers.equalTo(topicName))
                .body("statements[0].topics[0].name", org.hamcrest.Matchers.equalTo(topicName));
        anonymous().queryParam("participant", s.host()).get("/api/v1/events").then().statusCode(200)
                .body("items[0].topics[0].name", org.hamcrest.Matchers.equalTo(topicName))
                .body("items[0].participants[0].name", org.hamcrest.Matchers.equalTo(newName));

        // the dropped documents come back, rendered anew by the background task
        long deadline = System.currentTimeMillis() + 20_000;
        while (documents("statement_doc", "statement_id", s.statementIds()) < 3
                || documents("event_doc", "event_id", List.of(s.eventId())) < 1) {
            assertTrue(System.currentTimeMillis() < deadline, "documents not rendered again within 20 s");
            Thread.sleep(50);
        }
        String stored = QuarkusTransaction.requiringNew().call(() -> new String((byte[]) entityManager
                .createNativeQuery("select doc from event_doc where event_id = ?1").setParameter(1, s.eventId())
                .getSingleResult(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(stored.contains(newName) && stored.contains(topicName), stored);
        assertFalse(stored.contains("Hôte"), "no trace of the old name: " + stored);
    }

    /** Renders the full documents of these events now, and checks that each has one. */
    private void renderFull(Long... eventIds) {
        backfill.render(Kind.EVENT_FULL, List.of(eventIds));
        assertEquals(eventIds.length, documents("event_full_doc", "event_id", List.of(eventIds)), "rendered");
    }

    /** The read of an event, after checking it against the same read put together without its full document. */
    private String readChecked(long eventId) {
        String path = "/api/v1/events/" + eventId;
        String sent = read(path);
        dropDocuments("event_full_doc", "event_id", List.of(eventId));
        assertEquals(read(path), sent, "the full document says what the event and its statements say");
        return sent;
    }

    @Test
    void anEventsFullDocumentNeverOutlivesAWriteOfTheEventOrOfItsStatements() throws Exception {
        Scene s = scene();
        Scene other = scene();
        String path = "/api/v1/events/" + s.eventId();
        String statements = "/api/v1/statements/";
        long topicId = anonymous().get("/api/v1/topics?q=" + s.topic()).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("event replaced", () -> editor().body(event("Entretien prolongé", "MEETING", "2019-03-04",
                List.of(s.host(), s.guest()), Map.of("topics", List.of(s.topic())))).put(path).then().statusCode(200));
        writes.put("statement replaced", () -> editor().body(Map.of("eventId", s.eventId(), "speakerId", s.guest(),
                "text", "Texte revu.", "language", "fr", "kind", "DIRECT_QUOTE"))
                .put(statements + s.statementIds().get(1)).then().statusCode(200));
        writes.put("statement created", () -> createStatement(s.eventId(), s.host(), "Ajout.", Map.of()));
        writes.put("statement moved", () -> editor().body(Map.of("eventId", other.eventId(), "speakerId",
                other.host(), "text", "Déplacé.", "language", "fr", "kind", "REPORTED"))
                .put(statements + s.statementIds().get(0)).then().statusCode(200));
        writes.put("statement deleted", () -> editor().delete(statements + s.statementIds().get(2))
                .then().statusCode(204));
        writes.put("speaker renamed", () -> editor().body(Map.of("name", unique("Renommé"), "kind", "PERSON",
                "country", "DZ")).put("/api/v1/participants/" + s.guest()).then().statusCode(200));
        writes.put("topic renamed", () -> editor().body(Map.of("slug", s.topic(), "name", unique("Sujet")))
                .put("/api/v1/topics/" + topicId).then().statusCode(200));
        for (var write : writes.entrySet()) {
            renderFull(s.eventId(), other.eventId());
            String before = read(path);
            String otherBefore = read("/api/v1/events/" + other.eventId());
            write.getValue().run();
            assertFalse(before.equals(readChecked(s.eventId())), write.getKey() + " shows in the event's read");
            String otherAfter = readChecked(other.eventId());
            assertEquals(write.getKey().equals("statement moved"), !otherBefore.equals(otherAfter),
                    write.getKey() + ": the other event changes only when the statement moves to it");
        }
        renderFull(s.eventId());
        editor().delete(path).then().statusCode(204);
        assertEquals(0, documents("event_full_doc", "event_id", List.of(s.eventId())), "deleted with its event");
        anonymous().get(path).then().statusCode(404);
    }

    @Test
    void anImportAddingAStatementToAnEventDropsItsFullDocument() throws Exception {
        String run = unique("full").toLowerCase();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("participants", List.of(Map.of("externalId", run + "-a", "name", "A " + run, "kind", "PERSON",
                "country", "CN"), Map.of("externalId", run + "-b", "name", "B " + run, "kind", "PERSON",
                "country", "RU")));
        doc.put("events", List.of(Map.of("externalId", run + "-call", "title", "Appel " + run, "type",
                "PHONE_CALL", "date", "2022-01-10", "participants", List.of(Map.of("participant", run + "-a"),
                        Map.of("participant", run + "-b")))));
        List<Map<String, Object>> said = new java.util.ArrayList<>(List.of(Map.of("event", run + "-call",
                "speaker", run + "-a", "text", "Premier propos.", "language", "fr", "kind", "REPORTED",
                "position", 1)));
        doc.put("statements", said);
        editor().contentType("application/json").body(doc).post("/api/v1/import").then().statusCode(200);
        long eventId = anonymous().queryParam("q", run).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        renderFull(eventId);
        said.add(Map.of("event", run + "-call", "speaker", run + "-b", "text", "Second propos.", "language", "fr",
                "kind", "REPORTED", "position", 2));
        editor().contentType("application/json").body(doc).post("/api/v1/import").then().statusCode(200)
                .body("statements.created", org.hamcrest.Matchers.equalTo(1));
        String read = readChecked(eventId);
        assertTrue(read.contains("Second propos."), read);
    }

    @Test
    void anEditThatChangesNothingShownKeepsTheDocuments() {
        Scene s = scene();
        long topicId = anonymous().get("/api/v1/topics?q=" + s.topic()).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        editor().body(Map.of("slug", s.topic(), "name", "Topic " + s.topic(), "description", "Only the description"))
                .put("/api/v1/topics/" + topicId).then().statusCode(200);
        assertEquals(1, documents("event_doc", "event_id", List.of(s.eventId())));
        assertEquals(3, documents("statement_doc", "statement_id", s.statementIds()));
    }
}
