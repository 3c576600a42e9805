package org.parley.snapshot;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a snapshot holds: its {@code manifest.json}. */
@Schema(description = "What a snapshot holds, as its archive's `manifest.json` says")
public record SnapshotManifest(
        @Schema(description = "The snapshot's name, by which it is downloaded and cited",
                example = "parley-20261206T000000000Z")
        String name,
        @Schema(description = "When it was made", implementation = String.class, format = "date-time",
                example = "2026-12-06T00:00:00Z")
        Instant createdAt,
        @Schema(description = "Who made it: an editor's account, or `schedule`", example = "editor")
        String createdBy,
        @Schema(description = "Why, as the editor said", nullable = true,
                example = "data of the paper 'Calls before the January 2022 unrest'")
        String reason,
        @Schema(description = "The last revision it holds: the data is the change feed applied up to and including"
                + " this revision, and nothing after it", example = "42")
        long revision,
        @Schema(description = "When that revision was written (null when the database has no revision yet)",
                implementation = String.class, format = "date-time", nullable = true,
                example = "2026-12-05T17:03:11.204Z")
        Instant revisionAt,
        SnapshotCounts counts,
        @Schema(description = "The archive's files other than this manifest and `SHA256SUMS`, each with its count and"
                + " checksum", example = "[{\"path\": \"statements.csv\", \"collection\": \"statements\", \"format\":"
                + " \"csv\", \"records\": 16, \"bytes\": 9421, \"sha256\":"
                + " \"3b0f4c1e58e8d6f2b2a6a7a3f0a8a4f56d0c0f1f3c1d1a8e2c7b3e6d9f0a1b2c\"}]")
        List<SnapshotFile> files) {
}
