package org.parley.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The generation of the data: a counter in the database that every write transaction advances just before it
 * commits. What is derived from the data and expensive to compute (list totals and pages, see {@link ListCache}) is
 * cached per generation, so it stays exact, and stays exact across instances sharing the database.
 */
@ApplicationScoped
public class DataGeneration {

    private final EntityManager entityManager;

    public DataGeneration(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Marks the current transaction as a change to the data. Called last in each write, so the row lock it takes
     * is held only until the commit that follows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance() {
        entityManager.createNativeQuery("update data_generation set generation = generation + 1 where id = 1")
                .executeUpdate();
    }

    /** The generation of the data as committed now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long current() {
        return ((Number) entityManager.createNativeQuery("select generation from data_generation where id = 1")
                .getSingleResult()).longValue();
    }
}
