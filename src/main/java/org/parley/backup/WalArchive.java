package org.parley.backup;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.parley.store.DatabaseRole;

/**
 * How far PostgreSQL's WAL archive (docs/deployment.md: pgBackRest's {@code archive-push}) lags the server, read from
 * {@code pg_stat_archiver}: on {@code /q/metrics} the bytes of WAL written but not archived yet (what a point-in-time
 * recovery could not replay if the server's disk were lost now), when the last segment was archived, and the failed
 * attempts; a wellness check "wal-archive" is down while the last attempt failed. Nothing applies on H2, on a standby
 * or with {@code archive_mode} off (the gauges are then NaN). Read at most every {@value #FRESH_MILLIS} ms.
 */
@Startup // its gauges are registered when it is made: before the first scrape, not at the first health check
@ApplicationScoped
public class WalArchive {

    private static final Logger LOG = Logger.getLogger(WalArchive.class);
    static final long FRESH_MILLIS = 5_000;
    private static final String QUERY = "select current_setting('archive_mode') <> 'off' and not pg_is_in_recovery(),"
            + " last_archived_wal, last_archived_time, failed_count, last_failed_time,"
            + " case when pg_is_in_recovery() then 0 else pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') end,"
            + " (select setting::bigint from pg_settings where name = 'wal_segment_size') from pg_stat_archiver";

    /** What pg_stat_archiver said, and the WAL position then. */
    record State(boolean applies, Instant lastArchived, long failed, Instant lastFailed, double pendingBytes,
            String error) {

        static final State NONE = new State(false, null, 0, null, Double.NaN, null);

        boolean failing() {
            return error != null || lastFailed != null && (lastArchived == null || lastFailed.isAfter(lastArchived));
        }
    }

    private final DataSource dataSource;
    private final boolean postgres;
    private volatile State state = State.NONE;
    private volatile long readAt;

    public WalArchive(DataSource dataSource, MeterRegistry registry,
            DatabaseRole database) {
        this.dataSource = dataSource;
        this.postgres = database.postgres();
        if (postgres) {
            Gauge.builder("parley.wal.archive.pending", this, w -> w.state().pendingBytes()).baseUnit("bytes")
                    .description("PostgreSQL WAL written but not archived yet (NaN: no archiving here)")
                    .register(registry);
            Gauge.builder("parley.wal.archive.last.archived", this, w -> w.state().lastArchived() == null ? 0
                            : w.state().lastArchived().getEpochSecond()).baseUnit("seconds")
                    .description("When PostgreSQL last archived a WAL segment, in seconds since the epoch (0: never)")
                    .register(registry);
            FunctionCounter.builder("parley.wal.archive.failures", this, w -> w.state().failed())
                    .description("Failed attempts to archive a WAL segment since PostgreSQL's statistics were reset")
                    .register(registry);
        }
    }

    /** The archiver's state, read again when older than {@value #FRESH_MILLIS} ms. */
    State state() {
        if (!postgres) {
            return State.NONE;
        }
        long now = System.currentTimeMillis();
        if (now - readAt > FRESH_MILLIS) {
            state = read();
            readAt = now;
        }
        return state;
    }

    private State read() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet row = statement.executeQuery(QUERY)) {
                row.next();
                if (!row.getBoolean(1)) {
                    return State.NONE;
                }
                String lastWal = row.getString(2);
                double current = row.getDouble(6);
                long segment = row.getLong(7);
                return new State(true, instant(row.getTimestamp(3)), row.getLong(4), instant(row.getTimestamp(5)),
                        Math.max(0, current - archivedUpTo(lastWal, segment)), null);
            }
        } catch (SQLException e) {
            LOG.debugf("pg_stat_archiver not read: %s", e.getMessage());
            return new State(true, state.lastArchived(), state.failed(), state.lastFailed(), Double.NaN,
                    e.getMessage());
        }
    }

    /**
     * The WAL position at the end of a segment, from its file name: 8 hexadecimal digits of timeline, then of the
     * position's high 32 bits, then of the segment within them. Zero for none yet. (No SQL function maps a WAL file
     * name to a position, hence this.)
     */
    static double archivedUpTo(String walFile, long segmentBytes) {
        if (walFile == null || walFile.length() < 24) {
            return 0;
        }
        long high = Long.parseLong(walFile.substring(8, 16), 16);
        long segment = Long.parseLong(walFile.substring(16, 24), 16);
        return (double) high * 0x1_0000_0000L + (double) (segment + 1) * segmentBytes;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The wellness check "wal-archive": down while PostgreSQL's last attempt to archive failed. */
    @Produces
    @Wellness
    @ApplicationScoped
    HealthCheck health() {
        return () -> {
            State now = state();
            var response = HealthCheckResponse.named("wal-archive").status(!now.failing())
                    .withData("applies", now.applies());
            if (now.applies()) {
                response.withData("pendingBytes", (long) now.pendingBytes()).withData("failed", now.failed());
                if (now.lastArchived() != null) {
                    response.withData("lastArchived", now.lastArchived().toString());
                }
                if (now.lastFailed() != null) {
                    response.withData("lastFailed", now.lastFailed().toString());
                }
                if (now.error() != null) {
                    response.withData("error", now.error());
                }
            }
            return response.build();
        };
    }
}
