package org.parley.country;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class CountryResourceTest {

    @Test
    public void listsEveryIsoCountry() {
        anonymous().queryParam("size", 500).get("/api/v1/countries").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(249))
                .body("items.code", hasItem("KZ"))
                .body("items.find { it.code == 'KZ' }.alpha3", equalTo("KAZ"))
                .body("items.find { it.code == 'KZ' }.name", equalTo("Kazakhstan"))
                .body("items.find { it.code == 'KZ' }.eventsAsSubject", greaterThanOrEqualTo(1));
        anonymous().queryParam("q", "kazakh").get("/api/v1/countries").then()
                .body("items.code", equalTo(List.of("KZ")));
    }

    @Test
    public void coverageCountsBothRolesAndDates() {
        // relative to what a database kept from an earlier run holds (integration tests reuse theirs)
        var before = anonymous().get("/api/v1/countries/PN").then().statusCode(200).extract().jsonPath();
        int asParticipant = before.getInt("eventsAsParticipant");
        int asSubject = before.getInt("eventsAsSubject");
        long p = createParticipant(unique("Pitcairner"), "PN");
        createEvent(event("First", "MEETING", "2001-05-05", List.of(p), Map.of()));
        createEvent(event("Second", "VISIT", "2003-07-07", List.of(p), Map.of()));
        long other = createParticipant(unique("Other"), "FR");
        createEvent(event("About PN", "STATEMENT", "1999-01-01", List.of(other), Map.of("subjectCountries", List.of("PN"))));
        anonymous().get("/api/v1/countries/pcn").then().statusCode(200)
                .body("code", equalTo("PN"))
                .body("eventsAsParticipant", equalTo(asParticipant + 2))
                .body("eventsAsSubject", equalTo(asSubject + 1))
                .body("firstEventDate", equalTo(before.getString("firstEventDate") == null
                        || before.getString("firstEventDate").compareTo("1999-01-01") > 0
                        ? "1999-01-01" : before.getString("firstEventDate")))
                .body("lastEventDate", equalTo(before.getString("lastEventDate") == null
                        || before.getString("lastEventDate").compareTo("2003-07-07") < 0
                        ? "2003-07-07" : before.getString("lastEventDate")));
        anonymous().queryParam("covered", "true").queryParam("size", 500).get("/api/v1/countries").then()
                .body("items.code", hasItem("PN"));
    }

    @Test
    public void aCountryWithoutEventsHasZeroCoverage() {
        anonymous().get("/api/v1/countries/AQ").then().statusCode(200)
                .body("eventsAsParticipant", equalTo(0)).body("firstEventDate", nullValue());
    }

    @Test
    public void unknownCodesAndBadParametersAreProblems() {
        anonymous().get("/api/v1/countries/XX").then().statusCode(404).contentType("application/problem+json");
        anonymous().queryParam("covered", "maybe").get("/api/v1/countries").then().statusCode(400)
                .body("violations[0].field", equalTo("covered"));
        anonymous().queryParam("sort", "population").get("/api/v1/countries").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    public void filtersTakeAlpha3CodesInAnyCase() {
        long p = createParticipant(unique("Tongan"), "TO");
        long e = createEvent(event("Tonga", "MEETING", "2002-02-02", List.of(p), Map.of()));
        anonymous().queryParam("country", "ton").queryParam("participant", p).get("/api/v1/events").then()
                .statusCode(200).body("items.id", equalTo(List.of((int) e)));
        anonymous().queryParam("country", "TON").queryParam("size", 500).get("/api/v1/participants").then()
                .statusCode(200).body("items.id", hasItem((int) p));
        anonymous().queryParam("country", "rus").get("/api/v1/statements").then().statusCode(200)
                .body("items.speakerName", hasItem("Sergey Lavrov"));
        anonymous().queryParam("country", "RUSS").get("/api/v1/events").then().statusCode(400);
    }
}
