package org.parley.contract;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.OpenApiValidation;

/**
 * The filter that holds every exchange of the suites to the OpenAPI document catches drift: given the live document
 * with one promise broken as it was before the document learnt about nulls and slugs, the exchanges that the live
 * document accepts fail; a request the server refuses may break the request schema.
 */
@QuarkusTest
class OpenApiValidationTest {

    private static JsonNode live() {
        return OpenApiValidation.liveDocument("http://localhost:" + RestAssured.port);
    }

    private static ObjectNode schema(JsonNode document, String name) {
        return (ObjectNode) document.path("components").path("schemas").path(name);
    }

    @Test
    void aNullTheDocumentDoesNotAllowFailsTheExchange() {
        // the seed event has no end date: the live document says it may be null
        anonymous().get("/api/v1/events/1").then().statusCode(200).body("endDate", nullValue());
        JsonNode drifted = live();
        ObjectNode endDate = (ObjectNode) schema(drifted, "Event").path("properties").path("endDate");
        endDate.put("type", "string");

        AssertionError error = assertThrows(AssertionError.class, () -> anonymous()
                .filter(new OpenApiValidation(drifted)).get("/api/v1/events/1"));
        assertTrue(error.getMessage().contains("response body /endDate: null found, string expected"),
                error.getMessage());
    }

    @Test
    void aTopicGivenAsASlugFailsADocumentThatTakesOnlyObjects() {
        String slug = unique("slugs");
        createTopic(slug);
        long speaker = createParticipant(unique("Slug speaker"), "FR");
        var body = event("Slugs", "MEETING", "2023-02-01", List.of(speaker), Map.of("topics", List.of(slug)));
        JsonNode drifted = live();
        schema(drifted, "EventWrite").with("properties").with("topics").with("items")
                .put("$ref", "#/components/schemas/TopicRef");

        AssertionError error = assertThrows(AssertionError.class, () -> editor()
                .filter(new OpenApiValidation(drifted)).body(body).post("/api/v1/events"));
        assertTrue(error.getMessage().contains("request body /topics/0"), error.getMessage());
        // the live document takes it, and the server did
        editor().body(event("Slugs again", "MEETING", "2023-02-02", List.of(speaker), Map.of("topics", List.of(slug))))
                .post("/api/v1/events").then().statusCode(201).body("topics[0].slug", org.hamcrest.Matchers.is(slug));
    }

    @Test
    void aRefusedRequestMayBreakTheRequestSchemaButItsAnswerMayNot() {
        JsonNode document = live();
        // a participant without its required kind: refused with a documented 400 problem, no failure
        editor().filter(new OpenApiValidation(document)).body(Map.of("name", unique("No kind")))
                .post("/api/v1/participants").then().statusCode(400);
        // the same refusal, when the document does not list 400 for the operation, fails
        JsonNode drifted = live();
        ((ObjectNode) drifted.path("paths").path("/api/v1/participants").path("post").path("responses"))
                .remove("400");
        AssertionError error = assertThrows(AssertionError.class, () -> editor()
                .filter(new OpenApiValidation(drifted)).body(Map.of("name", unique("No kind")))
                .post("/api/v1/participants"));
        assertTrue(error.getMessage().contains("status 400 is not documented"), error.getMessage());
    }

    @Test
    void queryParametersAreCheckedInAnyLetterCaseAndByType() {
        JsonNode document = live();
        anonymous().filter(new OpenApiValidation(document)).queryParam("type", "summit").queryParam("status", "held")
                .get("/api/v1/events").then().statusCode(200);
        // a page number that is not one is refused (400); a document that says it is a string would let it by, but
        // one that says integer while the server took it would not
        anonymous().filter(new OpenApiValidation(document)).queryParam("page", "x").get("/api/v1/events")
                .then().statusCode(400);
        JsonNode drifted = live();
        for (JsonNode parameter : drifted.path("paths").path("/api/v1/events").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("countryRole")) {
                ((ObjectNode) parameter.path("schema")).put("pattern", "^(participant|subject|any)$");
            }
        }
        AssertionError error = assertThrows(AssertionError.class, () -> anonymous()
                .filter(new OpenApiValidation(drifted)).queryParam("country", "KZ").queryParam("countryRole", "SUBJECT")
                .get("/api/v1/events"));
        assertTrue(error.getMessage().contains("query parameter countryRole=[SUBJECT]"), error.getMessage());
    }

    @Test
    void theDocumentPointsAtTheInstanceThatServesIt() {
        JsonNode servers = live().path("servers");
        assertEquals(1, servers.size());
        assertEquals("/", servers.get(0).path("url").asText());
        anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body(not(containsString("localhost:8080")));
    }
}
