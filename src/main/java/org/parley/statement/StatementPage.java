package org.parley.statement;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a JSON page of statements (the generic PageResponse, named for clients). */
@Schema(name = "StatementPage", description = "One page of statements")
record StatementPage(
        List<StatementResponse> items,
        @Schema(description = "0-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Number of statements matching the filters, over all pages") long total,
        @Schema(description = "With `cursor`: the cursor of the next rows, absent at the end") String nextCursor) {
}
