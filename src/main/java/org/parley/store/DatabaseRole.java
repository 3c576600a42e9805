package org.parley.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which database this instance runs on (the build's {@code quarkus.datasource.db-kind}), and whether it takes
 * writes. An instance may serve reads from a PostgreSQL streaming replica (docs/deployment.md): there the start-up
 * work that writes (the seed, the document backfill) is the primary's instances' to do, and is skipped.
 */
@ApplicationScoped
public class DatabaseRole {

    private final EntityManager entityManager;
    private final boolean postgres;

    public DatabaseRole(EntityManager entityManager,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.postgres = "postgresql".equals(dbKind);
    }

    /** True on PostgreSQL, false on H2 (file or in memory). */
    public boolean postgres() {
        return postgres;
    }

    /**
     * Runs writes of many rows with PostgreSQL planning once the query that checks a foreign key, instead of once for
     * each row written, then plans as before. Parley's connections plan each execution of a prepared query with its
     * values, for searches (see application.properties); the checks of the foreign keys are such queries too, and
     * planning them took half of the server's time in a first import (19.8 s of CPU instead of 10.5 for 100,000
     * statements). Queries outside keep their plans: an import that only compared its records with the stored ones
     * took 2 s longer with generic plans. On H2, only runs the writes.
     */
    public <T> T writingMany(Supplier<T> writes) {
        if (!postgres) {
            return writes.get();
        }
        Object before = entityManager.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult();
        planCacheMode("auto");
        T done = writes.get(); // if they fail, the transaction is rolled back, and the setting with it
        planCacheMode(before.toString());
        return done;
    }

    /** Sets PostgreSQL's plan_cache_mode until the end of the current transaction. */
    private void planCacheMode(String mode) {
        entityManager.createNativeQuery("select set_config('plan_cache_mode', ?1, true)").setParameter(1, mode)
                .getSingleResult();
    }

    /** True on a PostgreSQL server in recovery, that is a standby replaying its primary's changes. */
    public boolean replica() {
        return postgres && QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select pg_is_in_recovery()").getSingleResult());
    }
}
