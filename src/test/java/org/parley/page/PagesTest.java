package org.parley.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * The reader's pages over HTTP: statuses, HTML error pages for bad filters and unknown records (the API keeps its
 * problems), escaping, and links to the same query for machines. The browser tests (ReaderPagesIT) look at them.
 */
@QuarkusTest
class PagesTest {

    @Test
    void theEventsListShowsTheApisRowsAndLinksToTheSameQuery() {
        long total = Api.anonymous().queryParam("country", "KZ").get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        given().get("/?country=kz").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"total\">" + total + (total == 1 ? " event<" : " events<")),
                        containsString("href=\"/api/v1/events?country=kz\""),
                        containsString("href=\"/api/v1/events?country=kz&amp;format=csv\""),
                        containsString("curl -H &#39;Accept: text/csv&#39; &#39;http://"),
                        containsString("href=\"/events/1\"")));
        // countries typed into one box, separated by spaces or commas, are the API's repeated parameter
        given().queryParam("country", "CN, RU").queryParam("countryRole", "participant").get("/events").then().statusCode(200)
                .body(containsString("href=\"/api/v1/events?country=CN&amp;country=RU&amp;countryRole=participant\""));
    }

    @Test
    void badFiltersAreA400PageWithTheApisMessagesBesideTheirFields() {
        given().get("/events?country=ZZ&from=2023-02-01&to=2023-01-01&type=PARTY").then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(allOf(containsString("<small id=\"country-error\" class=\"error\">&#39;ZZ&#39; is not an ISO"),
                        containsString("<small id=\"from-error\" class=\"error\">must not be after to"),
                        containsString("<small id=\"type-error\" class=\"error\">&#39;PARTY&#39; is not one of"),
                        not(containsString("<table class=\"events\""))));
        given().get("/countries/CN?interval=decade").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("interval: &#39;decade&#39; is not one of"));
    }

    @Test
    void unknownRecordsAre404PagesWhileTheApiKeepsItsProblems() {
        for (String path : List.of("/events/999999999", "/events/abc", "/events/0", "/countries/XX",
                "/countries/CN/QQ")) {
            given().get(path).then().statusCode(404).contentType(startsWith("text/html"))
                    .body(containsString("<h1>Not found</h1>"));
        }
        Api.anonymous().get("/api/v1/events/999999999").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void valuesFromTheDatabaseAreEscaped() {
        String hostile = "<script>alert(1)</script>\" onmouseover=\"x";
        long speaker = Api.createParticipant("Speaker " + Api.unique("p"), "KZ");
        long id = Api.createEvent(Api.event("Title " + hostile, "MEETING", "2023-05-02", List.of(speaker),
                Map.of()));
        Api.createStatement(id, speaker, "Il a dit " + hostile, Map.of("translation", "He said " + hostile));
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x";
        given().get("/events/{id}", id).then().statusCode(200)
                .body(allOf(containsString("<h1>Title " + escaped + "</h1>"),
                        containsString(">Il a dit " + escaped + "</blockquote>"),
                        containsString(">He said " + escaped + "</blockquote>"),
                        not(containsString("<script>")), not(containsString("\" onmouseover"))));
    }

    @Test
    void theCountryPageAndTheEventPageAnswer() {
        given().get("/countries/kaz").then().statusCode(200)
                .body(allOf(containsString("Kazakhstan"), containsString("data-period=\"2022-01\"")));
        given().get("/countries/CN?with=RU").then().statusCode(200)
                .body(containsString("China and <span aria-hidden=\"true\">"));
        given().get("/events/1").then().statusCode(200)
                .body(allOf(containsString("lang=\"fr\""), containsString("id=\"cite\""),
                        containsString("/api/v1/events/1?asOf=")));
    }
}
