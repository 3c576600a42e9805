package org.parley.statement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provenance that survives publication: a statement drafted from a report keeps its span (where its text is in the
 * report) and its event's source keeps the SHA-256 of the report's text, from the import to every read, export,
 * change feed entry and past state; a statement typed by hand has neither and works as before.
 */
@QuarkusTest
class ProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A made-up wire report (names and facts invented for the test), with accents and French quotation marks. */
    private static final String REPORT = """
            TALLINN, 4 avril (Agence Test) -- La ministre estonienne des Affaires étrangères a reçu mardi son \
            homologue kirghize pour un entretien consacré au transit et aux échanges étudiants.
            « Nos deux pays ont tout intérêt à garder ouvertes les routes de transit », a déclaré la ministre \
            estonienne à l'issue de la rencontre.
            De son côté, le chef de la diplomatie kirghize a souhaité que les bourses d'études soient doublées dès \
            l'automne prochain.
            Les deux parties ont aussi évoqué la météo, particulièrement clémente cette semaine.
            """;
    private static final String QUOTED = "« Nos deux pays ont tout intérêt à garder ouvertes les routes de transit »";
    private static final String REPORTED = "De son côté, le chef de la diplomatie kirghize a souhaité que les bourses"
            + " d'études soient doublées dès l'automne prochain.";

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The span of {@code text} in {@code report}, as a drafter would give it. */
    private static Map<String, Object> span(String report, String text) {
        int start = report.indexOf(text);
        assertTrue(start >= 0, "the text is in the report");
        return Map.of("start", start, "end", start + text.length());
    }

    private static List<Map<String, String>> csv(String body) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }

    private static List<Map<String, String>> csvOfEvent(long eventId, String fields) throws IOException {
        var request = anonymous().accept("text/csv").queryParam("event", eventId).queryParam("sort", "id");
        if (fields != null) {
            request.queryParam("fields", fields);
        }
        return csv(request.get("/api/v1/statements").then().statusCode(200).extract().asString());
    }

    private static List<JsonNode> ndjsonOfEvent(long eventId) throws IOException {
        String body = anonymous().accept("application/x-ndjson").queryParam("event", eventId).queryParam("sort", "id")
                .get("/api/v1/statements").then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** An import of two participants, an event whose source gives the report's hash and two drafted statements. */
    private static Map<String, Object> importDocument(String run, String hash, List<Map<String, Object>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("participants", List.of(
                Map.of("externalId", run + "-ee", "name", "Ministre EE " + run, "kind", "PERSON", "country", "EE"),
                Map.of("externalId", run + "-kg", "name", "Ministre KG " + run, "kind", "PERSON", "country", "KG")));
        Map<String, Object> source = new LinkedHashMap<>(Map.of("url", "https://example.org/" + run,
                "publisher", "Agence Test", "language", "fr"));
        if (hash != null) {
            source.put("textSha256", hash);
        }
        doc.put("events", List.of(Map.of("externalId", run + "-visit", "title", "Entretien " + run,
                "type", "MEETING", "date", "2023-04-04",
                "participants", List.of(Map.of("participant", run + "-ee"), Map.of("participant", run + "-kg")),
                "sources", List.of(source))));
        doc.put("statements", statements);
        return doc;
    }

    private static Map<String, Object> drafted(String run, String speaker, String text, String kind,
            Map<String, Object> span) {
        Map<String, Object> statement = new LinkedHashMap<>(Map.of("event", run + "-visit", "speaker",
                run + "-" + speaker, "text", text, "language", "fr", "kind", kind,
                "sourceUrl", "https://example.org/" + run));
        if (span != null) {
            statement.put("span", span);
        }
        return statement;
    }

    private static JsonPath importing(Object document, int status) throws IOException {
        return editor().contentType("application/json").body(JSON.writeValueAsBytes(document))
                .post("/api/v1/import").then().statusCode(status).extract().jsonPath();
    }

    private static long eventOf(String run) {
        return anonymous().queryParam("q", run).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void aDraftedStatementKeepsItsSpanFromImportToEveryReadAndExport() throws Exception {
        String run = unique("prov").toLowerCase();
        String hash = sha256(REPORT);
        Map<String, Object> quotedSpan = span(REPORT, QUOTED);
        Map<String, Object> reportedSpan = span(REPORT, REPORTED);
        Instant before = Instant.now();
        Map<String, Object> document = importDocument(run, hash, List.of(
                drafted(run, "ee", QUOTED, "DIRECT_QUOTE", quotedSpan),
                drafted(run, "kg", REPORTED, "REPORTED", reportedSpan)));
        assertEquals(2, importing(document, 200).getInt("statements.created"));
        long eventId = eventOf(run);

        // the event read: the source's hash, its statements' spans and the hash they cite
        JsonPath event = anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("sources[0].textSha256", equalTo(hash))
                .body("statements.span.start", contains(quotedSpan.get("start"), reportedSpan.get("start")))
                .body("statements.span.end", contains(quotedSpan.get("end"), reportedSpan.get("end")))
                .body("statements.sourceSha256", contains(hash, hash))
                .extract().jsonPath();
        // anyone holding the report finds each statement's text at its span, character for character
        assertEquals(hash, sha256(REPORT));
        for (int i = 0; i < 2; i++) {
            assertEquals(event.getString("statements[" + i + "].text"), REPORT.substring(
                    event.getInt("statements[" + i + "].span.start"), event.getInt("statements[" + i + "].span.end")));
        }
        long quotedId = event.getLong("statements[0].id");
        long reportedId = event.getLong("statements[1].id");

        anonymous().get("/api/v1/statements/" + reportedId).then().statusCode(200)
                .body("span.start", equalTo(reportedSpan.get("start")))
                .body("span.end", equalTo(reportedSpan.get("end")))
                .body("sourceSha256", equalTo(hash));
        anonymous().queryParam("event", eventId).queryParam("sort", "id").get("/api/v1/statements").then()
                .statusCode(200)
                .body("items.span.start", contains(quotedSpan.get("start"), reportedSpan.get("start")))
                .body("items.sourceSha256", contains(hash, hash));
        anonymous().queryParam("participant", event.getLong("participants[0].participantId")).get("/api/v1/events")
                .then()
                .statusCode(200).body("items[0].sources[0].textSha256", equalTo(hash));

        // CSV: the stored rows and the rows of chosen columns carry the same span and hash
        List<Map<String, String>> rows = csvOfEvent(eventId, null);
        assertEquals(2, rows.size());
        assertEquals(String.valueOf(quotedSpan.get("start")), rows.get(0).get("spanStart"));
        assertEquals(String.valueOf(quotedSpan.get("end")), rows.get(0).get("spanEnd"));
        assertEquals(String.valueOf(reportedSpan.get("start")), rows.get(1).get("spanStart"));
        assertEquals(String.valueOf(reportedSpan.get("end")), rows.get(1).get("spanEnd"));
        assertEquals(List.of(hash, hash), rows.stream().map(row -> row.get("sourceSha256")).toList());
        assertEquals(REPORTED, rows.get(1).get("text"));
        List<Map<String, String>> chosen = csvOfEvent(eventId, "id,spanStart,spanEnd,sourceSha256");
        assertEquals(Map.of("id", String.valueOf(reportedId), "spanStart", String.valueOf(reportedSpan.get("start")),
                "spanEnd", String.valueOf(reportedSpan.get("end")), "sourceSha256", hash), chosen.get(1));

        // NDJSON: each statement as its read shows it
        List<JsonNode> lines = ndjsonOfEvent(eventId);
        assertEquals(2, lines.size());
        assertEquals(quotedId, lines.get(0).get("id").asLong());
        assertEquals(quotedSpan.get("start"), lines.get(0).get("span").get("start").asInt());
        assertEquals(quotedSpan.get("end"), lines.get(0).get("span").get("end").asInt());
        assertEquals(hash, lines.get(1).get("sourceSha256").asText());

        // the change feed's records of the import, and the same document again changes nothing
        JsonPath feed = anonymous().queryParam("since", before.toString()).queryParam("size", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(reportedSpan.get("start"), feed.getInt("items.find { it.collection == 'statements' && it.id == "
                + reportedId + " }.record.span.start"));
        assertEquals(hash, feed.getString("items.find { it.collection == 'events' && it.id == " + eventId
                + " }.record.sources[0].textSha256"));
        JsonPath again = importing(document, 200);
        assertEquals(List.of(0, 0, 2), List.of(again.getInt("statements.created"), again.getInt("statements.updated"),
                again.getInt("statements.unchanged")));
        assertEquals(0, again.getInt("events.updated"));
    }

    @Test
    void aSpanMustCoverExactlyTheTextAndABadOneWritesNothing() throws Exception {
        long host = createParticipant(unique("Hôte"), "LV");
        long eventId = createEvent(event("Visite", "VISIT", "2023-05-02", List.of(host), Map.of()));
        String text = "Accord signé 🤝 à Riga."; // the emoji is two UTF-16 code units, four UTF-8 bytes
        assertEquals(23, text.length());
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("must give both start and end", Map.of("start", 10));
        bad.put("must give both start and end ", Map.of("end", 33));
        bad.put("start must be 0 or more", Map.of("start", -1, "end", 22));
        bad.put("end must be greater than start", Map.of("start", 40, "end", 40));
        bad.put("end must be greater than start ", Map.of("start", 40, "end", 17));
        bad.put("must cover exactly the text's length: end - start is 22 but the text has 23 characters",
                Map.of("start", 10, "end", 32)); // counted in code points
        bad.put("must cover exactly the text's length: end - start is 27 but the text has 23 characters",
                Map.of("start", 10, "end", 37)); // counted in UTF-8 bytes
        for (var span : bad.entrySet()) {
            editor().body(Map.of("eventId", eventId, "speakerId", host, "text", text, "language", "fr",
                            "kind", "REPORTED", "span", span.getValue()))
                    .post("/api/v1/statements").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("span"))
                    .body("violations[0].message", containsString(span.getKey().strip()));
        }
        anonymous().queryParam("event", eventId).get("/api/v1/statements").then().body("total", equalTo(0));

        // the span in code units is right; a patch or a replacement that breaks it is refused and changes nothing
        long said = createStatement(eventId, host, text, Map.of("span", Map.of("start", 10, "end", 33)));
        String path = "/api/v1/statements/" + said;
        editor().contentType("application/merge-patch+json")
                .body("{\"text\": \"Accord signé.\"}".getBytes(StandardCharsets.UTF_8)).patch(path).then()
                .statusCode(400).body("violations.field", contains("span"));
        editor().contentType("application/merge-patch+json")
                .body("{\"span\": {\"start\": 10, \"end\": null}}".getBytes(StandardCharsets.UTF_8)).patch(path)
                .then().statusCode(400).body("violations.field", contains("span"));
        editor().body(Map.of("eventId", eventId, "speakerId", host, "text", text, "language", "fr",
                        "kind", "REPORTED", "span", Map.of("start", 0, "end", 0)))
                .put(path).then().statusCode(400).body("violations.field", contains("span"));
        anonymous().get(path).then().statusCode(200).body("version", equalTo(0))
                .body("span.start", equalTo(10)).body("span.end", equalTo(33));
        // the text as stored, without the white space around it, is what the span must cover
        editor().body(Map.of("eventId", eventId, "speakerId", host, "text", "  " + text + "\n", "language", "fr",
                        "kind", "REPORTED", "span", Map.of("start", 100, "end", 123)))
                .put(path).then().statusCode(200).body("text", equalTo(text)).body("span.start", equalTo(100));
        // a merge patch with null takes the span away: the statement is then as if typed by hand
        editor().contentType("application/merge-patch+json")
                .body("{\"span\": null}".getBytes(StandardCharsets.UTF_8)).patch(path).then().statusCode(200)
                .body("span", nullValue());

        // in an import, the violation names the statement's place, and nothing of the document is written
        String run = unique("badspan").toLowerCase();
        assertEquals(List.of("statements[1].span"), importing(importDocument(run, sha256(REPORT), List.of(
                drafted(run, "ee", QUOTED, "DIRECT_QUOTE", span(REPORT, QUOTED)),
                drafted(run, "kg", REPORTED, "REPORTED", Map.of("start", 5, "end", 5 + REPORTED.length() - 1)))), 400)
                .getList("violations.field"));
        editor().contentType("application/json").body(JSON.writeValueAsBytes(importDocument(run, sha256(REPORT),
                        List.of(drafted(run, "kg", REPORTED, "REPORTED", Map.of("start", -3, "end", 20))))))
                .post("/api/v1/import").then().statusCode(400)
                .body("violations.field", contains("statements[0].span"))
                .body("violations[0].message", containsString("start must be 0 or more"));
        anonymous().queryParam("q", run).get("/api/v1/events").then().body("total", equalTo(0));
        anonymous().queryParam("q", run).get("/api/v1/participants").then().body("total", equalTo(0));
        String line = JSON.writeValueAsString(Map.of("collection", "statements", "event", run + "-visit",
                "speaker", run + "-kg", "text", REPORTED, "language", "fr", "kind", "REPORTED",
                "span", Map.of("start", 3)));
        editor().contentType("application/x-ndjson").body((line + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import").then().statusCode(400)
                .body("violations.field", contains("line 1.span"));
    }

    @Test
    void aSourcesHashIsLowercaseHexOfSixtyFourDigitsAndRoundTrips() throws Exception {
        long host = createParticipant(unique("Hôtesse"), "LT");
        String hash = sha256(REPORT);
        for (String wrong : List.of(hash.toUpperCase(), hash.substring(1), hash + "0", "g" + hash.substring(1), "")) {
            editor().body(event("Visite", "VISIT", "2023-06-01", List.of(host), Map.of("sources", List.of(
                            Map.of("url", "https://example.org/lt", "publisher", "Agence Test", "textSha256", wrong)))))
                    .post("/api/v1/events").then().statusCode(400)
                    .body("violations.field", contains("sources[0].textSha256"))
                    .body("violations[0].message", containsString("64 characters"));
        }
        anonymous().queryParam("participant", host).get("/api/v1/events").then().body("total", equalTo(0));
        String run = unique("badhash").toLowerCase();
        assertEquals(List.of("events[0].sources[0].textSha256"),
                importing(importDocument(run, hash.toUpperCase(), List.of()), 400).getList("violations.field"));

        long eventId = createEvent(event("Visite", "VISIT", "2023-06-01", List.of(host), Map.of("sources", List.of(
                Map.of("url", "https://example.org/lt", "publisher", "Agence Test", "textSha256", hash),
                Map.of("url", "https://example.org/lt-en", "publisher", "Test Agency")))));
        String path = "/api/v1/events/" + eventId;
        String read = anonymous().get(path).then().statusCode(200)
                .body("sources.textSha256", contains(hash, null)).extract().asString();
        // the body of a read sent back unchanged changes nothing
        editor().body(read).put(path).then().statusCode(200).body("version", equalTo(0));
        assertEquals(read, anonymous().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void aStatementShowsTheHashOfTheSourceItCitesAsTheEventChangesIt() throws Exception {
        long host = createParticipant(unique("Orateur"), "LV");
        String url = "https://example.org/" + unique("hash");
        String first = sha256(REPORT);
        String corrected = sha256(REPORT + "Rectificatif : la rencontre a eu lieu mercredi.\n");
        Map<String, Object> body = new LinkedHashMap<>(event("Entretien", "MEETING", "2023-04-05", List.of(host),
                Map.of("sources", List.of(Map.of("url", url, "publisher", "Agence Test", "textSha256", first)))));
        long eventId = createEvent(body);
        long cites = createStatement(eventId, host, QUOTED, Map.of("sourceUrl", url,
                "span", span(REPORT, QUOTED), "kind", "DIRECT_QUOTE"));
        long citesNothing = createStatement(eventId, host, "Propos sans source.", Map.of());
        anonymous().get("/api/v1/statements/" + cites).then().body("sourceSha256", equalTo(first));

        Instant moment = Instant.now();
        body.put("sources", List.of(Map.of("url", url, "publisher", "Agence Test", "textSha256", corrected)));
        editor().body(body).put("/api/v1/events/" + eventId).then().statusCode(200);
        // the citing statement shows the new hash, in a new version of its own, and nothing else changes
        anonymous().get("/api/v1/statements/" + cites).then().statusCode(200)
                .body("sourceSha256", equalTo(corrected)).body("version", equalTo(1));
        anonymous().get("/api/v1/statements/" + citesNothing).then().statusCode(200)
                .body("sourceSha256", nullValue()).body("version", equalTo(0));
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("statements.sourceSha256", contains(corrected, null));
        List<Map<String, String>> rows = csvOfEvent(eventId, null);
        assertEquals(List.of(corrected, ""), rows.stream().map(row -> row.get("sourceSha256")).toList());
        assertEquals(rows, csvOfEvent(eventId, String.join(",", rows.get(0).keySet())), "stored rows = projection");
        anonymous().queryParam("since", moment.toString()).get("/api/v1/changes").then().statusCode(200)
                .body("items.collection", contains("events", "statements"))
                .body("items[1].record.sourceSha256", equalTo(corrected));
        anonymous().queryParam("asOf", moment.toString()).get("/api/v1/statements/" + cites).then().statusCode(200)
                .body("sourceSha256", equalTo(first));

        // without the source, the statement cites no hash
        body.put("sources", List.of());
        editor().body(body).put("/api/v1/events/" + eventId).then().statusCode(200);
        anonymous().get("/api/v1/statements/" + cites).then().body("sourceSha256", nullValue())
                .body("span.start", equalTo(span(REPORT, QUOTED).get("start")));
    }

    @Test
    void historyKeepsTheSpanAStatementHadThen() throws Exception {
        long host = createParticipant(unique("Témoin"), "EE");
        String url = "https://example.org/" + unique("asof");
        long eventId = createEvent(event("Entretien", "MEETING", "2023-04-04", List.of(host), Map.of("sources",
                List.of(Map.of("url", url, "publisher", "Agence Test", "textSha256", sha256(REPORT))))));
        Map<String, Object> firstSpan = span(REPORT, QUOTED);
        long said = createStatement(eventId, host, QUOTED, Map.of("sourceUrl", url, "span", firstSpan));
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);
        Map<String, Object> secondSpan = span(REPORT, REPORTED);
        editor().contentType("application/merge-patch+json").body(JSON.writeValueAsBytes(Map.of("text", REPORTED,
                "span", secondSpan))).patch("/api/v1/statements/" + said).then().statusCode(200)
                .body("span.start", equalTo(secondSpan.get("start")));
        anonymous().queryParam("asOf", then.toString()).get("/api/v1/statements/" + said).then().statusCode(200)
                .body("text", equalTo(QUOTED))
                .body("span.start", equalTo(firstSpan.get("start"))).body("span.end", equalTo(firstSpan.get("end")))
                .body("sourceSha256", equalTo(sha256(REPORT)));
        anonymous().queryParam("asOf", then.toString()).get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("statements[0].span.start", equalTo(firstSpan.get("start")))
                .body("sources[0].textSha256", equalTo(sha256(REPORT)));
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("statements[0].span.start", equalTo(secondSpan.get("start")));
    }

    @Test
    void aStatementTypedByHandHasNoSpanAndExportsEmptyCells() throws Exception {
        long host = createParticipant(unique("Main"), "FI");
        long eventId = createEvent(event("Appel", "PHONE_CALL", "2023-07-07", List.of(host), Map.of()));
        long said = createStatement(eventId, host, "Saisi à la main, sans rapport sous les yeux.", Map.of());
        String path = "/api/v1/statements/" + said;
        String read = anonymous().get(path).then().statusCode(200)
                .body("span", nullValue()).body("sourceSha256", nullValue()).extract().asString();
        assertTrue(read.contains("\"span\":null"), read);
        editor().body(read).put(path).then().statusCode(200).body("version", equalTo(0));
        assertEquals(read, anonymous().get(path).then().statusCode(200).extract().asString(), "a round trip");
        Map<String, String> row = csvOfEvent(eventId, null).get(0);
        assertEquals(List.of("", "", ""), List.of(row.get("spanStart"), row.get("spanEnd"), row.get("sourceSha256")));
        assertEquals(row, csvOfEvent(eventId, String.join(",", row.keySet())).get(0));
        assertTrue(ndjsonOfEvent(eventId).get(0).get("span").isNull());

        // and so does one with a span: its read sent back unchanged changes nothing
        long drafted = createStatement(eventId, host, REPORTED, Map.of("span", span(REPORT, REPORTED)));
        String draftedRead = anonymous().get("/api/v1/statements/" + drafted).then().statusCode(200)
                .extract().asString();
        editor().body(draftedRead).put("/api/v1/statements/" + drafted).then().statusCode(200)
                .body("version", equalTo(0));
        assertNotEquals(read, draftedRead);
    }
}
