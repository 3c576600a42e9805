package org.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes of many rows run with PostgreSQL's generic plans, and the queries after them with the plans of every other
 * query of Parley's connections again; on H2 the writes only run.
 */
@QuarkusTest
class DatabaseRoleTest {

    @Inject
    DatabaseRole database;

    @Inject
    EntityManager entityManager;

    private String planCacheMode() {
        return entityManager.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult()
                .toString();
    }

    @Test
    void writesOfManyRowsArePlannedOnceAndWhatFollowsAsBefore() {
        List<String> seen = QuarkusTransaction.requiringNew().call(() -> {
            if (!database.postgres()) {
                return List.of("h2", database.writingMany(() -> "written"), "h2");
            }
            String before = planCacheMode();
            String during = database.writingMany(this::planCacheMode);
            return List.of(before, during, planCacheMode());
        });
        if (database.postgres()) {
            assertEquals(List.of("force_custom_plan", "auto", "force_custom_plan"), seen);
            // and the next transaction on the same pool plans as the connections do
            assertEquals("force_custom_plan", QuarkusTransaction.requiringNew().call(this::planCacheMode));
        } else {
            assertEquals(List.of("h2", "written", "h2"), seen);
        }
    }

    @Test
    void writesThatFailLeaveNothingBehind() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> database.writingMany(() -> {
                    throw new IllegalStateException("a failed write");
                })));
        assertEquals("a failed write", thrown.getMessage());
        if (database.postgres()) {
            assertEquals("force_custom_plan", QuarkusTransaction.requiringNew().call(this::planCacheMode));
        }
    }

    /**
     * H2 takes the next values of its identities from memory 10,000 at a time (migration db/h2/V23_2): it writes the
     * new limit to its file each time the cache runs out. PostgreSQL keeps one value at a time: its caches are per
     * connection and would hand out ids out of order.
     */
    @Test
    void identitiesAreCachedOnH2Only() {
        @SuppressWarnings("unchecked")
        List<Object[]> caches = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                database.postgres()
                        ? "select cast(sequencename as varchar), cache_size from pg_sequences"
                                + " where schemaname = current_schema() order by 1"
                        : "select lower(table_name), identity_cache from information_schema.columns"
                                + " where table_schema = current_schema() and is_identity = 'YES' order by 1")
                .getResultList());
        assertEquals(8, caches.size(), "the identities of participant, topic, event, event_participant, statement,"
                + " revinfo, account and word");
        for (Object[] cache : caches) {
            assertEquals(database.postgres() ? 1L : 10000L, ((Number) cache[1]).longValue(), cache[0].toString());
        }
    }
}
