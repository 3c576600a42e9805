package org.parley.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.history.RevisionResponse.Operation;

/** One entry of the change feed: one record created, changed or deleted by one revision. */
@Schema(name = "Change", description = "A record created, changed or deleted by one write")
public record Change(
        @Schema(description = "The write's revision number; revisions follow commit order", example = "7")
        long revision,
        @Schema(description = "When the write was made", implementation = String.class, format = "date-time",
                example = "2024-05-01T09:30:00Z")
        Instant timestamp,
        @Schema(description = "Who made it: the editor's user name, or `system` for Parley's own writes",
                example = "editor")
        String editor,
        @Schema(description = "The collection of the record", example = "events",
                enumeration = {"participants", "topics", "events", "statements"})
        String collection,
        @Schema(description = "The record's id", example = "1")
        long id,
        @Schema(description = "What the write did to the record; DELETED is a tombstone without a record",
                example = "UPDATED")
        Operation operation,
        @Schema(description = "The record as it stood after the write, as its collection's list shows it;"
                + " absent for a deletion", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                example = "{\"id\": 1, \"slug\": \"csto\", \"name\": \"CSTO\", \"version\": 0}")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Object record) {

    /** One page of the change feed. */
    @Schema(name = "ChangePage", description = "Changes in commit order, and where to continue")
    public record Page(
            @Schema(description = "The changes, oldest first", example = EXAMPLE) List<Change> items,
            @Schema(description = "Where to continue: send it back as `cursor` for the changes after these; present"
                    + " even when no change followed, to poll with",
                    example = "Y2hhbmdlcx9sNx9pMx9sMTI")
            String nextCursor,
            @Schema(description = "Whether more changes are already there to fetch with `nextCursor`",
                    example = "false")
            boolean more) {

        static final String EXAMPLE = """
                [{"revision": 7, "timestamp": "2024-05-01T09:30:00Z", "editor": "editor", "collection": "topics",
                  "id": 12, "operation": "CREATED", "record": {"id": 12, "slug": "arctic", "name": "Arctic",
                  "createdAt": "2024-05-01T09:30:00Z", "updatedAt": "2024-05-01T09:30:00Z", "version": 0}},
                 {"revision": 8, "timestamp": "2024-05-01T09:31:00Z", "editor": "editor", "collection": "statements",
                  "id": 40, "operation": "DELETED"}]
                """;
    }
}
