package org.parley.statement;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a JSON page of statements (the generic PageResponse, named for clients). */
@Schema(name = "StatementPage", description = "One page of statements")
record StatementPage(
        @Schema(description = "The statements of this page", example = "[" + StatementResponse.EXAMPLE + "]")
        List<StatementResponse> items,
        @Schema(description = "0-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of statements matching the filters, over all pages", example = "16") long total,
        @Schema(description = "With `cursor`: the cursor of the next rows, absent at the end",
                example = "LWRhdGUfZDIwMjItMDEtMTAfbDEfaTEfbDE")
        String nextCursor) {
}
