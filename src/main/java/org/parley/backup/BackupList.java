package org.parley.backup;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The backups kept, and the schedule that takes them. */
@Schema(description = "Parley's backups of its embedded H2 database, newest first")
public record BackupList(
        @Schema(description = "Whether Parley backs its database up: only an embedded H2 file; PostgreSQL's backups"
                + " are the server's", example = "true")
        boolean applies,
        @Schema(description = "How often a backup is taken (`off`: only on demand)", example = "1h")
        String every,
        @Schema(description = "How many are kept", example = "24")
        int keep,
        @Schema(description = "The backups kept, newest first", example = "[{\"name\":"
                + " \"parley-20261206T080000123Z.zip\", \"takenAt\": \"2026-12-06T08:00:00.123Z\", \"bytes\": 1843521}]")
        List<BackupResponse> items) {
}
