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
}
