package org.parley.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Writes the database refused because its storage is full: told apart from other failures ({@link #isStorageFull}),
 * counted on {@code /q/metrics} ({@code parley_storage_full_total}) and reported by the wellness check "storage",
 * down for a minute after each. Reads go on meanwhile; readiness does not depend on it. On an H2 file database the
 * check also shows the space left on the database's file system.
 */
@ApplicationScoped
public class StorageFaults {

    /** How long the check stays down after a write was refused for want of space. */
    static final Duration RECENT = Duration.ofMinutes(1);

    private final Counter refused;
    private final Optional<Path> database;
    private final long minFree;
    private volatile Instant lastFull;
    private volatile String lastError;
    private volatile long usable = Long.MAX_VALUE;
    private volatile long measuredAt;

    public StorageFaults(MeterRegistry registry, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "parley.storage.min-free-space", defaultValue = "64M") MemorySize minFree) {
        this.refused = Counter.builder("parley.storage.full")
                .description("Writes refused because the database's storage was full").register(registry);
        this.database = DatabaseFile.of(url);
        this.minFree = minFree.asLongValue();
    }

    /**
     * Whether the file system of an H2 file database has less space left than {@code parley.storage.min-free-space}
     * (measured at most ten times a second): writes are then refused before H2 fails on them. H2 closes its database when
     * a write fails for want of space, and in 2.4.240 a pooled connection reset after that can spin for good in
     * {@code MVStore.registerVersionUsage}: keeping H2 off a full disk is what keeps reads and the other requests
     * going. PostgreSQL's disk is the server's, out of sight: its {@code disk_full} is mapped instead.
     */
    public boolean nearlyFull() {
        if (database.isEmpty() || minFree <= 0) {
            return false;
        }
        long now = System.nanoTime();
        if (now - measuredAt > 100_000_000L) {
            try {
                usable = Files.getFileStore(database.get().getParent()).getUsableSpace();
            } catch (IOException e) {
                usable = Long.MAX_VALUE; // unknown: the database's own failure, if any, tells
            }
            measuredAt = now;
        }
        return usable < minFree;
    }

    /** The space writes keep free on an H2 file database's file system, in bytes (0: none kept). */
    public long minFree() {
        return minFree;
    }

    /**
     * Whether a failure, or anything it was caused by or carries as suppressed (a failed commit keeps the driver's
     * error so), is a full disk: PostgreSQL's {@code disk_full} (SQLSTATE 53100), or an I/O error of the operating
     * system's "no space left on device" or "disk quota exceeded", which H2 passes on as the cause of its own.
     */
    public static boolean isStorageFull(Throwable failure) {
        return isStorageFull(failure, 0);
    }

    private static boolean isStorageFull(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
            return true;
        }
        if (failure instanceof IOException && failure.getMessage() != null
                && (failure.getMessage().contains("No space left on device")
                        || failure.getMessage().contains("Disk quota exceeded"))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isStorageFull(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && isStorageFull(failure.getCause(), depth + 1);
    }

    /** Notes a write refused for want of space. */
    public void refused(Throwable failure) {
        lastFull = Instant.now();
        lastError = failure.getMessage();
        refused.increment();
    }

    /** The wellness check "storage": down within a minute of a write refused for want of space. */
    @Produces
    @Wellness
    @ApplicationScoped
    HealthCheck health() {
        return () -> {
            Instant full = lastFull;
            boolean recent = full != null && full.isAfter(Instant.now().minus(RECENT));
            var response = HealthCheckResponse.named("storage").status(!recent);
            if (full != null) {
                response.withData("lastFullAt", full.toString()).withData("refusedWrites", (long) refused.count());
                if (recent) {
                    response.withData("error", String.valueOf(lastError));
                }
            }
            database.ifPresent(file -> {
                try {
                    Path folder = file.getParent();
                    response.withData("usableBytes", Files.getFileStore(folder).getUsableSpace());
                } catch (IOException | RuntimeException e) {
                    response.withData("usableBytes", "unknown: " + e.getMessage());
                }
            });
            return response.build();
        };
    }
}
