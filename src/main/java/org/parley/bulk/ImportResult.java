package org.parley.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or with {@code dryRun} would do, per collection. */
@Schema(name = "ImportResult", description = "What the import did (or, with `dryRun`, would do) per collection")
public record ImportResult(
        @Schema(description = "Whether this was a dry run, which changed nothing", example = "false")
        boolean dryRun,
        @Schema(description = "Participants") Counts participants,
        @Schema(description = "Topics") Counts topics,
        @Schema(description = "Events") Counts events,
        @Schema(description = "Statements") Counts statements) {

    /** Records created, changed, and found as the document has them already. */
    @Schema(name = "ImportCounts", description = "Records created, changed, and already as the document has them")
    public record Counts(
            @Schema(description = "Records created", example = "2") int created,
            @Schema(description = "Existing records changed", example = "1") int updated,
            @Schema(description = "Existing records already as the document has them", example = "5") int unchanged) {
    }
}
