package org.parley.changes;

import static org.parley.web.ApiDefinition.BAD_REQUEST;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.Violation;
import org.parley.web.Paging;
import org.parley.web.Params;

@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Every write in commit order, to mirror Parley or follow it")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private final ChangeFeed feed;

    public ChangeResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(operationId = "listChanges", summary = "The change feed",
            description = "Every create, update and delete of participants, topics, events and statements, in commit"
                    + " order, each with the record as it stood after the write (a deletion is a tombstone: collection"
                    + " and id). Start from the beginning, or at a time with `since`; continue with `nextCursor`, which"
                    + " is there even after the last change, to poll with. Replaying the feed from the start into a"
                    + " map of collection and id reproduces the lists exactly.")
    @APIResponse(responseCode = "200", description = "Changes in commit order, with `Link: rel=\"next\"`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Change.Page.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<Change.Page> list(
            @Parameter(description = "`nextCursor` of the previous page: the changes after it",
                    example = "Y2hhbmdlcx9sNx9pMx9sMTI")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Start with the first write made at or after this moment (ISO date-time with"
                    + " offset, or a date for its start in UTC) instead of the beginning",
                    example = "2024-05-01T00:00:00Z")
            @QueryParam("since") String since,
            @Parameter(description = "At most this many changes (1 to " + MAX_SIZE + ", default " + DEFAULT_SIZE + ")",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                            minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("size") String size,
            @Context UriInfo uri) {
        Params params = new Params();
        Instant from = params.instant("since", since);
        int limit = params.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        ChangeFeed.Position after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = ChangeFeed.Position.decode(cursor.trim());
            if (after == null) {
                params.add(Violation.query("cursor", "is not a cursor of the change feed; start without one"));
            }
            if (from != null) {
                params.add(Violation.query("since", "cannot be combined with cursor"));
            }
        }
        params.validate();
        if (after == null) {
            after = from != null ? feed.since(from) : ChangeFeed.Position.before(1);
        }
        Change.Page page = feed.after(after, limit);
        return RestResponse.ResponseBuilder.ok(page)
                // the next page continues from the cursor alone: since= is where a first page starts
                .header("Link", Paging.link(uri.getRequestUriBuilder().replaceQueryParam("since")
                        .replaceQueryParam("cursor", page.nextCursor()), "next"))
                .build();
    }
}
