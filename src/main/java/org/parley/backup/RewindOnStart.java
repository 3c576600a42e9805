package org.parley.backup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.event.DocumentBackfill;

/**
 * The restore command's rewind ({@code tools/restore-h2.sh --to WHEN}): started with {@code parley.rewind.to} set (a
 * revision number, or an ISO-8601 time such as {@code 2026-12-06T10:15:00Z}: the last revision at or before it),
 * Parley rewinds its database to that revision ({@link Rewind}) before anything else runs at start-up, renders the
 * documents it dropped, logs what it did, and exits: 0 when done, 1 when it could not (nothing changed then).
 */
@ApplicationScoped
public class RewindOnStart {

    private static final Logger LOG = Logger.getLogger(RewindOnStart.class);

    private final Optional<String> to;
    private final Rewind rewind;
    private final DocumentBackfill documentBackfill;

    public RewindOnStart(@ConfigProperty(name = "parley.rewind.to") Optional<String> to, Rewind rewind,
            DocumentBackfill documentBackfill) {
        this.to = to;
        this.rewind = rewind;
        this.documentBackfill = documentBackfill;
    }

    // before every other observer of the start: the backfills must see the rewound database
    void onStart(@Observes @Priority(1) StartupEvent start) {
        if (to.isEmpty()) {
            return;
        }
        int status = 1;
        try {
            long started = System.nanoTime();
            long revision = revision(to.get());
            Rewind.Result done = rewind.to(revision);
            documentBackfill.awaitQueued();
            if (done.lastBefore() <= revision) {
                LOG.infof("rewind: the last revision is %d, not after %d: nothing to undo", done.lastBefore(),
                        revision);
            } else {
                LOG.infof("rewind: the database is as after revision %d (revisions %d to %d undone: %d statements,"
                        + " %d events, %d participants, %d topics put back) in %.1f s", revision, revision + 1,
                        done.lastBefore(), done.statements(), done.events(), done.participants(), done.topics(),
                        (System.nanoTime() - started) / 1e9);
            }
            status = 0;
        } catch (IllegalArgumentException e) {
            LOG.errorf("rewind: %s", e.getMessage());
        } catch (Exception e) {
            LOG.error("rewind failed: nothing was changed", e);
        }
        Quarkus.asyncExit(status);
    }

    /** The revision {@code to} names: a revision number, or the last revision at or before a time. */
    private long revision(String to) {
        if (to.strip().matches("[0-9]+")) {
            return Long.parseLong(to.strip());
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(to.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parley.rewind.to is '" + to + "': give a revision number or a time"
                    + " with its offset, such as 2026-12-06T10:15:00Z");
        }
        long revision = rewind.revisionAt(at);
        if (revision == 0) {
            throw new IllegalArgumentException("no revision was written at or before " + at + ": the history starts"
                    + " later");
        }
        return revision;
    }
}
