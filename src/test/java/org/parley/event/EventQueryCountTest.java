package org.parley.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.parley.store.Documents;

/** Listing events costs a fixed number of SQL statements, whatever the page size: no query per event. */
@QuarkusTest
class EventQueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Inject
    DocumentBackfill backfill;

    @Inject
    EventService events;

    private long statementsToList(long participant, int size) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        anonymous().queryParam("participant", participant).queryParam("size", size).get("/api/v1/events")
                .then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(size))
                .body("items[0].participants.size()", org.hamcrest.Matchers.equalTo(2));
        return statistics.getPrepareStatementCount();
    }

    private static int total(long participant) {
        return Integer.parseInt(anonymous().queryParam("participant", participant).get("/api/v1/events")
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    @Test
    void totalsFollowEveryWrite() {
        long host = createParticipant(unique("Host"), "JP");
        long guest = createParticipant(unique("Guest"), "KR");
        createEvent(event("One", "MEETING", "2017-01-01", List.of(host, guest), Map.of()));
        assertEquals(1, total(host));
        long second = createEvent(event("Two", "MEETING", "2017-01-02", List.of(host, guest), Map.of()));
        assertEquals(2, total(host), "a created event is counted at once");
        editor().delete("/api/v1/events/" + second).then().statusCode(204);
        assertEquals(1, total(host), "a deleted event is uncounted at once");
        long other = createParticipant(unique("Other"), "FR");
        long third = createEvent(event("Three", "MEETING", "2017-01-03", List.of(other, guest), Map.of()));
        assertEquals(1, total(host));
        editor().body(event("Three", "MEETING", "2017-01-03", List.of(other, host), Map.of()))
                .put("/api/v1/events/" + third).then().statusCode(200);
        assertEquals(2, total(host), "an event that now involves the participant is counted at once");
    }

    private static String newest(long participant) {
        return anonymous().queryParam("participant", participant).queryParam("size", 1).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath().getString("items[0].title");
    }

    @Test
    void cachedPagesFollowEveryWrite() {
        long host = createParticipant(unique("Host"), "JP");
        long guest = createParticipant(unique("Guest"), "KR");
        createEvent(event("Older", "MEETING", "2016-01-01", List.of(host, guest), Map.of()));
        assertEquals("Older", newest(host));
        assertEquals("Older", newest(host), "the same page again, from the cache");
        long newer = createEvent(event("Newer", "MEETING", "2016-02-01", List.of(host, guest), Map.of()));
        assertEquals("Newer", newest(host), "a created event is on the page at once");
        editor().body(event("Renamed", "MEETING", "2016-02-01", List.of(host, guest), Map.of()))
                .put("/api/v1/events/" + newer).then().statusCode(200);
        assertEquals("Renamed", newest(host), "an edit shows at once");
        editor().body(event("Renamed", "MEETING", "2015-12-01", List.of(host, guest), Map.of()))
                .put("/api/v1/events/" + newer).then().statusCode(200);
        assertEquals("Older", newest(host), "an event moved back in time leaves the first page at once");
        editor().delete("/api/v1/events/" + newer).then().statusCode(204);
        assertEquals(1, total(host));
    }

    private static int totalForTopic(String slug) {
        return Integer.parseInt(anonymous().queryParam("topic", slug).get("/api/v1/events")
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    @Test
    void topicFiltersFollowSlugChanges() {
        long host = createParticipant(unique("Host"), "JP");
        long guest = createParticipant(unique("Guest"), "KR");
        String slug = unique("before");
        long topicId = createTopic(slug);
        createEvent(event("Tagged", "MEETING", "2016-03-01", List.of(host, guest), Map.of("topics", List.of(slug))));
        String renamed = unique("after");
        assertEquals(0, totalForTopic(renamed), "no topic has this slug yet");
        assertEquals(1, totalForTopic(slug));
        editor().body(Map.of("slug", renamed, "name", "Renamed")).put("/api/v1/topics/" + topicId)
                .then().statusCode(200);
        assertEquals(1, totalForTopic(renamed), "the new slug finds the event at once");
        assertEquals(0, totalForTopic(slug), "the old slug finds nothing at once");
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
        long first = statementsToList(host, 2);
        long forThree = statementsToList(host, 3);
        long forTwenty = statementsToList(host, 20);
        long twentyAgain = statementsToList(host, 20);
        System.out.printf("listing events: %d SQL statements for a first page of 2 (with the count), %d for a page of"
                + " 3, %d for a page of 20, %d for the same page of 20 again%n", first, forThree, forTwenty, twentyAgain);
        assertEquals(forThree, forTwenty, "the number of statements does not grow with the page");
        assertEquals(first - 1, forTwenty, "the total is counted once for a filter, not for every page");
        assertEquals(forTwenty - 1, twentyAgain, "a page's ids are looked up once until the data changes");
        assertTrue(forTwenty <= 3, "generation, ids of the page, stored documents: " + forTwenty);
        createTopic(unique("unrelated"));
        assertEquals(first, statementsToList(host, 20), "any write makes the next list count again");

        // events without stored documents are rendered from their tables: still no query per event
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from event_doc where event_id in (select event_id from event_participant where participant_id = ?1)")
                .setParameter(1, host).executeUpdate());
        statementsToList(host, 2); // its ids are cached for this generation from now, like those of the page of 20
        long renderedTwo = statementsToList(host, 2);
        long renderedTwenty = statementsToList(host, 20);
        assertEquals(renderedTwo, renderedTwenty, "rendering does not query per event");
        assertTrue(renderedTwenty <= 8,
                "generation, page, documents, participants, people, countries, topics, sources: " + renderedTwenty);
    }

    /**
     * The SQL statements of reading the event with its full document (rendered first), after checking what the
     * read shows; then those of putting the read together from the event's and statements' own documents.
     */
    private long[] statementsToRead(long eventId, int statementCount) throws Exception {
        backfill.awaitQueued(); // no background rendering during the count
        backfill.render(Documents.Kind.EVENT_FULL, List.of(eventId));
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("statements.size()", org.hamcrest.Matchers.equalTo(statementCount))
                .body("statements[0].topics.size()", org.hamcrest.Matchers.equalTo(1))
                .body("participants[1].name", org.hamcrest.Matchers.startsWith("Guest"))
                .body("subjectCountries", org.hamcrest.Matchers.contains("KP"))
                .body("sources.size()", org.hamcrest.Matchers.equalTo(1));
        long read = statistics.getPrepareStatementCount();
        statistics.clear();
        String assembled = new String(QuarkusTransaction.requiringNew().call(() -> events.assemble(eventId)).json(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(statementCount, assembled.split("\"speakerId\"", -1).length - 1, assembled);
        return new long[] {read, statistics.getPrepareStatementCount()};
    }

    @Test
    void readingAnEventCostsOneStatementWhateverItHolds() throws Exception {
        long host = createParticipant(unique("Host"), "JP");
        long guest = createParticipant(unique("Guest"), "KR");
        String slug = unique("n2");
        createTopic(slug);
        long eventId = createEvent(event("Read", "MEETING", "2017-01-01", List.of(host, guest), Map.of(
                "topics", List.of(slug), "subjectCountries", List.of("KP"),
                "sources", List.of(Map.of("url", "https://example.org/read", "publisher", "P")))));
        for (int i = 0; i < 2; i++) {
            createStatement(eventId, i == 0 ? host : guest, "Said " + i, Map.of("topics", List.of(slug)));
        }
        long[] forTwo = statementsToRead(eventId, 2);
        for (int i = 2; i < 8; i++) {
            createStatement(eventId, i % 2 == 0 ? host : guest, "Said " + i, Map.of("topics", List.of(slug)));
        }
        long[] forEight = statementsToRead(eventId, 8);
        System.out.printf("reading an event: %d SQL statements with 2 statements, %d with 8 (put together: %d, %d)%n",
                forTwo[0], forEight[0], forTwo[1], forEight[1]);
        assertEquals(List.of(1L, 1L), List.of(forTwo[0], forEight[0]), "its full document: one row");
        assertEquals(forTwo[1], forEight[1], "put together, the number of SQL statements does not grow either");
        assertEquals(1, forEight[1], "the event's document with its statements' documents: one query");
    }
}
