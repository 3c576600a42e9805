package org.parley.snapshot;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor asks of a snapshot made now: every POST of the API has a JSON body, here possibly {@code {}}. */
@Schema(description = "A snapshot to make now; `{}` will do")
public record SnapshotRequest(
        @Schema(description = "Why it is made, kept in its manifest", nullable = true,
                example = "data of the paper 'Calls before the January 2022 unrest'", maxLength = 500)
        @Size(max = 500)
        String reason) {
}
