package org.parley.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many records of each collection a snapshot holds. */
@Schema(description = "How many records of each collection a snapshot holds")
public record SnapshotCounts(
        @Schema(description = "Events", example = "1") long events,
        @Schema(description = "Statements", example = "16") long statements,
        @Schema(description = "Participants", example = "5") long participants,
        @Schema(description = "Topics", example = "8") long topics,
        @Schema(description = "Report texts that sources cite by SHA-256", example = "1") long reports) {
}
