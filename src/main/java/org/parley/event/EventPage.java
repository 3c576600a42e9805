package org.parley.event;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a JSON page of events (the generic PageResponse, named for clients). */
@Schema(name = "EventPage", description = "One page of events")
record EventPage(
        List<EventResponse> items,
        @Schema(description = "0-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Number of events matching the filters, over all pages") long total,
        @Schema(description = "With `cursor`: the cursor of the next rows, absent at the end") String nextCursor) {
}
