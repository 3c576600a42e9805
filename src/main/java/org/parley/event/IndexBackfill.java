package org.parley.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.parley.search.SearchIndex;
import org.parley.statement.StatementService;
import org.parley.store.DataGeneration;
import org.parley.store.DatabaseRole;

/**
 * Indexes for search, at start-up and in the background, every statement and event that the index lacks: all of
 * them after a change of the index's analysis (migration V18 emptied it) and those a bulk load wrote without it.
 * A statement lacks its entry when its row has none (see {@link SearchIndex#unindexedStatement}), an event when it
 * has no stems row. Parley is not ready (readiness check "search index") until
 * this is done, so that no search answers from half an index; liveness is unaffected.
 */
@ApplicationScoped
public class IndexBackfill {

    private static final Logger LOG = Logger.getLogger(IndexBackfill.class);
    static final int BATCH = 500;

    private final EntityManager entityManager;
    private final StatementService statements;
    private final EventWords eventWords;
    private final SearchIndex searchIndex;
    private final DatabaseRole database;
    private final DataGeneration generation;
    private volatile boolean done;
    private volatile long indexed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "index-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public IndexBackfill(EntityManager entityManager, StatementService statements, EventWords eventWords,
            SearchIndex searchIndex, DatabaseRole database, DataGeneration generation) {
        this.searchIndex = searchIndex;
        this.generation = generation;
        this.entityManager = entityManager;
        this.statements = statements;
        this.eventWords = eventWords;
        this.database = database;
    }

    void onStart(@Observes StartupEvent start) {
        worker.execute(() -> {
            try {
                if (database.replica()) {
                    LOG.info("The database is a read replica: its primary's instances keep the search index");
                } else {
                    indexAllMissing();
                }
            } finally {
                done = true;
            }
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    /** The readiness check "search index": up once the backfill is done, with the number of records it indexed. */
    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck ready() {
        return () -> HealthCheckResponse.named("search index").status(done).withData("indexed", indexed).build();
    }

    /** Indexes every statement, then every event, without an entry; the number of records indexed. */
    public long indexAllMissing() {
        long started = System.nanoTime();
        long statementCount = indexAllMissing("select s.id from Statement s where s.id > ?1 and "
                + searchIndex.unindexedStatement("s") + " order by s.id", statements::index);
        long eventCount = indexAllMissing("select e.id from Event e where e.id > ?1 and not exists"
                + " (select 1 from EventStems x where x.eventId = e.id) order by e.id", eventWords::indexIds);
        if (statementCount + eventCount > 0) {
            LOG.infof("search index backfill done: %,d statements and %,d events indexed in %.1f s", statementCount,
                    eventCount, (System.nanoTime() - started) / 1e9);
        }
        return statementCount + eventCount;
    }

    private long indexAllMissing(String missing, java.util.function.Consumer<List<Long>> index) {
        long after = 0;
        long count = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createQuery(missing, Long.class).setParameter(1, from).setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                break;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    index.accept(ids);
                    generation.advance(); // searches cached before this batch may now find more
                });
                count += ids.size();
                indexed += ids.size();
            } catch (RuntimeException e) {
                // a record another transaction indexed meanwhile: left for the next start-up, and found by search
                // as that transaction indexed it
                LOG.warnf(e, "could not index %d records from id %d", ids.size(), ids.get(0));
            }
            after = ids.get(ids.size() - 1);
        }
        return count;
    }
}
