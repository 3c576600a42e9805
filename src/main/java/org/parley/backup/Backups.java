package org.parley.backup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.parley.store.Archives;
import org.parley.store.DatabaseFile;
import org.parley.store.Periodic;

/**
 * Online backups of the embedded H2 database while Parley serves: H2's {@code BACKUP TO} writes the database file
 * into a zip archive, consistent as of a moment (H2 copies its log with it). Each backup is opened before it counts
 * (a count of the records it holds, through H2's read-only zip file system); only then does it get its final name,
 * and the oldest beyond the retention count are deleted. Taken on the schedule {@code parley.backup.every}, and by
 * {@link #take} on demand. Nothing here applies to PostgreSQL, whose WAL archiving and base backups are its own
 * tools' (docs/operations.md).
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class);

    private final DataSource dataSource;
    private final BackupConfig config;
    private final Scheduler scheduler;
    private final Optional<Path> database;
    private final String user;
    private final String password;
    private final Counter succeeded;
    private final Counter failed;
    private final Timer took;
    private volatile Backup last;
    private volatile Instant lastFailedAt;
    private volatile String lastFailure;

    public Backups(DataSource dataSource, BackupConfig config, Scheduler scheduler, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.config = config;
        this.scheduler = scheduler;
        this.database = DatabaseFile.of(url);
        this.user = user.orElse("");
        this.password = password.orElse("");
        this.succeeded = Counter.builder("parley.backups").tag("outcome", "success")
                .description("H2 backups taken and verified").register(registry);
        this.failed = Counter.builder("parley.backups").tag("outcome", "failure")
                .description("H2 backups that failed or did not open").register(registry);
        this.took = Timer.builder("parley.backup.duration").description("Time to take and verify an H2 backup")
                .register(registry);
        Gauge.builder("parley.backup.last.success", this, b -> b.last == null ? 0 : b.last.takenAt().getEpochSecond())
                .description("When the last verified H2 backup was taken, in seconds since the epoch (0: none yet)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("parley.backup.last.size", this, b -> b.last == null ? 0 : b.last.bytes())
                .description("The size of the last verified H2 backup").baseUnit("bytes").register(registry);
    }

    /** Whether this instance's database is an H2 file, which it backs up. */
    public boolean applies() {
        return database.isPresent();
    }

    /** The folder of the backups: as configured, else {@code backups} beside the database file. */
    public Path directory() {
        return config.directory().orElseGet(() -> database.map(file -> file.resolveSibling("backups"))
                .orElse(Path.of("backups"))).toAbsolutePath().normalize();
    }

    /** Schedules the backups of an H2 file database, the first one period after the start. */
    void onStart(@Observes StartupEvent start) {
        // a failure is counted, and shown by the health check
        if (applies() && Periodic.schedule(scheduler, "h2-backup", config.every(), this::take, LOG)) {
            LOG.infof("H2 backups every %s into %s, the last %d kept", config.every(), directory(), config.keep());
        }
    }

    /**
     * Takes a backup now, verifies it and applies the retention count; returns it. Fails (and counts a failure, which
     * the health check "backups" then reports) when the database cannot write it or the archive does not open.
     */
    public synchronized Backup take() {
        if (!applies()) {
            throw new IllegalStateException("this instance's database is not an H2 file: nothing to back up");
        }
        long started = System.nanoTime();
        Instant at = Instant.now();
        Archives archives = new Archives(directory());
        String name = archives.name(at);
        Path partial = archives.beside(name, ".partial");
        Path file = archives.file(name);
        try {
            Files.createDirectories(archives.directory());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            long written = System.nanoTime();
            Backup backup = verify(partial, at);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            backup = new Backup(file, at, backup.bytes(), backup.lastRevision(), backup.events(), backup.statements());
            prune();
            last = backup;
            lastFailure = null;
            succeeded.increment();
            took.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            LOG.infof("Backup %s: %d bytes, revision %d, %d events, %d statements; written in %.1f s, verified in"
                    + " %.1f s", file.getFileName(), backup.bytes(), backup.lastRevision(), backup.events(),
                    backup.statements(), (written - started) / 1e9, (System.nanoTime() - written) / 1e9);
            return backup;
        } catch (SQLException | IOException | RuntimeException e) {
            lastFailedAt = at;
            lastFailure = e.getMessage();
            failed.increment();
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a partial file is never taken for a backup: only .zip names are listed and restored
            }
            throw new IllegalStateException("backup " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the archive as a read-only database and counts what it holds. The database is unpacked beside the
     * archive first: H2's zip file system reads a deflated entry from its start at every backward seek, and took 81 s
     * to count a 50 MB database that opens in a second once unpacked.
     */
    Backup verify(Path archive, Instant at) throws SQLException, IOException {
        String name = database.orElseThrow().getFileName().toString();
        Path unpacked = Files.createTempDirectory(archive.getParent(), "verify-");
        try {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                ZipEntry file = zip.getEntry(name + ".mv.db");
                if (file == null) {
                    throw new IOException("the archive holds no " + name + ".mv.db");
                }
                try (InputStream in = zip.getInputStream(file)) {
                    Files.copy(in, unpacked.resolve(name + ".mv.db"));
                }
            }
            try (Connection opened = DriverManager.getConnection("jdbc:h2:file:" + unpacked.resolve(name)
                    + ";ACCESS_MODE_DATA=r", user, password); Statement statement = opened.createStatement()) {
                return new Backup(archive, at, Files.size(archive),
                        count(statement, "select coalesce(max(rev), 0) from revinfo"),
                        count(statement, "select count(*) from event"),
                        count(statement, "select count(*) from statement"));
            }
        } finally {
            try (Stream<Path> files = Files.list(unpacked)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(unpacked);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The verified backups in the folder, newest first. */
    public List<Path> list() {
        return new Archives(directory()).list();
    }

    /** The backups kept, newest first, with when each was taken (from its name) and its size. */
    public BackupList kept() {
        List<BackupResponse> items = new ArrayList<>();
        for (Path file : list()) {
            try {
                items.add(new BackupResponse(file.getFileName().toString(), Archives.madeAt(Archives.nameOf(file)),
                        Files.size(file)));
            } catch (IOException e) {
                // deleted meanwhile
            }
        }
        return new BackupList(applies(), config.every(), config.keep(), items);
    }

    private void prune() throws IOException {
        List<Path> kept = list();
        for (Path old : kept.subList(Math.min(kept.size(), Math.max(1, config.keep())), kept.size())) {
            Files.deleteIfExists(old);
            LOG.infof("Backup %s deleted: beyond the %d kept", old.getFileName(), config.keep());
        }
    }

    /**
     * The wellness check "backups": down when the last backup failed (until one succeeds), with the error; up
     * otherwise, with the last verified backup. Not a readiness check: a failed backup does not stop Parley serving.
     */
    @Produces
    @Wellness
    @ApplicationScoped
    HealthCheck health() {
        return () -> {
            var response = HealthCheckResponse.named("backups").status(lastFailure == null)
                    .withData("applies", applies());
            if (applies()) {
                response.withData("directory", directory().toString()).withData("every", config.every())
                        .withData("kept", list().size());
            }
            Backup backup = last;
            if (backup != null) {
                response.withData("last", backup.file().getFileName().toString())
                        .withData("lastTakenAt", backup.takenAt().toString()).withData("lastBytes", backup.bytes());
            }
            if (lastFailure != null) {
                response.withData("failedAt", lastFailedAt.toString()).withData("error", lastFailure);
            }
            return response.build();
        };
    }
}
