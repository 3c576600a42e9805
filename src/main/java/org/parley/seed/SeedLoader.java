package org.parley.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.parley.bulk.ImportDocument;
import org.parley.bulk.ImportResult;
import org.parley.bulk.ImportService;
import org.parley.store.DatabaseRole;

/**
 * Imports the seed data files at start through the bulk import of the API ({@code POST /api/v1/import}), each file
 * once: a restart, or deleting what a file created, does not import it again.
 */
@ApplicationScoped
public class SeedLoader {

    static final List<String> FILES = List.of("seed/2022-01-10-wang-yi-lavrov-phone-call.json");

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final ObjectMapper mapper;
    private final EntityManager entityManager;
    private final ImportService imports;
    private final DatabaseRole database;

    public SeedLoader(ObjectMapper mapper, EntityManager entityManager, ImportService imports, DatabaseRole database) {
        this.mapper = mapper;
        this.entityManager = entityManager;
        this.imports = imports;
        this.database = database;
    }

    /**
     * Each file in a transaction of its own (the import's), then its marker in another: should the marker be lost,
     * the next start imports the file again, which changes nothing (imports are idempotent).
     */
    void onStart(@Observes StartupEvent start) {
        if (database.replica()) {
            LOG.info("The database is a read replica: the seed is imported by the instances of its primary");
            return;
        }
        for (String file : FILES) {
            if (QuarkusTransaction.requiringNew().call(() -> entityManager.find(DataImport.class, file)) != null) {
                continue;
            }
            ImportResult result = imports.run(read(file), false);
            QuarkusTransaction.requiringNew().run(() -> {
                DataImport marker = new DataImport();
                marker.name = file;
                marker.importedAt = Instant.now();
                entityManager.persist(marker);
            });
            LOG.infof("Imported %s: %d participants, %d topics, %d events, %d statements created", file,
                    result.participants().created(), result.topics().created(), result.events().created(),
                    result.statements().created());
        }
    }

    private ImportDocument read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Seed file " + file + " is missing from the application");
            }
            return mapper.readValue(in, ImportDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seed file " + file + " cannot be read", e);
        }
    }
}
