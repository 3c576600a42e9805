package org.parley.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.parley.statement.Statement;
import org.parley.statement.StatementResponse;
import org.parley.statement.StatementRow;
import org.parley.store.DatabaseRole;
import org.parley.store.Documents.Kind;
import org.parley.store.Documents;
import org.parley.store.Record;

/**
 * Renders the stored documents that are missing, in the background, one batch per transaction: at start-up every
 * record without one (after a bulk load), and after a rename the documents it dropped. Reads never wait for it:
 * a record without a document is rendered on read meanwhile.
 */
@ApplicationScoped
public class DocumentBackfill {

    private static final Logger LOG = Logger.getLogger(DocumentBackfill.class);
    static final int BATCH = 500;

    private final EntityManager entityManager;
    private final Documents documents;
    private final EventService events;
    private final DatabaseRole database;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "document-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public DocumentBackfill(EntityManager entityManager, Documents documents, EventService events,
            DatabaseRole database) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.events = events;
        this.database = database;
    }

    void onStart(@Observes StartupEvent start) {
        worker.execute(() -> {
            if (database.replica()) {
                // the primary's instances render; what a replica lacks meanwhile is put together on read
                LOG.info("The database is a read replica: documents are rendered by the instances of its primary");
                return;
            }
            renderAllMissing();
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    void onDropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) Documents.Dropped dropped) {
        worker.execute(() -> render(dropped.kind(), dropped.ids()));
    }

    /** Waits until the work queued before this call is done: for tests that count the queries of a request. */
    public void awaitQueued() throws InterruptedException, java.util.concurrent.ExecutionException {
        worker.submit(() -> { }).get();
    }

    /** Renders the documents of every record that has none. */
    public void renderAllMissing() {
        long started = System.nanoTime();
        long events = renderAllMissing(Kind.EVENT);
        long statements = renderAllMissing(Kind.STATEMENT);
        long full = renderAllMissing(Kind.EVENT_FULL); // last: put together from the two above
        LOG.infof("document backfill done: %,d event, %,d statement and %,d full event documents rendered in %.1f s",
                events, statements, full, (System.nanoTime() - started) / 1e9);
    }

    /** Walks every record of the kind in id order and renders those without a document; the number rendered. */
    private long renderAllMissing(Kind kind) {
        if (!QuarkusTransaction.requiringNew().call(() -> documents.anyMissing(kind))) {
            return 0;
        }
        long after = 0;
        long rendered = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> documents.missing(kind, from, BATCH));
            if (ids.isEmpty()) {
                break;
            }
            rendered += render(kind, ids);
            after = ids.get(ids.size() - 1);
        }
        return rendered;
    }

    /** Renders the documents of these records that are still missing; the number rendered. */
    public int render(Kind kind, List<Long> ids) {
        int rendered = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                rendered += QuarkusTransaction.requiringNew()
                        .call(() -> database.writingMany(() -> renderBatch(kind, batch)));
            } catch (RuntimeException e) {
                // left for the next start-up; reads render these records meanwhile
                LOG.warnf(e, "could not render %d %s documents", batch.size(), kind.name().toLowerCase());
            }
        }
        return rendered;
    }

    /**
     * One batch, in the caller's transaction: locks the records (so that no write changes what they show before
     * this commits), renders those still without a document and stores them.
     */
    private int renderBatch(Kind kind, List<Long> ids) {
        List<Long> locked = documents.lock(kind, ids);
        // before the records are loaded: a native query in a transaction flushes the session, and a flush empties
        // Hibernate's queue of collections to load in batches
        Set<Long> present = documents.find(kind, ids).keySet();
        if (kind == Kind.EVENT_FULL) {
            Map<Long, Documents.Document> full = new HashMap<>();
            locked.stream().filter(id -> !present.contains(id))
                    .forEach(id -> full.put(id, new Documents.Document(events.assemble(id).json(), null)));
            documents.storeNew(kind, full);
            entityManager.clear();
            return full.size();
        }
        Class<? extends Record> type = kind == Kind.EVENT ? Event.class : Statement.class;
        List<? extends Record> records = entityManager
                .createQuery("from " + type.getSimpleName() + " r where r.id in :ids", type)
                .setParameter("ids", ids).getResultList();
        Map<Long, Documents.Document> rendered = new HashMap<>();
        for (Record record : records) {
            if (!present.contains(record.id)) {
                rendered.put(record.id, record instanceof Event event
                        ? documents.document(kind, EventResponse.from(event), null)
                        : documents.document(kind, StatementResponse.from((Statement) record),
                                StatementRow.from((Statement) record)));
            }
        }
        documents.storeNew(kind, rendered);
        entityManager.clear();
        return rendered.size();
    }
}
