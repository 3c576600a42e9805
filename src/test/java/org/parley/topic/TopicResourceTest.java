package org.parley.topic;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicResourceTest {

    @Test
    void createReturns201WithLocationAndBody() {
        String slug = unique("climate");
        String location = editor().body(Map.of("slug", slug, "name", "Climate", "description", "Climate policy"))
                .when().post("/api/v1/topics")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/topics/"))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Climate"))
                .body("description", equalTo("Climate policy"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("Location");
        long id = editor().get(location).then().statusCode(200).body("slug", equalTo(slug))
                .extract().jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(location, endsWith("/api/v1/topics/" + id));
    }

    @Test
    void aliasesAreStoredSearchedAndKeptByAReadSentBack() {
        String slug = unique("arctic");
        String word = unique("arktika");
        String location = editor().body(Map.of("slug", slug, "name", "Arctic", "aliases",
                        List.of(" Arctique ", word, "Arctique")))
                .when().post("/api/v1/topics")
                .then().statusCode(201).body("aliases", equalTo(List.of("Arctique", word)))
                .extract().header("Location");
        anonymous().queryParam("q", word).get("/api/v1/topics").then().statusCode(200)
                .body("items.slug", equalTo(List.of(slug)));
        String read = anonymous().get(location).then().statusCode(200).extract().asString();
        editor().body(read).put(location).then().statusCode(200).body("aliases", equalTo(List.of("Arctique", word)))
                .body("version", equalTo(0));
        editor().body(Map.of("slug", slug, "name", "Arctic", "aliases", List.of(""))).put(location).then()
                .statusCode(400).body("violations.field", hasItem("aliases[0]"));
        editor().body(Map.of("slug", slug, "name", "Arctic")).put(location).then().statusCode(200)
                .body("aliases", hasSize(0)).body("version", equalTo(1));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = unique("dup");
        createTopic(slug);
        editor().body(Map.of("slug", slug, "name", "Again"))
                .when().post("/api/v1/topics")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(slug));
    }

    @Test
    void invalidSlugAndBlankNameAreNamedViolations() {
        editor().body(Map.of("slug", "Not A Slug", "name", " "))
                .when().post("/api/v1/topics")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("slug"))
                .body("violations.field", hasItem("name"))
                .body("violations.in", everyItem(equalTo("body")));
    }

    @Test
    void putAcceptsAReadBodyUnchangedAndChecksTheVersion() {
        long id = createTopic(unique("round"));
        Map<String, Object> read = anonymous().get("/api/v1/topics/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        editor().body(read).when().put("/api/v1/topics/" + id)
                .then().statusCode(200).body("id", equalTo((int) id)).body("slug", equalTo(read.get("slug")));

        var changed = new java.util.HashMap<>(read);
        changed.put("name", "Renamed");
        editor().body(changed).when().put("/api/v1/topics/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("version", equalTo(1));
        // the same stale version again
        editor().body(changed).when().put("/api/v1/topics/" + id)
                .then().statusCode(409).body("detail", containsString("stale"));
        anonymous().get("/api/v1/topics/" + id).then().body("name", equalTo("Renamed"));
    }

    @Test
    void putToAnotherTopicsSlugIsAConflict() {
        String taken = unique("taken");
        createTopic(taken);
        long id = createTopic(unique("mine"));
        editor().body(Map.of("slug", taken, "name", "x")).when().put("/api/v1/topics/" + id)
                .then().statusCode(409).body("detail", containsString(taken));
    }

    @Test
    void deleteRemovesAnUnusedTopic() {
        long id = createTopic(unique("gone"));
        editor().when().delete("/api/v1/topics/" + id).then().statusCode(204);
        anonymous().get("/api/v1/topics/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("Topic " + id));
        editor().when().delete("/api/v1/topics/" + id).then().statusCode(404);
    }

    @Test
    void deleteOfATopicInUseIsAConflictAndKeepsIt() {
        String slug = unique("used");
        long id = createTopic(slug);
        long p = createParticipant(unique("Speaker"), "FR");
        createEvent(event("Uses topic", "MEETING", "2023-05-01", List.of(p), Map.of("topics", List.of(slug))));
        editor().when().delete("/api/v1/topics/" + id).then().statusCode(409)
                .body("detail", containsString(slug));
        anonymous().get("/api/v1/topics/" + id).then().statusCode(200);
    }

    @Test
    void listHasEnvelopeHeadersAndFiltersByText() {
        String word = unique("zebra");
        createTopic(word + "-a");
        createTopic(word + "-b");
        createTopic(word + "-c");
        JsonPath page0 = anonymous().queryParam("q", word).queryParam("size", 2)
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"next\""))
                .body("items", hasSize(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3))
                .body("items[0].slug", equalTo(word + "-a"))
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(word + "-b", page0.getString("items[1].slug"));
        anonymous().queryParam("q", word).queryParam("size", 2).queryParam("page", 1).queryParam("sort", "slug")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Link", containsString("rel=\"prev\""))
                .body("items.slug", equalTo(List.of(word + "-c")));
        anonymous().queryParam("q", word).queryParam("sort", "-slug")
                .when().get("/api/v1/topics")
                .then().body("items[0].slug", equalTo(word + "-c"));
    }

    @Test
    void badListParametersAreRejected() {
        anonymous().queryParam("sort", "colour").when().get("/api/v1/topics")
                .then().statusCode(400).body("violations[0].field", is("sort"));
        anonymous().queryParam("size", 501).when().get("/api/v1/topics")
                .then().statusCode(400).body("violations[0].field", is("size"))
                .body("violations[0].in", is("query"));
    }
}
