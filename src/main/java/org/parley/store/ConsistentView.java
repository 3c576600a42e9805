package org.parley.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * One transaction's view of the whole database as of its first read, whatever commits meanwhile: PostgreSQL's
 * {@code REPEATABLE READ} (a snapshot taken at the transaction's first statement), H2's {@code SNAPSHOT} isolation
 * (every table as of the transaction's start; H2's {@code REPEATABLE READ} takes each table's view at its first
 * read, which would let a statement written after the events were read appear without its event). Neither blocks
 * writers. Written here because JTA's {@code @Transactional} has no isolation level and Quarkus sets none per
 * transaction.
 */
@ApplicationScoped
public class ConsistentView {

    /** H2's JDBC code of its {@code SNAPSHOT} isolation level ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}). */
    private static final int H2_SNAPSHOT = 6;

    private final EntityManager entityManager;

    public ConsistentView(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How the transaction's connection returns to its usual isolation: called at the end of the transaction. */
    @FunctionalInterface
    public interface Ended extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Makes the current transaction, which must not have read anything yet, a read-only consistent view; close what
     * it returns before the transaction ends (on H2 that commits the reads, which changed nothing).
     */
    public Ended begin() {
        Session session = entityManager.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                try (Statement statement = connection.createStatement()) {
                    // this transaction only: the pooled connection keeps its default for the next
                    statement.execute("set transaction isolation level repeatable read, read only");
                }
                return () -> { };
            }
            int usual = connection.getTransactionIsolation();
            connection.setTransactionIsolation(H2_SNAPSHOT);
            return () -> session.doWork(same -> same.setTransactionIsolation(usual));
        });
    }
}
