package org.parley.event;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class EventResourceTest {

    private static Map<String, Object> source(String url) {
        return Map.of("url", url, "publisher", "Xinhua", "title", "Un titre",
                "publishedAt", "2022-01-12T08:55:00+08:00", "language", "fr");
    }

    @Test
    public void createStoresEveryFieldAndDerivesCountriesAndCameoCode() {
        long wang = createParticipant(unique("Wang"), "CN");
        long lavrov = createParticipant(unique("Lavrov"), "RU");
        String topicA = unique("relations");
        String topicB = unique("unrest");
        createTopic(topicA);
        createTopic(topicB);
        Map<String, Object> body = event("A call", "PHONE_CALL", "2022-01-10", List.of(wang, lavrov), Map.of(
                "summary", "They talked.",
                "location", Map.of("country", "CN", "city", "Beijing"),
                "subjectCountries", List.of("KZ"),
                "topics", List.of(topicA, Map.of("slug", topicB)),
                "sources", List.of(source("https://example.org/a"))));
        String location = editor().body(body).post("/api/v1/events")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/events/"))
                .body("type", equalTo("PHONE_CALL"))
                .body("cameoCode", equalTo("041"))
                .body("date", equalTo("2022-01-10"))
                .body("countries", contains("CN", "RU"))
                .body("subjectCountries", contains("KZ"))
                .body("participants.participantId", contains((int) wang, (int) lavrov))
                .body("participants[0].country", equalTo("CN"))
                .body("participants[1].role", equalTo("Role of " + lavrov))
                .body("topics.slug", containsInAnyOrder(topicA, topicB))
                .body("sources[0].publishedAt", equalTo("2022-01-12T08:55:00+08:00"))
                .body("location.city", equalTo("Beijing"))
                .body("version", equalTo(0))
                .extract().header("Location");
        anonymous().get(location).then().statusCode(200)
                .body("summary", equalTo("They talked."))
                .body("statements", empty())
                .body("sources[0].language", equalTo("fr"))
                .body("topics[0]", hasKey("name"));
    }

    @Test
    public void explicitCameoCodeWinsAndEachTypeHasADefault() {
        long p = createParticipant(unique("Host"), "FR");
        editor().body(event("Visit", "VISIT", "2023-01-01", List.of(p), Map.of())).post("/api/v1/events")
                .then().statusCode(201).body("cameoCode", equalTo("042"));
        editor().body(event("Hosted", "MEETING", "2023-01-01", List.of(p), Map.of("cameoCode", "043")))
                .post("/api/v1/events").then().statusCode(201).body("cameoCode", equalTo("043"));
        editor().body(event("Deal", "AGREEMENT", "2023-01-01", List.of(p), Map.of())).post("/api/v1/events")
                .then().statusCode(201).body("cameoCode", equalTo("057"));
    }

    @Test
    public void aReadEventCanBeSentBackUnchanged() {
        long a = createParticipant(unique("A"), "FR");
        long b = createParticipant(unique("B"), "DE");
        String slug = unique("t");
        createTopic(slug);
        long id = createEvent(event("Round trip", "MEETING", "2023-03-03", List.of(a, b), Map.of(
                "subjectCountries", List.of("UA", "PL"), "topics", List.of(slug),
                "sources", List.of(source("https://example.org/rt")))));
        createStatement(id, a, "Texte", Map.of("translation", "Text"));
        Map<String, Object> read = anonymous().get("/api/v1/events/" + id).then().statusCode(200)
                .body("statements", hasSize(1)).extract().jsonPath().getMap("");
        Map<String, Object> stored = editor().body(read).put("/api/v1/events/" + id).then().statusCode(200)
                .body("statements", hasSize(1))
                .extract().jsonPath().getMap("");
        for (String field : List.of("title", "type", "date", "participants", "countries", "subjectCountries", "topics",
                "sources", "cameoCode", "createdAt")) {
            org.junit.jupiter.api.Assertions.assertEquals(read.get(field), stored.get(field), field);
        }
    }

    @Test
    public void putReplacesParticipantsTopicsAndChecksVersion() {
        long a = createParticipant(unique("A"), "FR");
        long b = createParticipant(unique("B"), "DE");
        long c = createParticipant(unique("C"), "IT");
        long id = createEvent(event("Before", "MEETING", "2023-03-03", List.of(a, b), Map.of()));
        Map<String, Object> change = new HashMap<>(event("After", "SUMMIT", "2023-03-04", List.of(c, a),
                Map.of("version", 0)));
        editor().body(change).put("/api/v1/events/" + id).then().statusCode(200)
                .body("title", equalTo("After"))
                .body("participants.participantId", contains((int) c, (int) a))
                .body("countries", contains("FR", "IT"))
                .body("cameoCode", equalTo("040"))
                .body("version", equalTo(1));
        editor().body(change).put("/api/v1/events/" + id).then().statusCode(409)
                .body("detail", containsString("stale"));
        editor().body(change).put("/api/v1/events/987654321").then().statusCode(404);
    }

    @Test
    public void removingAParticipantWhoSpeaksIsAConflict() {
        long a = createParticipant(unique("A"), "FR");
        long b = createParticipant(unique("B"), "DE");
        long id = createEvent(event("Talk", "MEETING", "2023-03-03", List.of(a, b), Map.of()));
        createStatement(id, b, "B parle", Map.of());
        editor().body(event("Talk", "MEETING", "2023-03-03", List.of(a), Map.of())).put("/api/v1/events/" + id)
                .then().statusCode(409).body("detail", containsString("speaks"));
        anonymous().get("/api/v1/events/" + id).then().body("participants", hasSize(2));
    }

    @Test
    public void invalidReferencesAndFieldsAreNamedViolations() {
        long a = createParticipant(unique("A"), "FR");
        Map<String, Object> body = new HashMap<>(event("Bad", "MEETING", "2023-03-03", List.of(a, 999999999L, a),
                Map.of("topics", List.of("no-such-topic-" + unique("x")))));
        editor().body(body).post("/api/v1/events").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("participants[1].participantId",
                        "participants[2].participantId", "topics[0]"));

        body = new HashMap<>(event("Bad", "MEETING", "2023-03-03", List.of(a), Map.of(
                "subjectCountries", List.of("KZ", "kz"),
                "location", Map.of("country", "XX"),
                "sources", List.of(Map.of("url", "ftp://x", "publisher", "P", "language", "not a tag")),
                "cameoCode", "41a")));
        editor().body(body).post("/api/v1/events").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("subjectCountries[1]", "location.country",
                        "sources[0].url", "sources[0].language", "cameoCode"));

        editor().body(event(" ", "MEETING", "2023-03-03", List.of(), Map.of())).post("/api/v1/events")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("title", "participants"));
    }

    @Test
    public void unreadableValuesNameTheirField() {
        long a = createParticipant(unique("A"), "FR");
        editor().body(event("Bad type", "TELEPATHY", "2023-03-03", List.of(a), Map.of())).post("/api/v1/events")
                .then().statusCode(400).body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("PHONE_CALL"));
        editor().body(event("Bad date", "MEETING", "2023-02-30", List.of(a), Map.of())).post("/api/v1/events")
                .then().statusCode(400).body("violations[0].field", equalTo("date"))
                .body("violations[0].message", containsString("ISO date"));
        editor().body(event("Bad role", "MEETING", "2023-02-03", List.of(a), Map.of("participants",
                List.of(Map.of("participantId", "three"))))).post("/api/v1/events")
                .then().statusCode(400).body("violations[0].field", equalTo("participants[0].participantId"));
        editor().body(event("Typo", "MEETING", "2023-02-03", List.of(a), Map.of("summery", "x"))).post("/api/v1/events")
                .then().statusCode(400).body("violations[0].field", equalTo("summery"))
                .body("violations[0].message", containsString("unknown field"));
    }

    @Test
    public void deletingAnEventDeletesItsStatements() {
        long a = createParticipant(unique("A"), "FR");
        long id = createEvent(event("Gone", "MEETING", "2023-03-03", List.of(a), Map.of()));
        long s1 = createStatement(id, a, "Un", Map.of());
        long s2 = createStatement(id, a, "Deux", Map.of());
        editor().delete("/api/v1/events/" + id).then().statusCode(204);
        anonymous().get("/api/v1/events/" + id).then().statusCode(404);
        anonymous().get("/api/v1/statements/" + s1).then().statusCode(404);
        anonymous().get("/api/v1/statements/" + s2).then().statusCode(404);
        anonymous().queryParam("event", id).get("/api/v1/statements").then().body("total", equalTo(0));
        // the participant is free again
        editor().delete("/api/v1/participants/" + a).then().statusCode(204);
    }

    private static RequestSpecification of(long participant) {
        return anonymous().queryParam("participant", participant);
    }

    @Test
    public void countryFiltersMatchAllCountriesByRole() {
        long fj = createParticipant(unique("Fiji"), "FJ");
        long tv = createParticipant(unique("Tuvalu"), "TV");
        long call = createEvent(event("FJ-TV call", "PHONE_CALL", "2021-05-01", List.of(fj, tv),
                Map.of("subjectCountries", List.of("NR"))));
        long visit = createEvent(event("FJ visit about TV", "VISIT", "2021-06-01", List.of(fj),
                Map.of("subjectCountries", List.of("TV"))));

        of(fj).queryParam("country", "TV").get("/api/v1/events").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) call, (int) visit));
        of(fj).queryParam("country", "tv").queryParam("countryRole", "participant").get("/api/v1/events")
                .then().body("items.id", contains((int) call));
        of(fj).queryParam("country", "TV").queryParam("countryRole", "SUBJECT").get("/api/v1/events")
                .then().body("items.id", contains((int) visit));
        of(fj).queryParam("country", "FJ").queryParam("country", "NR").get("/api/v1/events")
                .then().body("items.id", contains((int) call));
        of(fj).queryParam("country", "FJ").queryParam("country", "NR").queryParam("countryRole", "participant")
                .get("/api/v1/events").then().body("total", equalTo(0));
    }

    @Test
    public void countryFiltersFollowAParticipantsNewCountryAndAnEventsNewDate() {
        long person = createParticipant(unique("Mover"), "MC");
        long id = createEvent(event("Moved", "MEETING", "2016-06-06", List.of(person), Map.of()));
        of(person).queryParam("country", "MC").get("/api/v1/events").then().body("items.id", contains((int) id));
        editor().body(Map.of("name", "Mover", "kind", "PERSON", "country", "SM")).put("/api/v1/participants/" + person)
                .then().statusCode(200);
        of(person).queryParam("country", "MC").get("/api/v1/events").then().body("total", equalTo(0));
        of(person).queryParam("country", "SM").get("/api/v1/events").then().body("items.id", contains((int) id));
        editor().body(event("Moved", "MEETING", "2017-07-07", List.of(person), Map.of())).put("/api/v1/events/" + id)
                .then().statusCode(200);
        of(person).queryParam("country", "SM").queryParam("from", "2017-01-01").get("/api/v1/events").then()
                .body("items.id", contains((int) id));
        of(person).queryParam("country", "SM").queryParam("to", "2016-12-31").get("/api/v1/events").then()
                .body("total", equalTo(0));
    }

    @Test
    public void dateTypeTopicAndTextFiltersCombine() {
        long p = createParticipant(unique("P"), "CL");
        String slug = unique("copper");
        createTopic(slug);
        String word = unique("quetzal");
        long early = createEvent(event("Early " + word, "MEETING", "2020-01-01", List.of(p), Map.of("topics", List.of(slug))));
        long middle = createEvent(event("Middle", "PHONE_CALL", "2020-06-15", List.of(p), Map.of("summary", "About " + word)));
        long late = createEvent(event("Late", "SUMMIT", "2020-12-31", List.of(p), Map.of()));
        createStatement(late, p, "Il parle de " + word.toUpperCase(), Map.of());

        of(p).queryParam("from", "2020-06-15").queryParam("to", "2020-12-31").get("/api/v1/events")
                .then().body("items.id", contains((int) late, (int) middle));
        of(p).queryParam("to", "2020-06-14").get("/api/v1/events").then().body("items.id", contains((int) early));
        of(p).queryParam("type", "MEETING").queryParam("type", "summit").get("/api/v1/events")
                .then().body("items.id", contains((int) late, (int) early));
        of(p).queryParam("topic", slug).get("/api/v1/events").then().body("items.id", contains((int) early));
        of(p).queryParam("topic", slug).queryParam("topic", unique("none")).get("/api/v1/events")
                .then().body("items.id", contains((int) early));
        of(p).queryParam("topic", unique("none")).get("/api/v1/events").then().statusCode(200).body("total", equalTo(0));
        anonymous().queryParam("q", word).get("/api/v1/events")
                .then().body("items.id", contains((int) late, (int) middle, (int) early));
        anonymous().queryParam("q", word).queryParam("type", "PHONE_CALL").queryParam("from", "2020-02-01")
                .get("/api/v1/events").then().body("items.id", contains((int) middle));
        of(p).queryParam("sort", "date").get("/api/v1/events")
                .then().body("items.id", contains((int) early, (int) middle, (int) late));
        of(p).queryParam("sort", "title").get("/api/v1/events")
                .then().body("items.title", contains("Early " + word, "Late", "Middle"));
    }

    @Test
    public void listsPageWithLinksAndTotals() {
        long p = createParticipant(unique("Pager"), "NO");
        for (int i = 1; i <= 5; i++) {
            createEvent(event("Event " + i, "MEETING", "2019-01-0" + i, List.of(p), Map.of()));
        }
        of(p).queryParam("size", 2).queryParam("page", 1).get("/api/v1/events")
                .then().statusCode(200)
                .header("X-Total-Count", "5")
                .header("Link", containsString("page=2"))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("participant=" + p))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(5))
                .body("items.title", contains("Event 3", "Event 2"))
                .body("items[0]", not(hasKey("statements")));
        of(p).queryParam("size", 2).queryParam("page", 2).get("/api/v1/events")
                .then().header("Link", not(containsString("rel=\"next\"")))
                .body("items.title", contains("Event 1"));
        of(p).queryParam("size", 2).queryParam("page", 7).get("/api/v1/events")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(5));
    }

    @Test
    public void badFiltersAre400NotEmptyResults() {
        anonymous().queryParam("country", "XX").get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("country"));
        anonymous().queryParam("type", "PICNIC").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("type"));
        anonymous().queryParam("countryRole", "host").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("countryRole"));
        anonymous().queryParam("from", "2022-02-01").queryParam("to", "2022-01-01").get("/api/v1/events")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        anonymous().queryParam("from", "yesterday").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        anonymous().queryParam("sort", "-popularity").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].message", containsString("-date"));
        anonymous().queryParam("participant", "abc").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("participant"));
        anonymous().queryParam("size", "0").queryParam("page", "-1").get("/api/v1/events").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("size", "page"));
        anonymous().queryParam("size", "500").get("/api/v1/events").then().statusCode(200)
                .body("size", equalTo(500));
    }

    @Test
    public void unknownEventIs404Problem() {
        anonymous().get("/api/v1/events/424242424").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/api/v1/events/424242424"))
                .body("violations", nullValue());
        editor().delete("/api/v1/events/424242424").then().statusCode(404);
    }

    @Test
    public void listedEventsShowParticipantsTopicsAndSources() {
        long p = createParticipant(unique("Shown"), "SE");
        String slug = unique("shown");
        createTopic(slug);
        createEvent(event("Shown", "MEETING", "2018-01-01", List.of(p), Map.of("topics", List.of(slug),
                "sources", List.of(source("https://example.org/shown")))));
        of(p).get("/api/v1/events").then()
                .body("items[0].participants[0].name", containsString("Shown"))
                .body("items[0].topics.slug", hasItem(slug))
                .body("items[0].sources[0].url", equalTo("https://example.org/shown"));
    }
}
