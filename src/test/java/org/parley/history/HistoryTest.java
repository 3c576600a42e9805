package org.parley.history;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revisions of events and statements, and records as they stood at a moment ({@code asOf}). */
@QuarkusTest
class HistoryTest {

    /** A moment strictly between the writes before and after it (revision times are in milliseconds). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    private static void patch(String path, String changes) {
        editor().contentType("application/merge-patch+json").body(changes.getBytes(StandardCharsets.UTF_8))
                .patch(path).then().statusCode(200);
    }

    @Test
    void anEventIsReadAsItStoodWithItsStatementsOfThatTime() throws InterruptedException {
        long host = createParticipant(unique("Wang Yi"), "CN");
        long guest = createParticipant(unique("Sergey Lavrov"), "RU");
        String topic = unique("history");
        createTopic(topic);
        Instant beforeCreation = pause();
        long eventId = createEvent(event("Entretien téléphonique", "PHONE_CALL", "2022-01-10", List.of(host, guest),
                Map.of("topics", List.of(topic))));
        long first = createStatement(eventId, host, "La Chine soutient le Kazakhstan.", Map.of());
        Instant created = pause();
        patch("/api/v1/events/" + eventId, "{\"title\": \"Entretien avec Lavrov\"}");
        createStatement(eventId, guest, "La Russie est prête à coopérer.", Map.of());
        editor().delete("/api/v1/statements/" + first).then().statusCode(204);
        Instant changed = pause();

        anonymous().queryParam("asOf", created.toString()).get("/api/v1/events/" + eventId).then().statusCode(200)
                .header("Memento-Datetime", notNullValue())
                .body("title", equalTo("Entretien téléphonique"), "version", equalTo(0),
                        "topics.slug", contains(topic), "participants.participantId", contains((int) host, (int) guest),
                        "statements.text", contains("La Chine soutient le Kazakhstan."));
        anonymous().queryParam("asOf", changed.toString()).get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("title", equalTo("Entretien avec Lavrov"), "version", equalTo(1),
                        "statements.text", contains("La Russie est prête à coopérer."));
        // what the event is now is what asOf now shows, byte for byte apart from nothing
        String now = anonymous().get("/api/v1/events/" + eventId).then().statusCode(200).extract().asString();
        assertEquals(now, anonymous().queryParam("asOf", pause().toString()).get("/api/v1/events/" + eventId)
                .then().statusCode(200).extract().asString());

        anonymous().queryParam("asOf", beforeCreation.toString()).get("/api/v1/events/" + eventId).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Event " + eventId + " did not exist at " + beforeCreation));
        anonymous().queryParam("asOf", created.toString()).get("/api/v1/statements/" + first).then().statusCode(200)
                .body("text", equalTo("La Chine soutient le Kazakhstan."), "speakerId", equalTo((int) host));
        anonymous().queryParam("asOf", changed.toString()).get("/api/v1/statements/" + first).then().statusCode(404);
    }

    /** Events are written set-based and their history by hand: as of its creation it is what it is now, whole. */
    @Test
    void anEventWithEveryFieldReadsAsOfItsCreationAsItIsNow() throws InterruptedException {
        long host = createParticipant(unique("Host"), "FR");
        long guest = createParticipant(unique("Guest"), "DE");
        String first = unique("zeta");
        String second = unique("alpha");
        createTopic(first);
        createTopic(second);
        long eventId = createEvent(event("Talks over two days", "MEETING", "2023-05-02", List.of(host, guest), Map.of(
                "summary", "Both sides met.", "location", Map.of("country", "FR", "city", "Paris"),
                "subjectCountries", List.of("UA", "PL"), "topics", List.of(first, second),
                "endDate", "2023-05-03", "status", "HELD", "goldstein", 2.5, "externalId", unique("ext"),
                "sources", List.of(
                        Map.of("url", "https://example.org/h1", "publisher", "Agence", "title", "Un titre",
                                "publishedAt", "2023-05-03T21:15:00-04:00", "language", "fr"),
                        Map.of("url", "https://example.org/h2", "publisher", "Agentur")))));
        String now = anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("subjectCountries", contains("PL", "UA"), "sources", hasSize(2),
                        "sources[0].publishedAt", equalTo("2023-05-03T21:15:00-04:00"), "goldstein", equalTo(2.5f),
                        "participants.role", contains("Role of " + host, "Role of " + guest))
                .extract().asString();
        assertEquals(now, anonymous().queryParam("asOf", pause().toString()).get("/api/v1/events/" + eventId)
                .then().statusCode(200).extract().asString());
        anonymous().get("/api/v1/events/" + eventId + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED"), "items.version", contains(0));
    }

    @Test
    void revisionsListEveryWriteWithItsEditorAndSurviveDeletion() throws InterruptedException {
        long host = createParticipant(unique("Wang Yi"), "CN");
        long eventId = createEvent(event("Déclaration", "STATEMENT", "2022-01-11", List.of(host), Map.of()));
        long said = createStatement(eventId, host, "Première version.", Map.of());
        patch("/api/v1/statements/" + said, "{\"text\": \"Seconde version.\"}");
        Instant edited = pause();
        editor().delete("/api/v1/events/" + eventId).then().statusCode(204);

        anonymous().get("/api/v1/statements/" + said + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED", "UPDATED", "DELETED"),
                        "items.editor", contains("editor", "editor", "editor"),
                        "items.version", contains(0, 1, null));
        anonymous().get("/api/v1/events/" + eventId + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED", "DELETED"), "items[0].timestamp", notNullValue());
        // a deleted event is gone now, and can still be cited as it stood
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(404);
        anonymous().queryParam("asOf", edited.toString()).get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("title", equalTo("Déclaration"), "statements.text", contains("Seconde version."));
        anonymous().get("/api/v1/events/999999999/revisions").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Event 999999999 does not exist"));
    }

    @Test
    void aRenamedParticipantLeavesTheEventAsItStoodBefore() throws InterruptedException {
        String name = unique("Sergueï Lavrov");
        long guest = createParticipant(name, "RU");
        long eventId = createEvent(event("Visite", "VISIT", "2022-01-12", List.of(guest), Map.of()));
        Instant before = pause();
        patch("/api/v1/participants/" + guest, "{\"name\": \"" + name + " (renamed)\"}");

        anonymous().get("/api/v1/events/" + eventId + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED", "UPDATED"));
        anonymous().queryParam("asOf", before.toString()).get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("participants[0].name", equalTo(name));
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("participants[0].name", equalTo(name + " (renamed)"));
    }

    @Test
    void asOfTakesADateOrADateTimeWithOffsetAndNothingElse() {
        long host = createParticipant(unique("Wang Yi"), "CN");
        long eventId = createEvent(event("Rencontre", "MEETING", "2022-01-10", List.of(host), Map.of()));
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        anonymous().queryParam("asOf", tomorrow).get("/api/v1/events/" + eventId).then().statusCode(200)
                .header("Memento-Datetime", notNullValue()).body("id", equalTo((int) eventId));
        anonymous().queryParam("asOf", "2000-01-01").get("/api/v1/events/" + eventId).then().statusCode(404);
        String memento = anonymous().queryParam("asOf", ZonedDateTime.now().plusHours(1)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .get("/api/v1/events/" + eventId).then().statusCode(200).extract().header("Memento-Datetime");
        ZonedDateTime.parse(memento, DateTimeFormatter.RFC_1123_DATE_TIME);
        for (String bad : List.of("yesterday", "2024-05-01T00:00:00", "2024-13-01")) {
            anonymous().queryParam("asOf", bad).get("/api/v1/events/" + eventId).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations", hasSize(1), "violations[0].field", equalTo("asOf"),
                            "violations[0].message", containsString("'" + bad + "' is not an ISO date-time"));
        }
        anonymous().queryParam("asOf", "yesterday").get("/api/v1/statements/1").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"), "violations[0].in", equalTo("query"));
    }
}
