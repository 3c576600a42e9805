package org.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The list cache answers the same question again from memory, also when the filter's parameters are arrays (the terms
 * of a search on PostgreSQL), which every request builds anew; and a different question is computed.
 */
@QuarkusTest
class ListCacheTest {

    @Inject
    ListCache cache;

    private static Filter search(String... terms) {
        return new Filter().where("x.terms && :q0").param("q0", terms.clone()).param("from", "2020-01-01");
    }

    @Test
    void theSameSearchAgainIsAnsweredFromMemory() {
        AtomicInteger computed = new AtomicInteger();
        long generation = -System.nanoTime(); // a generation of this test's own: nothing else's pages are in it
        Page<Long> first = cache.page(generation, "Statement", search("en:cooper", "fr:cooper"), "id",
                () -> { computed.incrementAndGet(); return new Page<>(List.of(7L, 5L), 2, null); });
        Page<Long> again = cache.page(generation, "Statement", search("en:cooper", "fr:cooper"), "id",
                () -> { computed.incrementAndGet(); return new Page<>(List.of(1L), 1, null); });
        assertEquals(1, computed.get(), "the second request is answered from the first one's page");
        assertEquals(first, again);

        cache.page(generation, "Statement", search("en:secur"), "id",
                () -> { computed.incrementAndGet(); return new Page<>(List.of(3L), 1, null); });
        assertEquals(2, computed.get(), "other terms are another question");
    }
}
