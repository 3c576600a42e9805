package org.parley.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.participant.ParticipantRepository;
import org.parley.search.SearchQuery;
import org.parley.statement.StatementQuery;
import org.parley.statement.StatementRepository;
import org.parley.web.Paging;

/** Exports read in keyset batches: every row once, in order, whatever the batch size. */
@QuarkusTest
class BatchTest {

    @Inject
    ParticipantRepository participants;

    @Inject
    StatementRepository statements;

    @Test
    void batchesCoverEveryRowOnce() {
        String marker = unique("Batch");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createParticipant(marker + " " + i, "BE"));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        Paging.forEachBatch(participants, "Participant", participants.filter("BE", null, marker),
                Sort.by("name").and("id"), 3, batch -> {
                    sizes.add(batch.size());
                    batch.forEach(p -> seen.add(p.id));
                });
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(created, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void rowBatchesFollowAMixedOrderAcrossTiesOnce() {
        long speaker = createParticipant(unique("Rows"), "LU");
        // two events on one day and one earlier: batches of 2 break inside ties of date and of event
        List<Long> events = List.of(
                createEvent(event("A", "MEETING", "2019-04-04", List.of(speaker), Map.of())),
                createEvent(event("B", "MEETING", "2019-04-04", List.of(speaker), Map.of())),
                createEvent(event("C", "MEETING", "2018-01-01", List.of(speaker), Map.of())));
        for (long eventId : events) {
            for (int i = 0; i < 3; i++) {
                createStatement(eventId, speaker, "Statement " + i, Map.of());
            }
        }
        List<Long> expected = anonymous().queryParam("speaker", speaker).queryParam("size", 100)
                .get("/api/v1/statements").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(9, expected.size());

        Sort newestFirst = Sort.by("eventDate", Sort.Direction.Descending).and("event.id", Sort.Direction.Descending)
                .and("position").and("id", Sort.Direction.Descending);
        StatementQuery query = new StatementQuery(null, speaker, null, List.of(), null, null, null, SearchQuery.none());
        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        Paging.forEachRowBatch(statements.getEntityManager(), "Statement", "id", statements.filter(query),
                newestFirst, 2, batch -> {
                    sizes.add(batch.size());
                    batch.forEach(row -> seen.add((Long) row[0]));
                });
        assertEquals(List.of(2, 2, 2, 2, 1), sizes);
        assertEquals(expected, seen, "the order of the list, each statement once");
    }
}
