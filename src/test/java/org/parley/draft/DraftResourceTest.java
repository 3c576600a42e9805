package org.parley.draft;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.Api;
import org.parley.value.Sha256;

@QuarkusTest
class DraftResourceTest {

    private static final String SEED_EVENT = "xinhua-fr-2022-01-12-wang-yi-lavrov-phone-call";
    private static final String SEED_URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";

    private static Map<String, Object> seedRequest() {
        return Map.of("text", Fixtures.seedText(), "url", SEED_URL, "publisher", "Xinhua",
                "publishedAt", "2022-01-12T08:55:00+08:00");
    }

    private static JsonPath draft(Object body) {
        return Api.editor().contentType("application/json").body(body).post("/api/v1/drafts")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void theSeedReportGivesTheSeedEventWithExactSpansAndNamesTheStoredOneAsADuplicate() {
        String text = Fixtures.seedText();
        JsonPath draft = draft(seedRequest());
        assertEquals("PHONE_CALL", draft.getString("events[0].type"));
        assertEquals("2022-01-10", draft.getString("events[0].date"));
        assertEquals(List.of("parley-seed-wang-yi", "parley-seed-sergey-lavrov"),
                draft.getList("events[0].participants.participant"));
        assertEquals(List.of("KZ"), draft.getList("events[0].subjectCountries"));
        assertEquals("fr", draft.getString("draft.language"));
        assertTrue(draft.getString("draft.languageCue").startsWith("detected"), draft.getString("draft.languageCue"));
        assertEquals(Sha256.hex(text), draft.getString("draft.textSha256"));
        assertEquals(Sha256.hex(text), draft.getString("events[0].sources[0].textSha256"));
        assertEquals(List.of(), draft.getList("participants"), "both ministers are stored participants");
        List<Map<String, Object>> statements = draft.getList("statements");
        assertEquals(16, statements.size());
        for (int i = 0; i < statements.size(); i++) {
            int start = draft.getInt("statements[" + i + "].span.start");
            int end = draft.getInt("statements[" + i + "].span.end");
            assertEquals(text.substring(start, end), statements.get(i).get("text"), "statement " + i);
            assertEquals(i + 1, statements.get(i).get("position"));
            assertEquals(SEED_URL, statements.get(i).get("sourceUrl"));
        }
        assertEquals("'lundi' before a report of Wednesday 2022-01-12 (+08:00): Monday 2022-01-10",
                draft.getString("draft.event.dateReasoning"));
        assertEquals(SEED_EVENT, draft.getString("draft.duplicates[0].externalId"));
        assertTrue(draft.getString("draft.duplicates[0].reason").startsWith("same participants (Wang Yi, Sergey"
                + " Lavrov), 0 days apart"), draft.getString("draft.duplicates[0].reason"));
    }

    @Test
    void theDraftImportsAsItIsIntoAnEventLikeTheSeedEvent() {
        String wang = Api.anonymous().queryParam("q", "Wang Yi").get("/api/v1/participants").then().extract()
                .jsonPath().getString("items.find { it.name == 'Wang Yi' }.id");
        Set<Integer> before = new HashSet<>(eventsOfWangOn20220110(wang));
        String document = Api.editor().contentType("application/json").body(seedRequest()).post("/api/v1/drafts")
                .then().statusCode(200).extract().asString();
        String importedSince = java.time.Instant.now().minusSeconds(1).toString();
        Api.editor().contentType("application/json").body(document).post("/api/v1/import").then().statusCode(200)
                .body("events.created", equalTo(1)).body("statements.created", equalTo(16))
                .body("participants.created", equalTo(0));
        Set<Integer> after = new HashSet<>(eventsOfWangOn20220110(wang));
        after.removeAll(before);
        assertEquals(1, after.size());
        int created = after.iterator().next();
        int seed = before.iterator().next();
        try {
            JsonPath mine = Api.anonymous().get("/api/v1/events/" + created).then().statusCode(200).extract().jsonPath();
            JsonPath stored = Api.anonymous().get("/api/v1/events/" + seed).then().statusCode(200).extract()
                    .jsonPath();
            for (String field : List.of("date", "type", "participants.participantId", "subjectCountries",
                    "statements.speakerId", "cameoCode")) {
                assertEquals(String.valueOf((Object) stored.get(field)), String.valueOf((Object) mine.get(field)),
                        field);
            }
            // provenance survives publication: each statement keeps its span, and its source the text's SHA-256
            String text = Fixtures.seedText();
            String sha256 = Sha256.hex(text);
            List<Map<String, Object>> statements = mine.getList("statements");
            for (Map<String, Object> statement : statements) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> span = (Map<String, Integer>) statement.get("span");
                assertEquals(text.substring(span.get("start"), span.get("end")), statement.get("text"));
                assertEquals(sha256, statement.get("sourceSha256"));
            }
            String csv = Api.anonymous().queryParam("event", created).queryParam("format", "csv")
                    .queryParam("fields", "position,spanStart,spanEnd,sourceSha256").get("/api/v1/statements").then()
                    .statusCode(200).extract().asString();
            Map<String, Integer> first = mine.getMap("statements[0].span");
            assertTrue(csv.lines().anyMatch(line -> line.replace("\"", "").equals("1," + first.get("start") + ","
                    + first.get("end") + "," + sha256)), csv);
            // the report itself is not kept: a sentence of it that is neither a statement nor the lead is nowhere
            String notKept = "Rédacteurs :Shuang";
            assertTrue(text.contains(notKept));
            for (String read : List.of(Api.anonymous().get("/api/v1/events/" + created).asString(),
                    Api.anonymous().queryParam("event", created).queryParam("format", "ndjson")
                            .get("/api/v1/statements").asString(),
                    Api.anonymous().queryParam("since", importedSince).queryParam("size", 1000).get("/api/v1/changes")
                            .asString())) {
                assertTrue(read.contains("révolutions de couleur") && !read.contains(notKept)
                        && !read.contains("Partagez cet article"), read);
            }
            // the same document again changes nothing
            Api.editor().contentType("application/json").body(document).post("/api/v1/import").then()
                    .statusCode(200).body("events.unchanged", equalTo(1)).body("statements.unchanged", equalTo(16));
        } finally {
            Api.editor().delete("/api/v1/events/" + created).then().statusCode(204);
        }
    }

    private static List<Integer> eventsOfWangOn20220110(String wang) {
        return Api.anonymous().queryParam("participant", wang).queryParam("from", "2022-01-10")
                .queryParam("to", "2022-01-10").get("/api/v1/events").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    @Test
    void mergingIntoTheStoredEventAddsStatementsAfterItsOwnAndKeepsItsSource() {
        Map<String, Object> request = new java.util.HashMap<>(seedRequest());
        request.put("url", "https://example.org/second-report-of-the-call");
        request.put("mergeInto", SEED_EVENT);
        JsonPath draft = draft(request);
        assertEquals(SEED_EVENT, draft.getString("events[0].externalId"));
        assertEquals(List.of(SEED_URL, "https://example.org/second-report-of-the-call"),
                draft.getList("events[0].sources.url"));
        assertEquals(17, draft.getInt("statements[0].position"));
        assertEquals(List.of(), draft.getList("draft.duplicates"));
        Api.editor().contentType("application/json").body(draft.prettify()).queryParam("dryRun", "true")
                .post("/api/v1/import").then().statusCode(200).body("dryRun", equalTo(true))
                .body("events.updated", equalTo(1)).body("statements.created", equalTo(16));
    }

    @Test
    void plainTextWithItsMetadataAsQueryParameters() {
        given().auth().preemptive().basic(Api.EDITOR, Api.PASSWORD).contentType("text/plain; charset=UTF-8")
                .body(Fixtures.seedText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("publisher", "Xinhua").queryParam("publishedAt", "2022-01-12").queryParam("language", "fr")
                .post("/api/v1/drafts").then().statusCode(200)
                .body("events[0].date", equalTo("2022-01-10")).body("statements", hasSize(16))
                .body("draft.languageCue", equalTo("given"))
                .body("events[0].sources[0].publishedAt", equalTo(null));
    }

    @Test
    void aTextThatReportsNoEventIsADraftWithAReason() {
        JsonPath draft = draft(Map.of("text", "Préchauffez le four à 180 degrés. Mélangez la farine, le sucre et"
                + " les œufs dans un grand bol, puis versez la pâte dans le moule.", "publishedAt", "2024-05-02"));
        assertEquals(List.of(), draft.getList("events"));
        assertEquals(List.of(), draft.getList("statements"));
        assertTrue(draft.getString("draft.reason").startsWith("no sentence names a meeting"),
                draft.getString("draft.reason"));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        problem(Map.of("text", "  "), "text");
        problem(Map.of("text", "x".repeat(DraftRequest.MAX_TEXT + 1)), "text")
                .body("violations[0].message", containsString("100000"));
        problem(Map.of("text", "M. Wang a déclaré que la Chine est prête.", "language", "tlh"), "language")
                .body("violations[0].message", containsString("fr, en"));
        problem(Map.of("text", "M. Wang a déclaré que la Chine est prête.", "publishedAt", "mercredi"),
                "publishedAt");
        problem(Map.of("text", "1234 5678 9012 3456 7890"), "language");
        problem(Map.of("text", Fixtures.seedText(), "publishedAt", "2022-01-12", "mergeInto", "no-such-event"),
                "mergeInto");
        Api.editor().contentType("application/json").body(Map.of("text", "M. Wang a déclaré que tout va bien."))
                .queryParam("publishedAt", "2022-01-12").post("/api/v1/drafts").then().statusCode(400)
                .body("violations[0].field", equalTo("publishedAt")).body("violations[0].in", equalTo("query"));
        given().auth().preemptive().basic(Api.EDITOR, Api.PASSWORD).contentType("text/plain; charset=UTF-8")
                .body(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}).post("/api/v1/drafts").then().statusCode(400)
                .contentType("application/problem+json");
        Api.editor().contentType("application/json").body("{\"text\": 5}").post("/api/v1/drafts").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyEditorsDraft() {
        Api.anonymous().contentType("application/json").body(seedRequest()).post("/api/v1/drafts").then()
                .statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse problem(Map<String, Object> body, String field) {
        return Api.editor().contentType("application/json").body(body).post("/api/v1/drafts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field)).body("detail", org.hamcrest.Matchers.notNullValue());
    }

}
