package org.parley;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: requests as the editor, and records created through the API with names no other test uses, so that
 * tests never depend on each other's rows or on their order.
 */
public final class Api {

    public static final String EDITOR = "editor";
    public static final String PASSWORD = "test-editor-secret";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.filters(new OpenApiValidation());
    }

    private Api() {
    }

    /** A word unique to this call, usable in slugs, names and search text. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification editor() {
        return anonymous().auth().preemptive().basic(EDITOR, PASSWORD);
    }

    public static long createTopic(String slug) {
        return createAndGetId("/api/v1/topics", Map.of("slug", slug, "name", "Topic " + slug));
    }

    public static long createParticipant(String name, String country) {
        return createAndGetId("/api/v1/participants", country == null
                ? Map.of("name", name, "kind", "ORGANIZATION")
                : Map.of("name", name, "kind", "PERSON", "country", country));
    }

    /** An event of the given type and date between the given participants, with optional extra fields. */
    public static Map<String, Object> event(String title, String type, String date, List<Long> participantIds,
            Map<String, Object> extra) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("type", type);
        body.put("date", date);
        body.put("participants", participantIds.stream()
                .map(id -> Map.of("participantId", id, "role", "Role of " + id)).toList());
        body.putAll(extra);
        return body;
    }

    public static long createEvent(Map<String, Object> body) {
        return createAndGetId("/api/v1/events", body);
    }

    public static long createStatement(long eventId, long speakerId, String text, Map<String, Object> extra) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("eventId", eventId);
        body.put("speakerId", speakerId);
        body.put("text", text);
        body.put("language", "fr");
        body.put("kind", "REPORTED");
        body.putAll(extra);
        return createAndGetId("/api/v1/statements", body);
    }

    public static long createAndGetId(String collection, Object body) {
        return editor().body(body)
                .when().post(collection)
                .then().statusCode(201).body("id", notNullValue())
                .extract().jsonPath().getLong("id");
    }
}
