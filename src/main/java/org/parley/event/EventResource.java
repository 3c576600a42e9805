package org.parley.event;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.NOT_FOUND;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.history.History;
import org.parley.history.RevisionResponse;
import org.parley.store.Page;
import org.parley.store.PageRequest;
import org.parley.store.Rendered;
import org.parley.web.Exports;
import org.parley.web.Formats;
import org.parley.web.ListedRecordResource;
import org.parley.web.MergePatch;
import org.parley.web.PageParams;
import org.parley.web.Paging;
import org.parley.web.PageResponse;
import org.parley.web.Params;
import org.parley.web.RecordApi;

@Path(EventResource.PATH)
@Tag(name = "Events", description = "Dated diplomatic interactions: calls, meetings, visits, summits and more")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource
        extends ListedRecordResource<Event, EventRequest, EventResponse, EventFilterParams, EventQuery> {

    static final String PATH = "/api/v1/events";
    private static final String DEFAULT_SORT = "-date";
    private static final Map<String, List<String>> SORTS = Map.of(
            "date", List.of("eventDate"), "title", List.of("title"), "id", List.of("id"),
            "relevance", List.of(Paging.RELEVANCE));

    private final EventService service;
    private final Exports exports;
    private final History history;

    public EventResource(EventService service, Exports exports, MergePatch patches, History history) {
        super(new Api(), service, EventRequest.class, event -> EventResponse.from(event, List.of()), patches,
                DEFAULT_SORT, SORTS);
        this.history = history;
        this.service = service;
        this.exports = exports;
    }

    @Override
    protected RestResponse<Rendered<EventResponse>> readAsOf(long id, Instant at) {
        return service.readAsOf(id, at).response();
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List events",
            description = "Events matching every filter given (AND between parameters), newest first by default."
                    + " Statements are not embedded here; read one event or list /statements for them.")
    @APIResponse(responseCode = "200", description = "One page of events with `Link` and `X-Total-Count` headers;"
            + " with `Accept: text/csv` or `format=csv` (`application/x-ndjson`, `format=ndjson`) every matching row,"
            + " unpaged and streamed",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                @Content(mediaType = Formats.CSV, schema = @Schema(implementation = EventRow.class)),
                @Content(mediaType = Formats.NDJSON, schema = @Schema(implementation = EventResponse.class))})
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<Rendered<EventResponse>>> list(
            @BeanParam EventFilterParams filters,
            @Parameter(description = "`date`, `-date` (default), `title`, `-title`, `id`, `-id`, or `relevance` (with"
                    + " `q`: best match first, by the BM25 weights of the words found)")
            @QueryParam("sort") String sort,
            @BeanParam PageParams paging,
            @Parameter(description = "`csv` or `ndjson` for an export of every matching row, as the Accept header"
                    + " would ask; `json` (default) for a page",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "ndjson"}))
            @QueryParam("format") String format, // applied by Formats before the request gets here
            @Context UriInfo uri) {
        return onePage(filters, sort, paging, uri);
    }

    @Override
    protected Page<Rendered<EventResponse>> page(EventQuery query, Sort order, PageRequest request) {
        return service.list(query, order, request);
    }

    @GET
    @Produces({Formats.CSV + ";qs=0.5", Formats.NDJSON + ";qs=0.5"})
    @Operation(hidden = true) // documented with the list, which shares its GET
    // a Response: with two media types, Quarkus REST serialises a RestResponse<StreamingOutput> as JSON
    public Response export(@BeanParam EventFilterParams filters, @QueryParam("sort") String sort,
            @QueryParam("fields") String fields, @Context Request http) {
        return exportAll(filters, sort, fields, http).toResponse();
    }

    @Override
    protected RestResponse<StreamingOutput> exportAs(Params params, EventQuery query, Sort order, String fields,
            String mediaType) {
        return exports.<EventRow, Rendered<EventResponse>>respond(params, mediaType, fields, "events",
                Exports.mapped(sink -> service.export(query, order, sink), EventRow::from), EventRow.class,
                null, sink -> service.exportDocuments(query, order, sink), EventResponse.class);
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listEventRevisions", summary = "The revisions of an event",
            description = "Every write that created, changed or deleted the event, oldest first, with its time and"
                    + " editor; a deleted event keeps its history. Read a revision with `asOf`.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RevisionResponse.Revisions.class)))
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public RevisionResponse.Revisions revisions(@Parameter(description = "Event id") @PathParam("id") long id) {
        return new RevisionResponse.Revisions(history.revisions(Event.class, "Event", id));
    }

    /** What the API document says of an event's record operations that is its own. */
    public static final class Api extends RecordApi {
        public Api() {
            super(PATH, "event", EventResponse.class);
            history();
            read("Read one event with its statements", "The event with its participants and their roles, topics,"
                    + " sources and every statement in order.");
            create("Participants and topics must exist already; `cameoCode` defaults from the type.");
            replace("An event read can be sent back unchanged: `id`, `countries`, `statements`, `createdAt`,"
                    + " `updatedAt` and the names inside references are ignored. Statements are not changed here.",
                    "The event as stored, with its statements");
            deleteWith("Delete an event and its statements",
                    "The event goes with every statement made at it, in one transaction.",
                    "Deleted, with its statements");
        }
    }
}
