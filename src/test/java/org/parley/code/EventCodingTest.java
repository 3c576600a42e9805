package org.parley.code;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status, date range and precision, and CAMEO, PLOVER and Goldstein coding of events. */
@QuarkusTest
public class EventCodingTest {

    @Test
    public void aCallIsCodedFromItsType() {
        long p = createParticipant(unique("Caller"), "CN");
        editor().body(event("Call", "PHONE_CALL", "2020-03-03", List.of(p), Map.of())).post("/api/v1/events")
                .then().statusCode(201)
                .body("status", equalTo("HELD"))
                .body("datePrecision", equalTo("DAY"))
                .body("endDate", nullValue())
                .body("cameoCode", equalTo("041"))
                .body("ploverType", equalTo("CONSULT"))
                .body("ploverMode", equalTo("phone"))
                .body("goldstein", equalTo(1.0f));
        editor().body(event("Deal", "AGREEMENT", "2020-03-03", List.of(p), Map.of())).post("/api/v1/events")
                .then().body("ploverType", equalTo("AGREE")).body("goldstein", equalTo(8.0f));
    }

    @Test
    public void codingCanBeOverridden() {
        long p = createParticipant(unique("Host"), "CN");
        editor().body(event("Planned summit", "SUMMIT", "2020-04-01", List.of(p), Map.of(
                        "status", "ANNOUNCED", "endDate", "2020-04-03", "datePrecision", "MONTH",
                        "cameoCode", "043", "ploverType", "CONSULT", "ploverMode", "host", "goldstein", 2.0)))
                .post("/api/v1/events").then().statusCode(201)
                .body("status", equalTo("ANNOUNCED"))
                .body("endDate", equalTo("2020-04-03"))
                .body("datePrecision", equalTo("MONTH"))
                .body("cameoCode", equalTo("043"))
                .body("ploverMode", equalTo("host"))
                .body("goldstein", equalTo(2.0f));
        editor().body(event("Hosted", "MEETING", "2020-04-01", List.of(p), Map.of("cameoCode", "043")))
                .post("/api/v1/events").then().statusCode(201).body("goldstein", equalTo(2.8f));
    }

    @Test
    public void invalidCodingIsNamed() {
        long p = createParticipant(unique("Bad"), "CN");
        editor().body(event("Bad", "MEETING", "2020-05-05", List.of(p), Map.of("cameoCode", "0999",
                        "endDate", "2020-05-01", "goldstein", 11, "ploverMode", "Third Party", "status", "POSTPONED")))
                .post("/api/v1/events").then().statusCode(400).body("violations[0].field", equalTo("status"));
        editor().body(event("Bad", "MEETING", "2020-05-05", List.of(p), Map.of("cameoCode", "0999",
                        "endDate", "2020-05-01", "goldstein", 11, "ploverMode", "Third Party")))
                .post("/api/v1/events").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("goldstein", "ploverMode"));
        editor().body(event("Bad", "MEETING", "2020-05-05", List.of(p), Map.of("cameoCode", "0999",
                        "endDate", "2020-05-01")))
                .post("/api/v1/events").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("cameoCode", "endDate"));
    }

    @Test
    public void statusAndCameoPrefixFilter() {
        long p = createParticipant(unique("Filter"), "CN");
        long call = createEvent(event("Call", "PHONE_CALL", "2020-06-01", List.of(p), Map.of()));
        long visit = createEvent(event("Visit", "VISIT", "2020-06-02", List.of(p), Map.of("status", "CANCELLED")));
        long deal = createEvent(event("Deal", "AGREEMENT", "2020-06-03", List.of(p), Map.of("status", "ANNOUNCED")));
        anonymous().queryParam("participant", p).queryParam("cameo", "04").get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) visit, (int) call)));
        anonymous().queryParam("participant", p).queryParam("cameo", "041").get("/api/v1/events").then()
                .body("items.id", equalTo(List.of((int) call)));
        anonymous().queryParam("participant", p).queryParam("status", "held").queryParam("status", "ANNOUNCED")
                .get("/api/v1/events").then().body("items.id", equalTo(List.of((int) deal, (int) call)));
        anonymous().queryParam("cameo", "4x").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("cameo"));
        anonymous().queryParam("status", "MAYBE").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    public void theCameoCodebookIsServed() {
        anonymous().queryParam("size", 500).get("/api/v1/codes/cameo").then().statusCode(200)
                .body("total", equalTo(311))
                .body("items.code", hasItem("20"))
                .body("items.find { it.code == '041' }.label", equalTo("Discuss by telephone"))
                .body("items.find { it.code == '041' }.goldstein", equalTo(1.0f));
        anonymous().queryParam("prefix", "04").get("/api/v1/codes/cameo").then()
                .body("items.code", everyItem(startsWith("04")))
                .body("total", equalTo(8));
        anonymous().get("/api/v1/codes/cameo/057").then().statusCode(200)
                .body("label", containsString("agreement")).body("goldstein", equalTo(8.0f));
        anonymous().get("/api/v1/codes/cameo/999").then().statusCode(404).contentType("application/problem+json");
        anonymous().queryParam("prefix", "x").get("/api/v1/codes/cameo").then().statusCode(400);
    }
}
