package org.parley.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.parley.Api.anonymous;
import static org.parley.Api.editor;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors the framework raises itself come back as problems too, with nothing internal in them. */
@QuarkusTest
public class ProblemResponsesTest {

    static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("org.parley")))
                .body(not(containsString("java.")))
                .body(not(containsString("SELECT")))
                .body(not(containsString("\tat ")));
    }

    @Test
    public void malformedJsonIs400() {
        isProblem(editor().body("{\"slug\": \"a\",").post("/api/v1/topics").then(), 400)
                .body("detail", containsString("not valid JSON"));
        isProblem(editor().body("[1, 2]").post("/api/v1/topics").then(), 400);
        isProblem(editor().body("").post("/api/v1/topics").then(), 400)
                .body("detail", containsString("JSON body"));
    }

    @Test
    public void wrongMediaTypeIs415() {
        isProblem(editor().contentType(ContentType.TEXT).body("slug=a").post("/api/v1/topics").then(), 415)
                .body("detail", containsString("application/json"));
    }

    @Test
    public void unknownPathIs404() {
        isProblem(anonymous().get("/api/v1/nothing-here").then(), 404)
                .body("instance", equalTo("/api/v1/nothing-here"));
        isProblem(anonymous().get("/nowhere").then(), 404);
    }

    @Test
    public void wrongMethodIs405() {
        isProblem(editor().body(Map.of()).patch("/api/v1/topics").then(), 405);
        isProblem(editor().delete("/api/v1/events").then(), 405);
    }

    @Test
    public void oversizedBodyIs413WithAndWithoutLength() {
        String huge = "{\"slug\":\"big\",\"name\":\"" + "a".repeat(1_100_000) + "\"}";
        isProblem(editor().body(huge).post("/api/v1/topics").then(), 413)
                .body("detail", containsString("1 MiB"));
        isProblem(editor().body(new java.io.ByteArrayInputStream(huge.getBytes())).post("/api/v1/topics").then(), 413);
        anonymous().queryParam("q", "big").get("/api/v1/topics").then().body("items.slug", not(containsString("big")));
    }

    @Test
    public void unacceptableResponseTypeIs406() {
        isProblem(given().accept("text/csv").get("/api/v1/topics").then(), 406);
    }

    @Test
    public void writesWithoutCredentialsAre401WithAChallenge() {
        String slug = unique("anon");
        isProblem(anonymous().body(Map.of("slug", slug, "name", "x")).post("/api/v1/topics").then(), 401)
                .header("WWW-Authenticate", containsString("Basic"));
        isProblem(anonymous().delete("/api/v1/topics/1").then(), 401);
        isProblem(anonymous().body(Map.of()).put("/api/v1/events/1").then(), 401);
        anonymous().queryParam("q", slug).get("/api/v1/topics").then().body("total", equalTo(0));
    }

    @Test
    public void wrongPasswordIs401() {
        isProblem(anonymous().auth().preemptive().basic("editor", "wrong").body(Map.of("slug", unique("w"), "name", "x"))
                .post("/api/v1/topics").then(), 401);
        isProblem(anonymous().auth().preemptive().basic("mallory", org.parley.Api.PASSWORD)
                .body(Map.of("slug", unique("w"), "name", "x")).post("/api/v1/topics").then(), 401);
    }

    @Test
    public void readsArePublic() {
        anonymous().get("/api/v1/events").then().statusCode(200);
        anonymous().get("/api/v1/participants").then().statusCode(200);
        anonymous().get("/api/v1/statements").then().statusCode(200);
        anonymous().get("/api/v1/topics").then().statusCode(200);
    }
}
