package org.parley.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The envelope of every list: one page of items and the total number of matches. */
public record PageResponse<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "0-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of items matching the filters, over all pages", example = "134") long total,
        @Schema(description = "Keyset paging (`cursor`) only, on the lists that offer it: the cursor of the next rows;"
                + " absent on the last page",
                example = "c2x1Zx9za2F6YWtoc3Rhbi11bnJlc3QfbDQ")
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
