package org.parley.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createTopic;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Listing events costs a fixed number of SQL statements, whatever the page size: no query per event. */
@QuarkusTest
class EventQueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    private long statementsToList(long participant, int size) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        anonymous().queryParam("participant", participant).queryParam("size", size).get("/api/v1/events")
                .then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(size))
                .body("items[0].participants.size()", org.hamcrest.Matchers.equalTo(2));
        return statistics.getPrepareStatementCount();
    }

    @Test
    void listingTwentyEventsCostsNoMoreThanListingTwo() {
        long host = createParticipant(unique("Host"), "JP");
        String slug = unique("n1");
        createTopic(slug);
        for (int i = 0; i < 20; i++) {
            long guest = createParticipant(unique("Guest"), "KR");
            createEvent(event("Event " + i, "MEETING", "2017-01-01", List.of(host, guest), Map.of(
                    "topics", List.of(slug), "subjectCountries", List.of("KP"),
                    "sources", List.of(Map.of("url", "https://example.org/" + i, "publisher", "P")))));
        }
        long forTwo = statementsToList(host, 2);
        long forTwenty = statementsToList(host, 20);
        System.out.printf("listing events: %d SQL statements for a page of 2, %d for a page of 20%n", forTwo, forTwenty);
        assertEquals(forTwo, forTwenty, "the number of statements does not grow with the page");
        assertTrue(forTwenty <= 8, "count, page, participants, people, countries, topics, sources: " + forTwenty);
    }
}
