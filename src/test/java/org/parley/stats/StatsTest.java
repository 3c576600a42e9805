package org.parley.stats;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statistics over a small set of events of their own, selected with the participant filter. */
@QuarkusTest
public class StatsTest {

    long greenland;
    String meetings;
    String fishing;

    @BeforeEach
    void events() {
        greenland = createParticipant(unique("Greenlander"), "GL");
        long faroese = createParticipant(unique("Faroese"), "FO");
        long alander = createParticipant(unique("Alander"), "AX");
        meetings = unique("meetings");
        fishing = unique("fishing");
        createTopic(meetings);
        createTopic(fishing);
        createEvent(event("One", "MEETING", "2010-01-15", List.of(greenland, faroese), Map.of("topics", List.of(meetings))));
        createEvent(event("Two", "VISIT", "2010-03-01", List.of(greenland, faroese), Map.of("topics", List.of(meetings))));
        long three = createEvent(event("Three", "PHONE_CALL", "2011-06-01", List.of(greenland, alander),
                Map.of("topics", List.of(fishing))));
        createStatement(three, alander, "Fisk", Map.of("topics", List.of(fishing, meetings)));
        createStatement(three, greenland, "Fisk igen", Map.of("topics", List.of(fishing)));
    }

    @Test
    public void dyadsCountPairsOfParticipantCountries() {
        anonymous().queryParam("participant", greenland).get("/api/v1/stats/dyads").then().statusCode(200)
                .body("items.country1", contains("FO", "AX"))
                .body("items.country2", contains("GL", "GL"))
                .body("items.events", contains(2, 1))
                .body("items[0].firstEventDate", equalTo("2010-01-15"))
                .body("items[0].lastEventDate", equalTo("2010-03-01"));
        anonymous().queryParam("participant", greenland).queryParam("from", "2011-01-01").get("/api/v1/stats/dyads")
                .then().body("items.country1", contains("AX"));
        anonymous().queryParam("participant", greenland).queryParam("type", "VISIT").get("/api/v1/stats/dyads")
                .then().body("items.events", contains(1));
    }

    @Test
    public void timelinesFillEveryPeriod() {
        anonymous().queryParam("participant", greenland).queryParam("interval", "year").get("/api/v1/stats/timeline")
                .then().statusCode(200)
                .body("items.period", contains("2010", "2011"))
                .body("items.events", contains(2, 1));
        anonymous().queryParam("participant", greenland).queryParam("interval", "quarter")
                .get("/api/v1/stats/timeline").then()
                .body("items.period", contains("2010-Q1", "2010-Q2", "2010-Q3", "2010-Q4", "2011-Q1", "2011-Q2"))
                .body("items.events", contains(2, 0, 0, 0, 0, 1));
        anonymous().queryParam("participant", greenland).queryParam("size", 100).get("/api/v1/stats/timeline").then()
                .body("total", equalTo(18))
                .body("items[0].period", equalTo("2010-01"))
                .body("items[1].events", equalTo(0))
                .body("items[2].events", equalTo(1));
        // a pair of countries: events involving both
        anonymous().queryParam("participant", greenland).queryParam("country", "gl").queryParam("country", "AX")
                .queryParam("interval", "year").get("/api/v1/stats/timeline").then()
                .body("items.period", contains("2011")).body("items.events", contains(1));
    }

    @Test
    public void topicsAreRankedByEventsThenStatements() {
        anonymous().queryParam("participant", greenland).get("/api/v1/stats/topics").then().statusCode(200)
                .body("items.slug", contains(meetings, fishing))
                .body("items.events", contains(2, 1))
                .body("items.statements", contains(1, 2));
        anonymous().queryParam("participant", greenland).queryParam("country", "AX").get("/api/v1/stats/topics")
                .then().body("items.slug", contains(fishing, meetings)).body("items.events", contains(1, 0));
    }

    @Test
    public void statisticsTakeTheListErrors() {
        anonymous().queryParam("interval", "week").get("/api/v1/stats/timeline").then().statusCode(400)
                .body("violations[0].field", equalTo("interval"));
        anonymous().queryParam("country", "XX").get("/api/v1/stats/dyads").then().statusCode(400)
                .body("violations[0].field", equalTo("country"));
        anonymous().queryParam("from", "2020-01-02").queryParam("to", "2020-01-01").get("/api/v1/stats/topics")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
    }
}
