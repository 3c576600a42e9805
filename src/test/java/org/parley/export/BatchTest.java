package org.parley.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.createParticipant;
import static org.parley.Api.unique;

import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Paging;
import org.parley.participant.ParticipantRepository;

/** Exports read in keyset batches: every row once, in order, whatever the batch size. */
@QuarkusTest
class BatchTest {

    @Inject
    ParticipantRepository participants;

    @Test
    void batchesCoverEveryRowOnce() {
        String marker = unique("Batch");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createParticipant(marker + " " + i, "BE"));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        Paging.forEachBatch(participants, "Participant", () -> participants.filter("BE", null, marker),
                Sort.by("name").and("id"), 3, batch -> {
                    sizes.add(batch.size());
                    batch.forEach(p -> seen.add(p.id));
                });
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(created, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }
}
