package org.parley.seed;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seed article's event, as any client reads it. Reads only: the seed rows are never changed by tests. */
@QuarkusTest
public class SeedTest {

    static final String TITLE =
            "Wang Yi and Sergey Lavrov discuss bilateral relations and the situation in Kazakhstan by telephone";

    static long seedEventId() {
        // other tests create look-alike events, but never with the seed's own participants
        return anonymous().queryParam("participant", participantId("Wang Yi"))
                .queryParam("country", "KZ").queryParam("country", "CN").queryParam("country", "RU")
                .queryParam("from", "2022-01-10").queryParam("to", "2022-01-10").queryParam("type", "PHONE_CALL")
                .get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].title", equalTo(TITLE))
                .extract().jsonPath().getLong("items[0].id");
    }

    static long participantId(String name) {
        return anonymous().queryParam("q", name).get("/api/v1/participants")
                .then().statusCode(200).body("items.name", hasItem(name))
                .extract().jsonPath().getLong("items.find { it.name == '" + name + "' }.id");
    }

    @Test
    public void theSeedEventIsFoundByItsSubjectCountry() {
        anonymous().queryParam("country", "KZ").get("/api/v1/events")
                .then().statusCode(200).body("items.title", hasItem(TITLE));
        anonymous().queryParam("country", "kz").queryParam("countryRole", "subject").get("/api/v1/events")
                .then().body("items.title", hasItem(TITLE));
    }

    @Test
    public void theEventLinksBothMinistersWithTopicsAndItsSource() {
        anonymous().get("/api/v1/events/" + seedEventId()).then().statusCode(200)
                .body("type", equalTo("PHONE_CALL"))
                .body("date", equalTo("2022-01-10"))
                .body("cameoCode", equalTo("041"))
                .body("participants.name", contains("Wang Yi", "Sergey Lavrov"))
                .body("participants.country", contains("CN", "RU"))
                .body("participants[0].role", containsString("Foreign Affairs"))
                .body("participants[1].role", containsString("Foreign Affairs of Russia"))
                .body("countries", contains("CN", "RU"))
                .body("subjectCountries", contains("KZ"))
                .body("topics.size()", greaterThanOrEqualTo(5))
                .body("topics.slug", hasItems("kazakhstan-unrest", "beijing-winter-olympics-2022", "csto",
                        "colour-revolutions", "central-asia-security", "china-russia-relations"))
                .body("sources.size()", equalTo(1))
                .body("sources[0].publisher", equalTo("Xinhua"))
                .body("sources[0].language", equalTo("fr"))
                .body("sources[0].publishedAt", equalTo("2022-01-12T08:55:00+08:00"))
                .body("sources[0].title", containsString("Kazakhstan"));
    }

    @Test
    public void everyPositionIsAStatementInFrenchWithATranslation() {
        JsonPath event = anonymous().get("/api/v1/events/" + seedEventId()).then().statusCode(200)
                .body("statements.size()", greaterThanOrEqualTo(10))
                .body("statements.language", everyItem(equalTo("fr")))
                .body("statements.translation", everyItem(not(emptyOrNullString())))
                .body("statements.sourceUrl", everyItem(equalTo(
                        anonymous().get("/api/v1/events/" + seedEventId()).jsonPath().getString("sources[0].url"))))
                .extract().jsonPath();
        List<Integer> positions = event.getList("statements.position", Integer.class);
        assertEquals(positions.stream().sorted().toList(), positions, "statements come in article order");
        assertEquals(positions.size(), positions.stream().distinct().count(), "positions are distinct");
    }

    @Test
    public void positionsAreAttributedToTheRightMinister() {
        JsonPath event = anonymous().get("/api/v1/events/" + seedEventId()).jsonPath();
        List<Map<String, Object>> statements = event.getList("statements");
        Map<String, String> speakerOf = statements.stream().collect(Collectors.toMap(
                s -> (String) s.get("text"), s -> (String) s.get("speakerName")));
        assertSpeaker(speakerOf, "Sergey Lavrov", "session spéciale de l'Organisation du traité de sécurité collective");
        assertSpeaker(speakerOf, "Sergey Lavrov", "forces extérieures, un point de vue partagé");
        assertSpeaker(speakerOf, "Sergey Lavrov", "troupes de maintien de la paix");
        assertSpeaker(speakerOf, "Sergey Lavrov", "partager pleinement le point de vue de la Chine");
        assertSpeaker(speakerOf, "Wang Yi", "dos à dos");
        assertSpeaker(speakerOf, "Wang Yi", "message verbal");
        assertSpeaker(speakerOf, "Wang Yi", "empêcher le chaos ou la guerre");
        assertSpeaker(speakerOf, "Wang Yi", "Organisation de coopération de Shanghai");
        long lavrov = speakerOf.values().stream().filter("Sergey Lavrov"::equals).count();
        long wang = speakerOf.values().stream().filter("Wang Yi"::equals).count();
        assertTrue(lavrov >= 4 && wang >= 8, "Wang Yi speaks most: " + wang + " vs " + lavrov);
    }

    private static void assertSpeaker(Map<String, String> speakerOf, String speaker, String fragment) {
        List<String> matching = speakerOf.keySet().stream().filter(t -> t.contains(fragment)).toList();
        assertEquals(1, matching.size(), "one statement contains '" + fragment + "'");
        assertEquals(speaker, speakerOf.get(matching.get(0)), fragment);
    }

    @Test
    public void statementsAreListedByMinisterAndTopic() {
        long lavrov = participantId("Sergey Lavrov");
        anonymous().queryParam("speaker", lavrov).queryParam("event", seedEventId()).get("/api/v1/statements")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(4))
                .body("items.speakerName", everyItem(equalTo("Sergey Lavrov")));
        anonymous().queryParam("event", seedEventId()).queryParam("topic", "colour-revolutions")
                .get("/api/v1/statements")
                .then().body("items.text", everyItem(allOf(containsString("olution"))));
    }

    @Test
    public void peopleMentionedExistButTakePartInNoEvent() {
        for (String name : List.of("Xi Jinping", "Vladimir Putin", "Kassym-Jomart Tokayev")) {
            long id = participantId(name);
            anonymous().queryParam("participant", id).get("/api/v1/events").then().body("total", equalTo(0));
        }
        anonymous().queryParam("q", "Sergueï").get("/api/v1/participants")
                .then().body("items.name", hasItem("Sergey Lavrov"));
        anonymous().get("/api/v1/participants/" + participantId("Wang Yi")).then()
                .body("country", equalTo("CN")).body("kind", equalTo("PERSON"));
    }
}
