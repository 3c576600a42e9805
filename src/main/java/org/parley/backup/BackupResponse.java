package org.parley.backup;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backup kept in the backups' folder. */
@Schema(name = "Backup", description = "A verified backup of the embedded H2 database, kept in the backups' folder")
public record BackupResponse(
        @Schema(description = "The archive's file name", example = "parley-20261206T080000123Z.zip")
        String name,
        @Schema(description = "When it was taken", implementation = String.class, format = "date-time",
                example = "2026-12-06T08:00:00.123Z")
        Instant takenAt,
        @Schema(description = "Its size", example = "1843521")
        long bytes) {
}
