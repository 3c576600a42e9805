package org.parley.store;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyset paging: a walk with cursors sees every record exactly once, even while records are added. */
@QuarkusTest
public class CursorTest {

    /** Walks a list with cursors of the given size, calling {@code between} after each page; returns the ids seen. */
    private static List<Integer> walk(String path, Map<String, Object> filters, int size, Runnable between) {
        List<Integer> seen = new ArrayList<>();
        String cursor = "*";
        for (int pages = 0; cursor != null && pages < 100; pages++) {
            JsonPath page = anonymous().queryParams(filters).queryParam("size", size).queryParam("cursor", cursor)
                    .get(path).then().statusCode(200)
                    .header("Link", containsString("rel=\"first\""))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            cursor = page.getString("nextCursor");
            between.run();
        }
        return seen;
    }

    @Test
    public void aWalkOverEventsSeesEachExactlyOnceDespiteInserts() {
        long p = createParticipant(unique("Walker"), "IS");
        List<Integer> original = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // several events share a date, so the id decides their order
            original.add((int) createEvent(event("Walk " + i, "MEETING", "2015-0" + (1 + i % 4) + "-01", List.of(p), Map.of())));
        }
        int[] added = {0};
        List<Integer> seen = walk("/api/v1/events", Map.of("participant", p), 3, () -> {
            createEvent(event("Inserted " + added[0]++, "MEETING", "2015-0" + (1 + added[0] % 5) + "-01", List.of(p), Map.of()));
        });
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice: " + seen);
        assertTrue(seen.containsAll(original), "every original event: " + seen);
    }

    @Test
    public void cursorsFollowTheSortAndEndWithoutNext() {
        long p = createParticipant(unique("Sorter"), "IE");
        List<Integer> ids = new ArrayList<>();
        for (String date : List.of("2014-03-01", "2014-01-01", "2014-02-01", "2014-02-01")) {
            ids.add((int) createEvent(event("Sorted " + date, "VISIT", date, List.of(p), Map.of())));
        }
        List<Integer> ascending = walk("/api/v1/events", Map.of("participant", p, "sort", "date"), 2, () -> { });
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(3), ids.get(0)), ascending);
        List<Integer> byOffset = anonymous().queryParam("participant", p).queryParam("size", 10)
                .get("/api/v1/events").jsonPath().getList("items.id", Integer.class);
        assertEquals(byOffset, walk("/api/v1/events", Map.of("participant", p), 3, () -> { }),
                "the cursor walk gives the same order as the default sort");
        anonymous().queryParam("participant", p).queryParam("size", 10).queryParam("cursor", "*").get("/api/v1/events")
                .then().body("total", equalTo(4)).body("$", not(org.hamcrest.Matchers.hasKey("nextCursor")))
                .header("Link", not(containsString("rel=\"next\"")));
    }

    @Test
    public void statementsAndParticipantsWalkToo() {
        long p = createParticipant(unique("Speaker"), "LU");
        long e1 = createEvent(event("One", "MEETING", "2013-01-01", List.of(p), Map.of()));
        long e2 = createEvent(event("Two", "MEETING", "2013-01-02", List.of(p), Map.of()));
        Set<Integer> expected = new HashSet<>();
        for (long e : List.of(e1, e2)) {
            for (int i = 0; i < 3; i++) {
                expected.add((int) createStatement(e, p, "Phrase " + i, Map.of()));
            }
        }
        List<Integer> seen = walk("/api/v1/statements", Map.of("speaker", p), 4, () -> { });
        assertEquals(expected, new HashSet<>(seen));
        assertEquals(6, seen.size());
        List<Integer> people = walk("/api/v1/participants", Map.of("country", "LU"), 1, () -> { });
        assertTrue(people.contains((int) p));
        assertEquals(people.size(), new HashSet<>(people).size());
    }

    @Test
    public void badCursorsAreRejected() {
        anonymous().queryParam("cursor", "not-a-cursor").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        String cursor = anonymous().queryParam("cursor", "*").queryParam("size", 1).get("/api/v1/topics")
                .jsonPath().getString("nextCursor");
        anonymous().queryParam("cursor", cursor).queryParam("sort", "-slug").get("/api/v1/topics").then()
                .statusCode(400).body("violations[0].message", containsString("sort=slug"));
        anonymous().queryParam("cursor", "*").queryParam("page", 2).get("/api/v1/topics").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }
}
