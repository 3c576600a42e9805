package org.parley.statement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class StatementResourceTest {

    private static final String URL = "https://example.org/source";

    private static long eventWith(String date, long... participants) {
        return createEvent(event("Statements", "MEETING", date, java.util.Arrays.stream(participants).boxed().toList(),
                Map.of("sources", List.of(Map.of("url", URL, "publisher", "Xinhua")))));
    }

    @Test
    public void countryAndDateFiltersFollowChangesToTheEventAndTheSpeaker() {
        long speaker = createParticipant(unique("Speaker"), "NO");
        long eventId = eventWith("2003-05-01", speaker);
        long statement = createStatement(eventId, speaker, "Tromsø talks", Map.of());
        String word = unique("fjord");
        createStatement(eventId, speaker, word, Map.of());
        anonymous().queryParam("country", "NO").queryParam("from", "2003-05-01").queryParam("to", "2003-05-01")
                .get("/api/v1/statements").then().statusCode(200).body("items.id", hasItem((int) statement));

        editor().body(event("Statements", "MEETING", "2004-06-02", List.of(speaker),
                        Map.of("sources", List.of(Map.of("url", URL, "publisher", "Xinhua")))))
                .put("/api/v1/events/" + eventId).then().statusCode(200);
        anonymous().queryParam("speaker", speaker).queryParam("from", "2003-05-01").queryParam("to", "2003-05-01")
                .get("/api/v1/statements").then().statusCode(200).body("total", equalTo(0));
        anonymous().queryParam("speaker", speaker).queryParam("from", "2004-06-02").queryParam("to", "2004-06-02")
                .get("/api/v1/statements").then().statusCode(200).body("total", equalTo(2));
        anonymous().queryParam("q", word).queryParam("format", "csv").get("/api/v1/statements").then()
                .statusCode(200).body(containsString("2004-06-02"));

        editor().body(Map.of("name", "Renamed " + speaker, "kind", "PERSON", "country", "IS"))
                .put("/api/v1/participants/" + speaker).then().statusCode(200);
        anonymous().queryParam("country", "NO").queryParam("speaker", speaker).get("/api/v1/statements").then()
                .statusCode(200).body("total", equalTo(0));
        anonymous().queryParam("country", "ISL").queryParam("speaker", speaker).get("/api/v1/statements").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.speakerName", everyItem(equalTo("Renamed " + speaker)));
    }

    @Test
    public void createStoresEveryFieldAndNumbersPositions() {
        long wang = createParticipant(unique("Wang"), "CN");
        String slug = unique("asia");
        createTopic(slug);
        long eventId = eventWith("2022-01-10", wang);
        long first = createStatement(eventId, wang, "Premier", Map.of());
        String location = editor().body(Map.of("eventId", eventId, "speakerId", wang,
                        "text", "La Chine et la Russie doivent empêcher le chaos", "language", "fr",
                        "translation", "China and Russia must prevent chaos", "kind", "REPORTED",
                        "topics", List.of(slug), "sourceUrl", URL))
                .post("/api/v1/statements")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/statements/"))
                .body("eventId", equalTo((int) eventId))
                .body("speakerId", equalTo((int) wang))
                .body("speakerName", containsString("Wang"))
                .body("position", equalTo(2))
                .body("topics.slug", contains(slug))
                .body("sourceUrl", equalTo(URL))
                .extract().header("Location");
        anonymous().get(location).then().statusCode(200)
                .body("text", equalTo("La Chine et la Russie doivent empêcher le chaos"))
                .body("translation", equalTo("China and Russia must prevent chaos"))
                .body("kind", equalTo("REPORTED"))
                .body("language", equalTo("fr"));
        anonymous().get("/api/v1/statements/" + first).then().body("position", equalTo(1));
        anonymous().get("/api/v1/events/" + eventId).then()
                .body("statements.text", contains("Premier", "La Chine et la Russie doivent empêcher le chaos"));
    }

    @Test
    public void aSpeakerMustTakePartInTheEvent() {
        long wang = createParticipant(unique("Wang"), "CN");
        long xi = createParticipant(unique("Xi"), "CN");
        long eventId = eventWith("2022-01-10", wang);
        editor().body(Map.of("eventId", eventId, "speakerId", xi, "text", "Absent", "language", "fr",
                        "kind", "REPORTED"))
                .post("/api/v1/statements")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("speakerId"))
                .body("violations[0].message", containsString("not a participant"));
        anonymous().queryParam("speaker", xi).get("/api/v1/statements").then().body("total", equalTo(0));
    }

    @Test
    public void invalidReferencesAndFieldsAreNamed() {
        long wang = createParticipant(unique("Wang"), "CN");
        long eventId = eventWith("2022-01-10", wang);
        editor().body(Map.of("eventId", 987654321, "speakerId", 987654321, "text", "x", "language", "fr",
                "kind", "REPORTED")).post("/api/v1/statements")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("eventId", "speakerId"));
        editor().body(Map.of("eventId", eventId, "speakerId", wang, "text", "x", "language", "fr",
                "kind", "REPORTED", "sourceUrl", "https://elsewhere.example/", "topics", List.of("nope-" + unique("x"))))
                .post("/api/v1/statements")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("sourceUrl", "topics[0]"));
        editor().body(Map.of("eventId", eventId, "speakerId", wang, "text", " ", "language", "français",
                "kind", "REPORTED", "position", -1)).post("/api/v1/statements")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("text", "language", "position"));
        editor().body(Map.of("eventId", eventId, "speakerId", wang, "text", "x", "language", "fr",
                "kind", "RUMOUR")).post("/api/v1/statements")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
        editor().body(Map.of("speakerId", wang, "text", "x", "language", "fr"))
                .post("/api/v1/statements")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("eventId", "kind"));
    }

    @Test
    public void putRoundTripMoveAndDelete() {
        long a = createParticipant(unique("A"), "FR");
        long first = eventWith("2022-01-10", a);
        long second = eventWith("2022-01-11", a);
        long id = createStatement(first, a, "Texte", Map.of("translation", "Text"));
        Map<String, Object> read = anonymous().get("/api/v1/statements/" + id).then().extract().jsonPath().getMap("");
        editor().body(read).put("/api/v1/statements/" + id).then().statusCode(200)
                .body("text", equalTo("Texte")).body("position", equalTo(1));
        Map<String, Object> moved = new HashMap<>(read);
        moved.put("eventId", second);
        moved.remove("position");
        moved.remove("version");
        editor().body(moved).put("/api/v1/statements/" + id).then().statusCode(200)
                .body("eventId", equalTo((int) second)).body("position", equalTo(1));
        editor().body(read).put("/api/v1/statements/" + id).then().statusCode(409);
        editor().delete("/api/v1/statements/" + id).then().statusCode(204);
        anonymous().get("/api/v1/statements/" + id).then().statusCode(404);
        anonymous().get("/api/v1/events/" + second).then().statusCode(200);
    }

    @Test
    public void filtersCombine() {
        long wang = createParticipant(unique("Wang"), "CN");
        long lavrov = createParticipant(unique("Lavrov"), "RU");
        String slug = unique("csto");
        createTopic(slug);
        String word = unique("okapi");
        long january = eventWith("2022-01-10", wang, lavrov);
        long march = eventWith("2022-03-01", wang, lavrov);
        long s1 = createStatement(january, wang, "Wang dit " + word, Map.of("topics", List.of(slug)));
        long s2 = createStatement(january, lavrov, "Lavrov dit", Map.of("language", "fr-CA",
                "translation", "Lavrov says " + word));
        long s3 = createStatement(march, wang, "Wang says", Map.of("language", "en"));

        anonymous().queryParam("event", january).get("/api/v1/statements")
                .then().body("items.id", contains((int) s1, (int) s2)).header("X-Total-Count", "2");
        anonymous().queryParam("speaker", wang).get("/api/v1/statements")
                .then().body("items.id", contains((int) s3, (int) s1));
        anonymous().queryParam("speaker", wang).queryParam("sort", "date").get("/api/v1/statements")
                .then().body("items.id", contains((int) s1, (int) s3));
        anonymous().queryParam("event", january).queryParam("country", "ru").get("/api/v1/statements")
                .then().body("items.id", contains((int) s2));
        anonymous().queryParam("topic", slug).get("/api/v1/statements").then().body("items.id", contains((int) s1));
        anonymous().queryParam("topic", unique("none")).queryParam("topic", slug).get("/api/v1/statements")
                .then().body("items.id", contains((int) s1));
        anonymous().queryParam("topic", unique("none")).get("/api/v1/statements").then().statusCode(200)
                .body("total", equalTo(0));
        anonymous().queryParam("speaker", lavrov).queryParam("language", "fr").get("/api/v1/statements")
                .then().body("items.id", contains((int) s2));
        anonymous().queryParam("speaker", wang).queryParam("language", "en").get("/api/v1/statements")
                .then().body("items.id", contains((int) s3));
        anonymous().queryParam("speaker", wang).queryParam("from", "2022-02-01").get("/api/v1/statements")
                .then().body("items.id", contains((int) s3));
        anonymous().queryParam("speaker", wang).queryParam("to", "2022-02-01").get("/api/v1/statements")
                .then().body("items.id", contains((int) s1));
        anonymous().queryParam("q", word.toUpperCase()).get("/api/v1/statements")
                .then().body("items.id", containsInAnyOrder((int) s1, (int) s2));
    }

    @Test
    public void badFiltersAreRejected() {
        anonymous().queryParam("country", "XYZ").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("country"));
        anonymous().queryParam("language", "123").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("language"));
        anonymous().queryParam("from", "2022-02-01").queryParam("to", "2022-01-01").get("/api/v1/statements")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        anonymous().queryParam("sort", "speaker").get("/api/v1/statements").then().statusCode(400)
                .body("violations.field", hasItem("sort"));
        anonymous().queryParam("event", "first").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("event"));
    }
}
