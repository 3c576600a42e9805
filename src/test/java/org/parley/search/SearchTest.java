package org.parley.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Word search ignores case and accents, needs every word, and follows every write. */
@QuarkusTest
public class SearchTest {

    private static final String SEED_TITLE =
            "Wang Yi and Sergey Lavrov discuss bilateral relations and the situation in Kazakhstan by telephone";

    @Test
    public void unaccentedWordsFindAccentedStatementsOfTheSeed() {
        anonymous().queryParam("q", "securite").get("/api/v1/statements").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2))
                .body("items.text", everyItem(containsString("sécurité")));
        anonymous().queryParam("q", "POUTINE").get("/api/v1/statements").then()
                .body("items.text", hasItem(containsString("Vladimir Poutine")));
        anonymous().queryParam("q", "revolutions couleur").queryParam("speaker",
                        anonymous().queryParam("q", "Wang Yi").get("/api/v1/participants").jsonPath().getLong("items[0].id"))
                .get("/api/v1/statements").then()
                .body("total", greaterThanOrEqualTo(1))
                .body("items.text", everyItem(containsString("révolutions de couleur")));
        anonymous().queryParam("q", "Révolutions COULEUR").get("/api/v1/statements").then()
                .body("items.text", everyItem(containsString("révolutions de couleur")));
    }

    @Test
    public void translationsAreSearchedToo() {
        anonymous().queryParam("q", "peacekeeping troops").get("/api/v1/statements").then()
                .body("items.speakerName", hasItem("Sergey Lavrov"));
    }

    @Test
    public void eventsAreFoundByTheWordsOfTheirStatements() {
        anonymous().queryParam("q", "poutine").get("/api/v1/events").then().statusCode(200)
                .body("items.title", hasItem(SEED_TITLE));
        anonymous().queryParam("q", "kazakhstan telephone").get("/api/v1/events").then()
                .body("items.title", hasItem(SEED_TITLE));
    }

    @Test
    public void everyWordMustMatch() {
        String rare = unique("wombat").replace("-", "");
        long p = createParticipant(unique("P"), "AU");
        long e = createEvent(event("Sécurité régionale " + rare, "MEETING", "2021-01-01", List.of(p), Map.of()));
        anonymous().queryParam("q", rare + " securite").get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) e)));
        anonymous().queryParam("q", rare + " climat").get("/api/v1/events").then().body("total", equalTo(0));
    }

    @Test
    public void theIndexFollowsCreatesUpdatesAndDeletes() {
        String first = unique("capybara").replace("-", "");
        String second = unique("axolotl").replace("-", "");
        long p = createParticipant(unique("P"), "BR");
        long eventId = createEvent(event("Reunião", "MEETING", "2021-02-02", List.of(p), Map.of()));
        long id = createStatement(eventId, p, "Ele falou sobre " + first, Map.of("language", "pt"));
        anonymous().queryParam("q", first).get("/api/v1/statements").then().body("items.id", equalTo(List.of((int) id)));
        anonymous().queryParam("q", first).get("/api/v1/events").then().body("items.id", equalTo(List.of((int) eventId)));

        editor().body(Map.of("eventId", eventId, "speakerId", p, "text", "Ela falou sobre " + second,
                "language", "pt", "kind", "REPORTED")).put("/api/v1/statements/" + id).then().statusCode(200);
        anonymous().queryParam("q", first).get("/api/v1/statements").then().body("total", equalTo(0));
        anonymous().queryParam("q", first).get("/api/v1/events").then().body("total", equalTo(0));
        anonymous().queryParam("q", second).get("/api/v1/events").then().body("items.id", equalTo(List.of((int) eventId)));

        editor().delete("/api/v1/statements/" + id).then().statusCode(204);
        anonymous().queryParam("q", second).get("/api/v1/statements").then().body("total", equalTo(0));
        anonymous().queryParam("q", second).get("/api/v1/events").then().body("total", equalTo(0));
    }

    @Test
    public void aQueryWithoutWordsIsRejected() {
        anonymous().queryParam("q", "!!! ???").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        anonymous().queryParam("q", "a b c d e f g h i j k").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].message", containsString("10 words"));
    }
}
