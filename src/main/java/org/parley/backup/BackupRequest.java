package org.parley.backup;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator asks of a backup taken now: every POST of the API has a JSON body, here possibly {@code {}}. */
@Schema(description = "A backup to take now; `{}` will do")
public record BackupRequest(
        @Schema(description = "Why it is taken, written to the log with its name", nullable = true,
                example = "before re-importing the 2023 reports", maxLength = 500)
        @Size(max = 500)
        String reason) {
}
