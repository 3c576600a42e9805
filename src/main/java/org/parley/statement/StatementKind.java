package org.parley.statement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the source quotes the speaker's words or reports them. */
@Schema(description = "Whether the source quotes the speaker's words (DIRECT_QUOTE) or reports them (REPORTED)")
public enum StatementKind {
    DIRECT_QUOTE,
    REPORTED
}
