package org.parley.history;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of one record. */
@Schema(name = "Revision", description = "One revision of a record: who changed it, when, and how")
public record RevisionResponse(
        @Schema(description = "Revision number: one per committed write, increasing in commit order", example = "7")
        long revision,
        @Schema(description = "When the write was made", implementation = String.class, format = "date-time",
                example = "2024-05-01T09:30:00Z")
        Instant timestamp,
        @Schema(description = "Who made it: the editor's user name, or `system` for Parley's own writes",
                example = "editor")
        String editor,
        @Schema(description = "What the write did to the record", example = "UPDATED")
        Operation operation,
        @Schema(description = "The record's version after the write; absent for a deletion", example = "1",
                nullable = true)
        Long version) {

    /** What a write did to a record. */
    @Schema(name = "Operation", description = "What a write did to a record")
    public enum Operation {
        CREATED, UPDATED, DELETED
    }

    /** The revisions of one record, oldest first. */
    @Schema(name = "RevisionList", description = "The revisions of one record, oldest first")
    public record Revisions(
            @Schema(description = "Every revision of the record, oldest first", example = EXAMPLE)
            List<RevisionResponse> items) {

        static final String EXAMPLE = """
                [{"revision": 2, "timestamp": "2022-01-12T09:30:00Z", "editor": "system", "operation": "CREATED",
                  "version": 0},
                 {"revision": 7, "timestamp": "2024-05-01T09:30:00Z", "editor": "editor", "operation": "UPDATED",
                  "version": 1}]
                """;
    }
}
