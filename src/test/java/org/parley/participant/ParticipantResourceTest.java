package org.parley.participant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createAndGetId;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantResourceTest {

    private static Map<String, Object> person(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "PERSON");
        body.put("country", "RU");
        body.put("title", "Minister of Foreign Affairs");
        body.put("organization", "Ministry of Foreign Affairs of the Russian Federation");
        body.put("wikidataId", "Q58217");
        body.put("aliases", List.of("Sergueï " + name, "Sergei " + name));
        return body;
    }

    @Test
    void createAndReadEveryField() {
        String name = unique("Lavrov");
        long id = createAndGetId("/api/v1/participants", person(name));
        anonymous().get("/api/v1/participants/" + id)
                .then().statusCode(200)
                .body("name", equalTo(name))
                .body("kind", equalTo("PERSON"))
                .body("country", equalTo("RU"))
                .body("title", equalTo("Minister of Foreign Affairs"))
                .body("organization", equalTo("Ministry of Foreign Affairs of the Russian Federation"))
                .body("wikidataId", equalTo("Q58217"))
                .body("aliases", contains("Sergueï " + name, "Sergei " + name));
    }

    @Test
    void anOrganisationHasNoCountry() {
        long id = createParticipant(unique("CSTO"), null);
        anonymous().get("/api/v1/participants/" + id).then()
                .body("kind", equalTo("ORGANIZATION")).body("country", nullValue());
    }

    @Test
    void invalidFieldsAreEachNamed() {
        Map<String, Object> body = person(unique("Bad"));
        body.put("country", "ru");
        body.put("wikidataId", "58217");
        body.put("aliases", List.of("ok", " "));
        editor().body(body).when().post("/api/v1/participants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("country", "wikidataId", "aliases[1]"));

        Map<String, Object> unknownCountry = person(unique("Bad"));
        unknownCountry.put("country", "XX");
        editor().body(unknownCountry).when().post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("country"))
                .body("violations[0].message", containsString("ISO 3166-1"));

        Map<String, Object> badKind = person(unique("Bad"));
        badKind.put("kind", "ROBOT");
        editor().body(badKind).when().post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("PERSON"))
                .body(org.hamcrest.Matchers.not(containsString("org.parley")));

        Map<String, Object> tooLong = person("x".repeat(201));
        tooLong.remove("aliases");
        editor().body(tooLong).when().post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
        anonymous().queryParam("q", "x".repeat(201)).get("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        editor().body(Map.of("country", "FR")).when().post("/api/v1/participants")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("kind", "name"));
        editor().body("").when().post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void putRoundTripAndReplace() {
        long id = createAndGetId("/api/v1/participants", person(unique("Round")));
        Map<String, Object> read = anonymous().get("/api/v1/participants/" + id).then().extract().jsonPath().getMap("");
        editor().body(read).put("/api/v1/participants/" + id).then().statusCode(200)
                .body("aliases", hasSize(2));
        read.put("aliases", List.of("Only alias"));
        read.put("title", "Former minister");
        read.remove("version");
        editor().body(read).put("/api/v1/participants/" + id).then().statusCode(200)
                .body("aliases", contains("Only alias")).body("title", equalTo("Former minister"));
        editor().body(read).put("/api/v1/participants/999999999").then().statusCode(404);
    }

    @Test
    void filtersByCountryKindAndNameOrAlias() {
        String marker = unique("Zyx");
        long a = createAndGetId("/api/v1/participants", Map.of("name", marker + " Alpha", "kind", "PERSON", "country", "TV"));
        long b = createAndGetId("/api/v1/participants", Map.of("name", "Beta", "kind", "PERSON", "country", "NR",
                "aliases", List.of("Known as " + marker)));
        long c = createAndGetId("/api/v1/participants", Map.of("name", marker + " Org", "kind", "ORGANIZATION"));

        anonymous().queryParam("q", marker.toUpperCase()).get("/api/v1/participants")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", containsInAnyOrder((int) a, (int) b, (int) c));
        anonymous().queryParam("q", marker).queryParam("country", "tv").get("/api/v1/participants")
                .then().body("items.id", contains((int) a));
        anonymous().queryParam("q", marker).queryParam("kind", "organization").get("/api/v1/participants")
                .then().body("items.id", contains((int) c));
        anonymous().queryParam("q", marker).queryParam("sort", "-name").get("/api/v1/participants")
                .then().body("items[0].id", equalTo((int) c));
    }

    @Test
    void badFiltersAreRejectedNotEmpty() {
        anonymous().queryParam("country", "ZZ").get("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("country"));
        anonymous().queryParam("kind", "ROBOT").get("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
        anonymous().queryParam("sort", "age").get("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void deleteOfAReferencedParticipantIsAConflict() {
        long inEvent = createParticipant(unique("InEvent"), "FR");
        long other = createParticipant(unique("Other"), "DE");
        long eventId = createEvent(event("Meeting", "MEETING", "2023-02-02", List.of(inEvent, other), Map.of()));
        createStatement(eventId, other, "Une déclaration", Map.of());
        editor().delete("/api/v1/participants/" + inEvent).then().statusCode(409)
                .body("detail", containsString("events"));
        editor().delete("/api/v1/participants/" + other).then().statusCode(409);
        anonymous().get("/api/v1/participants/" + inEvent).then().statusCode(200);

        long free = createParticipant(unique("Free"), "IT");
        editor().delete("/api/v1/participants/" + free).then().statusCode(204);
        anonymous().get("/api/v1/participants/" + free).then().statusCode(404);
        anonymous().get("/api/v1/participants").then().body("items.id", org.hamcrest.Matchers.not(hasItem((int) free)));
    }
}
