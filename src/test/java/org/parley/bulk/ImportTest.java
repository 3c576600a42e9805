package org.parley.bulk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk import: natural keys, upserts, idempotence, dry runs, NDJSON, and every problem reported by position. */
@QuarkusTest
class ImportTest {

    @Inject
    EntityManager entityManager;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document of two participants, a topic, an event and three statements, all keys unique to this call. */
    private static Map<String, Object> document(String run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("participants", List.of(
                Map.of("externalId", run + "-wang", "name", "Wang Yi " + run, "kind", "PERSON", "country", "CN",
                        "aliases", List.of("王毅")),
                Map.of("externalId", run + "-lavrov", "name", "Sergey Lavrov " + run, "kind", "PERSON",
                        "country", "RU")));
        doc.put("topics", List.of(Map.of("slug", run + "-kz", "name", "Kazakhstan " + run)));
        doc.put("events", List.of(new LinkedHashMap<>(Map.of("externalId", run + "-call",
                "title", "Entretien " + run, "type", "PHONE_CALL", "date", "2022-01-10",
                "participants", List.of(Map.of("participant", run + "-wang", "role", "Ministre"),
                        Map.of("participant", run + "-lavrov")),
                "subjectCountries", List.of("KZ"), "topics", List.of(run + "-kz"),
                "sources", List.of(Map.of("url", "https://example.org/" + run, "publisher", "Xinhua"))))));
        doc.put("statements", new ArrayList<>(List.of(
                statement(run, run + "-wang", "La Chine soutient le Kazakhstan."),
                statement(run, run + "-lavrov", "La Russie est prête à coopérer."),
                statement(run, run + "-wang", "Il faut empêcher les « révolutions de couleur ».")))) ;
        return doc;
    }

    private static Map<String, Object> statement(String run, String speaker, String text) {
        return new LinkedHashMap<>(Map.of("event", run + "-call", "speaker", speaker, "text", text,
                "language", "fr", "kind", "REPORTED", "topics", List.of(run + "-kz")));
    }

    private static byte[] json(Object body) throws Exception {
        return JSON.writeValueAsBytes(body);
    }

    private static JsonPath importing(Object document, int status, String... query) throws Exception {
        var request = editor().contentType("application/json").body(json(document));
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.post("/api/v1/import").then().statusCode(status).extract().jsonPath();
    }

    private static void counts(JsonPath result, String collection, int created, int updated, int unchanged) {
        assertEquals(List.of(created, updated, unchanged), List.of(result.getInt(collection + ".created"),
                result.getInt(collection + ".updated"), result.getInt(collection + ".unchanged")), collection);
    }

    /** The cursor after the last change. */
    private static String feedEnd() {
        String cursor = null;
        JsonPath page;
        do {
            var request = anonymous().queryParam("size", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("more"));
        return cursor;
    }

    private static JsonPath eventTitled(String word) {
        return anonymous().queryParam("q", word).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDocumentCreatesItsRecordsAndTheSameDocumentTwiceChangesNothing() throws Exception {
        String run = unique("imp").toLowerCase();
        JsonPath first = importing(document(run), 200);
        counts(first, "participants", 2, 0, 0);
        counts(first, "topics", 1, 0, 0);
        counts(first, "events", 1, 0, 0);
        counts(first, "statements", 3, 0, 0);

        JsonPath found = eventTitled(run);
        assertEquals(1, found.getInt("total"));
        long eventId = found.getLong("items[0].id");
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("externalId", equalTo(run + "-call"), "participants.name",
                        contains("Wang Yi " + run, "Sergey Lavrov " + run),
                        "participants.role", contains("Ministre", null), "topics.slug", contains(run + "-kz"),
                        "statements.position", contains(1, 2, 3),
                        "statements.speakerName", contains("Wang Yi " + run, "Sergey Lavrov " + run, "Wang Yi " + run),
                        "statements[2].text", equalTo("Il faut empêcher les « révolutions de couleur »."));

        String before = feedEnd();
        JsonPath again = importing(document(run), 200);
        counts(again, "participants", 0, 0, 2);
        counts(again, "topics", 0, 0, 1);
        counts(again, "events", 0, 0, 1);
        counts(again, "statements", 0, 0, 3);
        anonymous().queryParam("cursor", before).get("/api/v1/changes").then().statusCode(200)
                .body("items", empty());
        anonymous().get("/api/v1/events/" + eventId).then().body("version", equalTo(0));
    }

    @Test
    void importedStatementsHaveTheirHistoryFeedEntriesAndWordsLikeAnyOther() throws Exception {
        String run = unique("bulk").toLowerCase();
        String before = feedEnd();
        importing(document(run), 200);
        long eventId = eventTitled(run).getLong("items[0].id");
        // found by a word of one statement only, accents folded, through the statements and through their event
        JsonPath said = anonymous().queryParam("q", "revolutions couleur").queryParam("event", eventId)
                .get("/api/v1/statements").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3), said.getList("items.position"));
        assertEquals(List.of(eventId), eventTitled("empecher " + run).getList("items.id", Long.class));
        long statementId = said.getLong("items[0].id");

        String current = anonymous().get("/api/v1/statements/" + statementId).then().statusCode(200)
                .body("topics.slug", contains(run + "-kz"), "speakerName", equalTo("Wang Yi " + run))
                .extract().asString();
        // its history: created by the importing editor, and as it stood then what a read shows now
        anonymous().get("/api/v1/statements/" + statementId + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED"), "items.editor", contains("editor"),
                        "items.version", contains(0));
        String then = anonymous().queryParam("asOf", java.time.Instant.now().toString())
                .get("/api/v1/statements/" + statementId).then().statusCode(200).extract().asString();
        assertEquals(JSON.readTree(current), JSON.readTree(then));
        // the feed: every record of the import once, in one revision, the statement as a read shows it
        JsonPath feed = anonymous().queryParam("cursor", before).queryParam("size", 1000).get("/api/v1/changes")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = feed.<Map<String, Object>>getList("items").stream()
                .filter(c -> JSON.valueToTree(c.get("record")).toString().contains(run)).toList();
        assertEquals(List.of("participants", "participants", "topics", "events", "statements", "statements",
                "statements"), mine.stream().map(c -> c.get("collection")).toList());
        assertEquals(1, mine.stream().map(c -> c.get("revision")).distinct().count());
        Map<String, Object> change = mine.stream().filter(c -> ((Number) c.get("id")).longValue() == statementId)
                .findFirst().orElseThrow();
        assertEquals(JSON.readTree(current), JSON.valueToTree(change.get("record")));
    }

    @Test
    void changedRecordsAreUpdatedInPlaceAndTheRestLeftAlone() throws Exception {
        String run = unique("upd").toLowerCase();
        importing(document(run), 200);
        Map<String, Object> changed = document(run);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = ((List<Map<String, Object>>) changed.get("events")).get(0);
        event.put("title", "Entretien téléphonique " + run);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> said = (List<Map<String, Object>>) changed.get("statements");
        said.get(1).put("translation", "Russia is ready to cooperate.");
        said.get(2).put("topics", List.of());
        said.add(statement(run, run + "-lavrov", "Une quatrième déclaration."));

        String before = feedEnd();
        JsonPath result = importing(changed, 200);
        counts(result, "participants", 0, 0, 2);
        counts(result, "events", 0, 1, 0);
        counts(result, "statements", 1, 2, 1);
        long eventId = eventTitled(run).getLong("items[0].id");
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("title", equalTo("Entretien téléphonique " + run), "version", equalTo(1),
                        "statements.position", contains(1, 2, 3, 4),
                        "statements[1].translation", equalTo("Russia is ready to cooperate."),
                        "statements[2].topics", empty(), "statements[0].topics.slug", contains(run + "-kz"));
        anonymous().queryParam("cursor", before).get("/api/v1/changes").then().statusCode(200)
                .body("items.operation", containsInAnyOrder("UPDATED", "UPDATED", "UPDATED", "CREATED"),
                        "items.collection", containsInAnyOrder("events", "statements", "statements", "statements"));
    }

    @Test
    void aParticipantOfParleyIsNamedByItsWikidataId() throws Exception {
        String run = unique("wd").toLowerCase();
        long lavrov = anonymous().queryParam("q", "Lavrov").get("/api/v1/participants").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.wikidataId == 'Q58217' }.id");
        Map<String, Object> doc = document(run);
        doc.put("participants", List.of(((List<?>) doc.get("participants")).get(0)));
        @SuppressWarnings("unchecked")
        Map<String, Object> event = ((List<Map<String, Object>>) doc.get("events")).get(0);
        event.put("participants", List.of(Map.of("participant", run + "-wang"), Map.of("participant", "Q58217")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> said = (List<Map<String, Object>>) doc.get("statements");
        said.get(1).put("speaker", "Q58217");
        JsonPath result = importing(doc, 200);
        counts(result, "participants", 1, 0, 0);
        long eventId = eventTitled(run).getLong("items[0].id");
        anonymous().get("/api/v1/events/" + eventId).then()
                .body("participants.participantId", hasItem((int) lavrov),
                        "statements[1].speakerId", equalTo((int) lavrov));
    }

    @Test
    void aDryRunCountsWhatItWouldDoAndWritesNothing() throws Exception {
        String run = unique("dry").toLowerCase();
        String before = feedEnd();
        JsonPath result = importing(document(run), 200, "dryRun", "true");
        assertEquals(true, result.getBoolean("dryRun"));
        counts(result, "participants", 2, 0, 0);
        counts(result, "statements", 3, 0, 0);
        assertEquals(0, eventTitled(run).getInt("total"));
        anonymous().queryParam("q", "Lavrov " + run).get("/api/v1/participants").then().body("total", equalTo(0));
        anonymous().queryParam("cursor", before).get("/api/v1/changes").then().body("items", empty());
        editor().contentType("application/json").body(json(document(run))).queryParam("dryRun", "perhaps")
                .post("/api/v1/import").then().statusCode(400).body("violations[0].field", equalTo("dryRun"));
    }

    @Test
    void everyProblemIsReportedByItsPlaceAndNothingIsWritten() throws Exception {
        String run = unique("bad").toLowerCase();
        Map<String, Object> doc = document(run);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = new ArrayList<>((List<Map<String, Object>>) doc.get("participants"));
        people.add(Map.of("name", "Nobody", "kind", "PERSON"));                    // no key
        people.add(Map.of("externalId", run + "-wang", "name", "Twin", "kind", "PERSON")); // the same key twice
        people.add(Map.of("externalId", run + "-x", "kind", "PERSON", "country", "XX"));  // no name, bad country
        doc.put("participants", people);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = ((List<Map<String, Object>>) doc.get("events")).get(0);
        event.put("participants", List.of(Map.of("participant", run + "-wang"), Map.of("participant", "ghost")));
        event.put("topics", List.of(run + "-kz", "no-such-topic"));
        event.put("location", Map.of("country", "XX")); // a problem inside a part of a record
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> said = (List<Map<String, Object>>) doc.get("statements");
        said.get(1).put("event", "no-such-event");
        said.get(2).put("speaker", run + "-lavrov"); // not a participant of the event any more

        String before = feedEnd();
        // each record is checked on its own first
        editor().contentType("application/json").body(json(doc)).post("/api/v1/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("participants[4].name", "participants[4].country",
                        "events[0].location.country"));

        // once each record is valid on its own, the references are checked, all at once
        people.set(4, Map.of("externalId", run + "-x", "name", "Someone", "kind", "PERSON"));
        event.remove("location");
        editor().contentType("application/json").body(json(doc)).post("/api/v1/import").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("participants[2].externalId", "participants[3]",
                        "events[0].participants[1].participant", "events[0].topics[1]", "statements[1].event",
                        "statements[2].speaker"))
                .body("violations.find { it.field == 'events[0].participants[1].participant' }.message",
                        equalTo("participant 'ghost' is neither in the document nor in Parley (by externalId or"
                                + " wikidataId)"));
        assertEquals(0, eventTitled(run).getInt("total"));
        anonymous().queryParam("cursor", before).get("/api/v1/changes").then().body("items", empty());
    }

    @Test
    void ndjsonCarriesOneRecordPerLineAndProblemsNameTheLine() throws Exception {
        String run = unique("nd").toLowerCase();
        Map<String, Object> doc = document(run);
        StringBuilder lines = new StringBuilder();
        for (String collection : List.of("participants", "topics", "events", "statements")) {
            for (Object item : (List<?>) doc.get(collection)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("collection", collection);
                line.putAll((Map<String, ?>) item);
                lines.append(JSON.writeValueAsString(line)).append('\n');
            }
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        JsonPath result = editor().contentType("application/x-ndjson").body(body).post("/api/v1/import").then()
                .statusCode(200).extract().jsonPath();
        counts(result, "participants", 2, 0, 0);
        counts(result, "statements", 3, 0, 0);
        JsonPath again = editor().contentType("application/x-ndjson").body(body).post("/api/v1/import").then()
                .statusCode(200).extract().jsonPath();
        counts(again, "statements", 0, 0, 3);

        String bad = "{\"collection\": \"topics\", \"slug\": \"" + run + "-b\", \"name\": \"B\"}\n"
                + "{\"collection\": \"meetings\"}\n"
                + "{\"collection\": \"topics\", \"slug\": \"Not A Slug\", \"name\": \"C\"}\n"
                + "{not json\n";
        editor().contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("line 2.collection", "line 4"));
        editor().contentType("application/x-ndjson").body(bad.replace("{not json\n", "")
                        .replace("{\"collection\": \"meetings\"}\n", "").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(400).body("violations.field", contains("line 2.slug"));
        anonymous().get("/api/v1/topics?q=" + run + "-b").then().body("total", equalTo(0));

        // bytes that are not UTF-8 on a later line refuse it all
        byte[] first = ("{\"collection\": \"topics\", \"slug\": \"" + run + "-b\", \"name\": \"B\"}\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'{', '"', 'x', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        editor().contentType("application/x-ndjson").body(concat(first, notUtf8)).post("/api/v1/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("body"), "violations.message", contains("is not UTF-8"));
        anonymous().get("/api/v1/topics?q=" + run + "-b").then().body("total", equalTo(0));
        // CRLF line ends, as Windows tools write them: the line numbers stay those an editor shows
        editor().contentType("application/x-ndjson").body(concat(first,
                "\r\n{\"collection\": \"topics\", \"slug\": \"Not A Slug\", \"name\": \"C\"}\r\n"
                        .getBytes(StandardCharsets.UTF_8))).post("/api/v1/import").then().statusCode(400)
                .body("violations.field", contains("line 3.slug"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void statementsOfManyBatchesAreAllWrittenWithTheirTopicsWordsAndDocuments() throws Exception {
        // three batches of creation: every batch's rows, topics, words and documents, and ids that stay unique
        String run = unique("batches").toLowerCase();
        Map<String, Object> doc = document(run);
        List<Map<String, Object>> statements = new ArrayList<>();
        int count = 12_001;
        for (int i = 1; i <= count; i++) {
            statements.add(statement(run, run + (i % 2 == 0 ? "-wang" : "-lavrov"),
                    "Déclaration numéro " + i + " sur le corridor " + (i == count ? "transcaspien" : "routier") + "."));
        }
        doc.put("statements", statements);
        counts(importing(doc, 200), "statements", count, 0, 0);

        long eventId = eventTitled(run).getLong("items[0].id");
        anonymous().queryParam("event", eventId).queryParam("topic", run + "-kz").queryParam("size", 1)
                .get("/api/v1/statements").then().statusCode(200).body("total", equalTo(count));
        // the last statement of the last batch, by its own word
        anonymous().queryParam("q", "transcaspien").queryParam("event", eventId).get("/api/v1/statements").then()
                .statusCode(200).body("total", equalTo(1), "items[0].position", equalTo(count),
                        "items[0].topics.slug", contains(run + "-kz"));
        List<Long> stored = QuarkusTransaction.requiringNew().call(() -> List.of(
                count("select count(*) from statement_doc d join statement s on s.id = d.statement_id"
                        + " where s.event_id = ?1", eventId),
                count("select count(*) from statement_csv c join statement s on s.id = c.statement_id"
                        + " where s.event_id = ?1", eventId),
                count("select count(*) from statement_topic t join statement s on s.id = t.statement_id"
                        + " where s.event_id = ?1", eventId)));
        assertEquals(List.of((long) count, (long) count, (long) count), stored, "documents, CSV rows, topic links");

        // a statement written by the API afterwards gets an id none of the imported ones has
        long last = anonymous().queryParam("event", eventId).queryParam("sort", "-id").queryParam("size", 1)
                .get("/api/v1/statements").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        long speaker = anonymous().queryParam("q", "Wang Yi " + run).get("/api/v1/participants").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
        assertThat(createStatement(eventId, speaker, "Une dernière déclaration.", Map.of()), greaterThan(last));
    }

    private long count(String sql, Object parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    @Test
    void anImportMayBeFarLargerThanOtherBodies() throws Exception {
        String run = unique("big").toLowerCase();
        String description = "Une description assez longue pour grossir le document. ".repeat(12);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(Map.of("slug", run + "-" + i, "name", "Topic " + i, "description", description));
        }
        byte[] body = json(Map.of("topics", many));
        assertEquals(true, body.length > 2 * 1024 * 1024, "over twice the 1 MiB limit of other bodies");
        counts(importing(Map.of("topics", many), 200), "topics", 3000, 0, 0);
        anonymous().queryParam("q", run).get("/api/v1/topics").then().body("total", equalTo(3000));
        editor().contentType("application/json").body(body).post("/api/v1/topics").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void onlyEditorsImport() throws Exception {
        anonymous().body(json(document("anon"))).post("/api/v1/import").then().statusCode(401)
                .contentType("application/problem+json");
        editor().contentType("text/plain").body("participants").post("/api/v1/import").then().statusCode(415);
        editor().contentType("application/json").body("{\"participants\": [").post("/api/v1/import").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
