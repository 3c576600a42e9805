package org.parley.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

/**
 * Word search ignores case and accents, finds inflections in each statement's language, reads quoted phrases and
 * prefixes, ranks by relevance, needs every word, composes with the other filters, and follows every write.
 */
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
    public void anEventIsFoundByItsOwnWordsAndItsStatementsTogether() {
        String inTitle = unique("okapi").replace("-", "");
        String inStatement = unique("pangolin").replace("-", "");
        long p = createParticipant(unique("P"), "CD");
        long first = createEvent(event("Talks on " + inTitle, "MEETING", "2021-03-03", List.of(p), Map.of()));
        long second = createEvent(event("Other talks", "MEETING", "2021-03-04", List.of(p), Map.of()));
        long id = createStatement(first, p, "Les " + inStatement + " sont protégés", Map.of("language", "fr"));
        anonymous().queryParam("q", inTitle + " " + inStatement).get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) first)));
        // a phrase stays within one text: the title's last word and the statement's first do not make one
        anonymous().queryParam("q", "\"" + inTitle + " les\"").get("/api/v1/events").then().body("total", equalTo(0));
        anonymous().queryParam("q", "\"" + inStatement + " sont\"").queryParam("sort", "relevance")
                .get("/api/v1/events").then().body("items.id", equalTo(List.of((int) first)));

        // the statement's words move with it
        editor().body(Map.of("eventId", second, "speakerId", p, "text", "Les " + inStatement + " sont protégés",
                "language", "fr", "kind", "REPORTED")).put("/api/v1/statements/" + id).then().statusCode(200);
        anonymous().queryParam("q", inStatement).get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) second)));
        anonymous().queryParam("q", inTitle + " " + inStatement).get("/api/v1/events").then().body("total", equalTo(0));
    }

    @Test
    public void aQueryWithoutWordsIsRejected() {
        anonymous().queryParam("q", "!!! ???").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        anonymous().queryParam("q", "a b c d e f g h i j k").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].message", containsString("10 words"));
    }

    @Test
    public void dictionaryFormsFindTheSeedsInflections() {
        // the seed's French text says "révolutions", "organisées" and "couleur"
        anonymous().queryParam("q", "revolution").get("/api/v1/statements").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.text", everyItem(org.hamcrest.Matchers.anyOf(containsString("révolution"),
                        containsString("Révolution"))));
        anonymous().queryParam("q", "organise").get("/api/v1/statements").then()
                .body("items.text", hasItem(containsString("méticuleusement organisées")));
        anonymous().queryParam("q", "couleurs").get("/api/v1/statements").then()
                .body("items.text", hasItem(containsString("révolutions de couleur")));
    }

    @Test
    public void eachStatementIsStemmedInItsLanguageAndItsTranslationInEnglish() {
        long speaker = createParticipant(unique("Polyglot"), "CH");
        long event = createEvent(event("Multilingual talks " + unique("t"), "MEETING", "2024-03-04", List.of(speaker),
                Map.of()));
        Map<String, String[]> byLanguage = new java.util.LinkedHashMap<>();
        byLanguage.put("fr", new String[] {"Les négociations ont été organisées à Genève", "négociation"});
        byLanguage.put("ru", new String[] {"Стороны обсудили вопросы безопасности", "безопасность"});
        byLanguage.put("es", new String[] {"Los ministros hablaron de los acuerdos", "hablar"});
        byLanguage.put("de", new String[] {"Die Verhandlungen über die Sanktionen", "Verhandlung"});
        byLanguage.put("pt", new String[] {"As conversações continuam entre os ministros", "conversação"});
        byLanguage.put("it", new String[] {"I ministri hanno discusso le sanzioni", "sanzione"});
        byLanguage.put("en", new String[] {"The delegations discussed the pipelines", "pipeline"});
        Map<String, Long> ids = new java.util.HashMap<>();
        byLanguage.forEach((language, text) -> ids.put(language, createStatement(event, speaker, text[0],
                Map.of("language", language, "translation", "Envoys " + language + " welcomed the agreements"))));
        byLanguage.forEach((language, text) -> assertEquals(List.of(ids.get(language).intValue()),
                anonymous().queryParam("q", text[1]).queryParam("speaker", speaker).get("/api/v1/statements").then()
                        .statusCode(200).extract().jsonPath().getList("items.id"), language + ": " + text[1]));
        // English stems for every translation: "agreement" finds "agreements" and "welcome" finds "welcomed"
        anonymous().queryParam("q", "welcome agreement").queryParam("speaker", speaker).get("/api/v1/statements")
                .then().body("total", equalTo(byLanguage.size()));
        // and an event is found by the stems of its statements
        anonymous().queryParam("q", "sanzione").queryParam("participant", speaker).get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) event)));
    }

    @Test
    public void aQuotedPhraseNeedsItsWordsAdjacentAndInOrder() {
        anonymous().queryParam("q", "\"révolutions de couleur\"").get("/api/v1/statements").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.text", everyItem(containsString("révolutions de couleur")));
        anonymous().queryParam("q", "\"couleur de révolutions\"").get("/api/v1/statements").then()
                .body("total", equalTo(0));
        anonymous().queryParam("q", "\"revolution couleur\"").get("/api/v1/statements").then()
                .body("total", equalTo(0));
        // a short word, which the index may leave to the phrase's check, is checked all the same
        anonymous().queryParam("q", "\"révolutions du couleur\"").get("/api/v1/statements").then()
                .body("total", equalTo(0));
        // after stemming: the dictionary forms in the same order match
        anonymous().queryParam("q", "\"revolution de couleurs\"").get("/api/v1/statements").then()
                .body("items.text", everyItem(containsString("révolutions de couleur")));
        anonymous().queryParam("q", "\"révolutions de couleur\"").get("/api/v1/events").then()
                .body("items.title", hasItem(SEED_TITLE));
        anonymous().queryParam("q", "\"couleur de révolutions\"").get("/api/v1/events").then()
                .body("total", equalTo(0));

        long speaker = createParticipant(unique("Envoy"), "FR");
        long event = createEvent(event("Phrases " + unique("t"), "MEETING", "2024-05-06", List.of(speaker), Map.of()));
        long inOrder = createStatement(event, speaker, "Il a défendu la sécurité collective du continent",
                Map.of("language", "fr"));
        createStatement(event, speaker, "La sécurité est une affaire collective", Map.of("language", "fr"));
        createStatement(event, speaker, "Collectivement, nous voulons la sécurité", Map.of("language", "fr",
                "translation", "Collectively, we want security"));
        anonymous().queryParam("q", "\"securite collective\"").queryParam("speaker", speaker)
                .get("/api/v1/statements").then().body("items.id", equalTo(List.of((int) inOrder)));
        anonymous().queryParam("q", "securite collective").queryParam("speaker", speaker)
                .get("/api/v1/statements").then().body("total", equalTo(3));
    }

    @Test
    public void aPrefixFindsEveryWordThatStartsSo() {
        anonymous().queryParam("q", "kazakh*").get("/api/v1/statements").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("items.text", hasItem(containsString("Kazakhstan")))
                .body("items.text", hasItem(containsString("kazakhe")));
        long speaker = createParticipant(unique("Prefixer"), "KZ");
        long event = createEvent(event("Prefixes " + unique("t"), "MEETING", "2024-06-07", List.of(speaker), Map.of()));
        long a = createStatement(event, speaker, "Astana hosted the summit", Map.of("language", "en"));
        long b = createStatement(event, speaker, "Astanaïa is a made-up word", Map.of("language", "en"));
        createStatement(event, speaker, "Almaty hosted nothing", Map.of("language", "en"));
        anonymous().queryParam("q", "astana*").queryParam("speaker", speaker).queryParam("sort", "id")
                .get("/api/v1/statements").then().body("items.id", equalTo(List.of((int) a, (int) b)));
        anonymous().queryParam("q", "astana* summit").queryParam("speaker", speaker)
                .get("/api/v1/statements").then().body("items.id", equalTo(List.of((int) a)));
        anonymous().queryParam("q", "as*").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("q"))
                .body("violations[0].message", containsString("shorter than 3 letters"));
    }

    @Test
    public void relevanceRanksTheBestMatchFirstAndPagesByCursor() {
        long speaker = createParticipant(unique("Ranker"), "GB");
        long event = createEvent(event("Ranking " + unique("t"), "MEETING", "2024-07-08", List.of(speaker), Map.of()));
        long once = createStatement(event, speaker, "We spoke about trade, tariffs, ports, fishing rights, visas,"
                + " students, energy prices and the weather in the north", Map.of("language", "en"));
        long thrice = createStatement(event, speaker, "Trade, trade and trade", Map.of("language", "en"));
        long twice = createStatement(event, speaker, "Trade deals and trade", Map.of("language", "en"));
        anonymous().queryParam("q", "trade").queryParam("speaker", speaker).queryParam("sort", "relevance")
                .get("/api/v1/statements").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) thrice, (int) twice, (int) once)));
        // the same order a row at a time, by the cursors of the Link header
        List<Integer> paged = new java.util.ArrayList<>();
        String cursor = "*";
        while (cursor != null) {
            var page = anonymous().queryParam("q", "trade").queryParam("speaker", speaker)
                    .queryParam("sort", "relevance").queryParam("size", 1).queryParam("cursor", cursor)
                    .get("/api/v1/statements").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        }
        assertEquals(List.of((int) thrice, (int) twice, (int) once), paged);
        // an export in that order
        String csv = anonymous().accept("text/csv").queryParam("q", "trade").queryParam("speaker", speaker)
                .queryParam("sort", "relevance").get("/api/v1/statements").then().statusCode(200).extract().asString();
        List<String> rows = csv.lines().skip(1).toList();
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith(thrice + ","), rows.get(0));
        assertTrue(rows.get(2).startsWith(once + ","), rows.get(2));
        anonymous().queryParam("sort", "relevance").get("/api/v1/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"))
                .body("violations[0].message", containsString("give q"));
        anonymous().queryParam("q", "trade").queryParam("sort", "relevance").queryParam("participant", speaker)
                .get("/api/v1/events").then().statusCode(200).body("items.id", hasItem((int) event));
    }

    @Test
    public void aSearchCountsEveryMatchWhicheverPageIsAskedFirst() {
        String word = unique("numbat").replace("-", "");
        long speaker = createParticipant(unique("Counter"), "AU");
        long event = createEvent(event("Counting " + unique("t"), "MEETING", "2024-07-09", List.of(speaker), Map.of()));
        for (String text : List.of("The %s was seen", "Two %s were seen", "No %s was seen")) {
            createStatement(event, speaker, text.formatted(word), Map.of("language", "en"));
        }
        // the first page counts the matches as it reads them; another query's later page counts them on its own
        anonymous().queryParam("q", word).queryParam("size", 2).get("/api/v1/statements").then().statusCode(200)
                .header("X-Total-Count", "3").body("total", equalTo(3)).body("items", hasSize(2));
        anonymous().queryParam("q", word + " seen").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/statements").then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(1));
        anonymous().queryParam("q", word).queryParam("speaker", speaker).queryParam("page", 4)
                .get("/api/v1/statements").then()
                .statusCode(200).body("total", equalTo(3)).body("items", hasSize(0));
        anonymous().queryParam("q", word + " " + unique("absent")).get("/api/v1/statements").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        // by cursor, sorted by relevance: every page gives the same total
        String cursor = "*";
        int pages = 0;
        while (cursor != null) {
            var page = anonymous().queryParam("q", word + " was").queryParam("size", 1).queryParam("cursor", cursor)
                    .queryParam("sort", "relevance").get("/api/v1/statements").then().statusCode(200)
                    .body("total", equalTo(2)).extract().jsonPath();
            cursor = page.getString("nextCursor");
            pages++;
        }
        assertEquals(2, pages);
        anonymous().queryParam("q", word).queryParam("participant", speaker).get("/api/v1/events").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) event));
        // an event found by its statements' words within the dates asked, and not outside them
        anonymous().queryParam("q", word).queryParam("from", "2024-07-09").queryParam("to", "2024-07-09")
                .get("/api/v1/events").then().statusCode(200).body("items.id", equalTo(List.of((int) event)));
        anonymous().queryParam("q", word).queryParam("from", "2024-07-10").get("/api/v1/events").then()
                .statusCode(200).body("total", equalTo(0));
        anonymous().queryParam("q", word).queryParam("to", "2024-07-08").queryParam("sort", "relevance")
                .get("/api/v1/events").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    public void searchComposesWithStatistics() {
        var timeline = anonymous().queryParam("q", "\"révolutions de couleur\"").queryParam("interval", "year")
                .get("/api/v1/stats/timeline").then().statusCode(200).extract().jsonPath();
        long events = anonymous().queryParam("q", "\"révolutions de couleur\"").get("/api/v1/events").then()
                .extract().jsonPath().getLong("total");
        assertEquals(events, timeline.getList("items.events", Integer.class).stream().mapToLong(i -> i).sum(),
                "the timeline counts the events the list finds");
    }
}
