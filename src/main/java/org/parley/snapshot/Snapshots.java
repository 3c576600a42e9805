package org.parley.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.store.Archives;
import org.parley.store.DatabaseFile;
import org.parley.store.Periodic;
import org.parley.value.Sha256;

/**
 * The published snapshots: each a zip archive {@code parley-<UTC time>.zip} written by {@link SnapshotWriter} and
 * a description {@code parley-<UTC time>.json} beside it (the archive's size and SHA-256, and its manifest), in the
 * snapshots' folder. An archive is written under a temporary name, forced to disk, described, and only then given
 * its name, so that a listed snapshot is always whole; none is ever changed or deleted by Parley. Made by
 * {@link #take} on an editor's request, and on the schedule {@code parley.snapshot.every} when the data changed since
 * the newest one.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);
    static final String DESCRIPTION = ".json";
    static final String SCHEDULE = "schedule";

    private final SnapshotWriter writer;
    private final SnapshotConfig config;
    private final Scheduler scheduler;
    private final ObjectMapper json;
    private final Optional<Path> database;
    private final Counter succeeded;
    private final Counter failed;
    private final Timer took;
    private volatile Instant lastSuccess;

    public Snapshots(SnapshotWriter writer, SnapshotConfig config, Scheduler scheduler, ObjectMapper json,
            MeterRegistry registry, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.writer = writer;
        this.config = config;
        this.scheduler = scheduler;
        this.json = json;
        this.database = DatabaseFile.of(url);
        this.succeeded = Counter.builder("parley.snapshots").tag("outcome", "success")
                .description("Snapshots published").register(registry);
        this.failed = Counter.builder("parley.snapshots").tag("outcome", "failure")
                .description("Snapshots that failed").register(registry);
        this.took = Timer.builder("parley.snapshot.duration").description("Time to write and publish a snapshot")
                .register(registry);
        Gauge.builder("parley.snapshot.last.success", this,
                        s -> s.lastSuccess == null ? 0 : s.lastSuccess.getEpochSecond())
                .description("When the last snapshot was published, in seconds since the epoch (0: none since start)")
                .baseUnit("seconds").register(registry);
    }

    /** The snapshots' folder: as configured, else {@code snapshots} beside the H2 database file, else data/snapshots. */
    public Archives archives() {
        Path directory = config.directory().orElseGet(() -> database.map(file -> file.resolveSibling("snapshots"))
                .orElse(Path.of("data", "snapshots")));
        return new Archives(directory.toAbsolutePath().normalize());
    }

    /** Schedules snapshots, the first one period after the start. */
    void onStart(@Observes StartupEvent start) {
        // a failure is counted on /q/metrics
        if (Periodic.schedule(scheduler, "snapshot", config.every(), this::takeIfChanged, LOG)) {
            LOG.infof("Snapshots every %s (when the data changed) into %s", config.every(), archives().directory());
        }
    }

    /** A scheduled snapshot: none when the newest one already holds the last revision. */
    Optional<SnapshotResponse> takeIfChanged() {
        long revision = writer.revision();
        Optional<SnapshotResponse> newest = list().stream().findFirst();
        if (newest.isPresent() && newest.get().manifest().revision() == revision) {
            LOG.debugf("No snapshot: nothing changed since %s (revision %d)", newest.get().name(), revision);
            return Optional.empty();
        }
        return Optional.of(take(SCHEDULE, null));
    }

    /**
     * Writes a snapshot of the whole database as it stands, publishes it and returns it. Snapshots are made one at
     * a time: a second request waits for the first.
     */
    public synchronized SnapshotResponse take(String by, String reason) {
        long started = System.nanoTime();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Archives archives = archives();
        String name = archives.name(at);
        Path partial = archives.directory().resolve(name + Archives.ZIP + ".partial");
        Path described = archives.beside(name, DESCRIPTION + ".partial");
        try {
            Files.createDirectories(archives.directory());
            MessageDigest digest = Sha256.digest();
            SnapshotManifest manifest;
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW);
                    ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(
                            new BufferedOutputStream(file, 1 << 16), digest))) {
                manifest = writer.write(zip, new SnapshotWriter.Made(name, at, by, reason));
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            SnapshotResponse snapshot = new SnapshotResponse(name, SnapshotResource.PATH + "/" + name,
                    Files.size(partial), HexFormat.of().formatHex(digest.digest()), manifest);
            json.writeValue(described.toFile(), snapshot);
            Files.move(described, archives.beside(name, DESCRIPTION), StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, archives.file(name), StandardCopyOption.ATOMIC_MOVE);
            lastSuccess = at;
            succeeded.increment();
            took.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            LOG.infof("Snapshot %s by %s: %d bytes, revision %d, %d events, %d statements", name, by,
                    snapshot.bytes(), manifest.revision(), manifest.counts().events(), manifest.counts().statements());
            return snapshot;
        } catch (IOException | RuntimeException e) {
            failed.increment();
            deleteQuietly(partial);
            deleteQuietly(described);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("snapshot " + name + " failed: " + e.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a partial file is never listed: only an archive with its description is
        }
    }

    /** The snapshots published, newest first. */
    public List<SnapshotResponse> list() {
        return archives().list().stream().map(this::described).flatMap(Optional::stream).toList();
    }

    /** The snapshot of that name, if there is one. */
    public Optional<SnapshotResponse> find(String name) {
        return archives().existing(name).flatMap(this::described);
    }

    /** The archive of a snapshot. */
    public Path archive(SnapshotResponse snapshot) {
        return archives().file(snapshot.name());
    }

    /** The description of the archive, read from beside it; empty when it is not a whole snapshot. */
    private Optional<SnapshotResponse> described(Path archive) {
        Path description = archive.resolveSibling(Archives.nameOf(archive) + DESCRIPTION);
        try {
            return Optional.of(json.readValue(description.toFile(), SnapshotResponse.class));
        } catch (IOException e) {
            LOG.debugf("%s is not a published snapshot: %s", archive.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** How often snapshots are made. */
    public String every() {
        return config.every();
    }
}
