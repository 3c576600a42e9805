package org.parley.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    /** True on a PostgreSQL server in recovery, that is a standby replaying its primary's changes. */
    public boolean replica() {
        return postgres && QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select pg_is_in_recovery()").getSingleResult());
    }
}
