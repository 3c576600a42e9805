package org.parley.backup;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backup just taken, with what opening it found. */
@Schema(description = "A backup just taken and verified: opened, and its records counted")
public record BackupTaken(
        @Schema(description = "The archive's file name", example = "parley-20261206T080000123Z.zip")
        String name,
        @Schema(description = "When it was taken", implementation = String.class, format = "date-time",
                example = "2026-12-06T08:00:00.123Z")
        Instant takenAt,
        @Schema(description = "Its size", example = "1843521")
        long bytes,
        @Schema(description = "The last revision of the history it holds: the change feed up to it", example = "42")
        long lastRevision,
        @Schema(description = "The events it holds", example = "1")
        long events,
        @Schema(description = "The statements it holds", example = "16")
        long statements) {

    static BackupTaken from(Backup backup) {
        return new BackupTaken(backup.file().getFileName().toString(), backup.takenAt(), backup.bytes(),
                backup.lastRevision(), backup.events(), backup.statements());
    }
}
