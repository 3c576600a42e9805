package org.parley.event;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a JSON page of events (the generic PageResponse, named for clients). */
@Schema(name = "EventPage", description = "One page of events")
record EventPage(
        @Schema(description = "The events of this page, without their statements", example = ITEMS)
        List<EventResponse> items,
        @Schema(description = "0-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of events matching the filters, over all pages", example = "134") long total,
        @Schema(description = "With `cursor`: the cursor of the next rows, absent at the end",
                example = "LWRhdGUfZDIwMjItMDEtMTAfbDE")
        String nextCursor) {

    static final String ITEMS = "[" + EventResponse.EXAMPLE + "]";
}
