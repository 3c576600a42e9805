package org.parley.web;

import static org.parley.web.ApiDefinition.AS_OF;
import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.ETAG;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.IF_MATCH;
import static org.parley.web.ApiDefinition.IF_NONE_MATCH;
import static org.parley.web.ApiDefinition.LOCATION;
import static org.parley.web.ApiDefinition.MEMENTO_DATETIME;
import static org.parley.web.ApiDefinition.NOT_FOUND;
import static org.parley.web.ApiDefinition.NOT_MODIFIED;
import static org.parley.web.ApiDefinition.PRECONDITION_FAILED;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.Problem;
import org.parley.security.Roles;
import org.parley.store.Record;
import org.parley.store.Rendered;

/**
 * The wiring of a single stored record, written once for every collection: a conditional read (with {@code asOf}
 * where the collection keeps revisions), create, replace, merge patch and delete, each with its preconditions and
 * problem responses. A collection's resource extends it with its service and its {@link RecordApi} and adds what is
 * its own (its list, exports, revisions). The texts that name the collection in the OpenAPI document, which an
 * inherited annotation cannot say, are filled in by {@link OpenApiFilter} from the {@link RecordApi}; the schema
 * {@value #RECORD} the responses refer to here is replaced there by the collection's response schema.
 *
 * @param <E> the entity
 * @param <Q> the request that creates or replaces one
 * @param <R> the response a read shows
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class RecordResource<E extends Record, Q, R> {

    /** The placeholder response schema, see {@link OpenApiFilter}. */
    static final String RECORD = "Record";

    private final RecordApi api;
    private final RecordService<E, Q, R> service;
    private final Class<Q> requestType;
    private final Function<E, R> created;
    private final MergePatch patches;

    /**
     * @param requestType what a merge patch is read as, once applied
     * @param created the body of a 201: the record as created
     */
    protected RecordResource(RecordApi api, RecordService<E, Q, R> service, Class<Q> requestType,
            Function<E, R> created, MergePatch patches) {
        this.api = api;
        this.service = service;
        this.requestType = requestType;
        this.created = created;
        this.patches = patches;
    }

    /** The record as it stood at {@code at}, for a collection whose {@link RecordApi} keeps history. */
    protected RestResponse<Rendered<R>> readAsOf(long id, Instant at) {
        throw new UnsupportedOperationException(api.noun + " keeps no revisions");
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", headers = {@Header(ref = ETAG), @Header(ref = MEMENTO_DATETIME)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RECORD)))
    @APIResponse(responseCode = "304", ref = NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @Parameter(ref = IF_NONE_MATCH)
    public RestResponse<Rendered<R>> get(@PathParam("id") long id,
            @Parameter(ref = AS_OF) @QueryParam(AS_OF) String asOf, @Context Request http) {
        // a collection without revisions ignores asOf, as it did before it took the parameter
        Instant at = api.keepsHistory() ? Params.validInstant(AS_OF, asOf) : null;
        return at != null ? readAsOf(id, at) : Preconditions.read(http, service.read(id));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @APIResponse(responseCode = "201", headers = @Header(ref = LOCATION), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RECORD)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<R> create(@Valid @NotNull(message = Problem.BODY_REQUIRED) Q request,
            @Context UriInfo uri) {
        E record = service.create(request);
        return Created.at(uri, record.id, created.apply(record));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @APIResponse(responseCode = "200", headers = @Header(ref = ETAG), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RECORD)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<R>> replace(@PathParam("id") long id,
            @Valid @NotNull(message = Problem.BODY_REQUIRED) Q request, @Context Request http) {
        service.update(id, Preconditions.replacement(http, request));
        return Preconditions.written(service.read(id));
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @APIResponse(responseCode = "200", headers = @Header(ref = ETAG), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RECORD)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<R>> patch(@PathParam("id") long id,
            @RequestBody(required = true, description = "The fields to change", content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class)))
            @NotNull(message = Problem.BODY_REQUIRED) byte[] changes, @Context Request http) {
        service.update(id, patches.change(http, changes, requestType));
        return Preconditions.written(service.read(id));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // 204 without a body; errors are problems
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Void> delete(@PathParam("id") long id, @Context Request http) {
        service.delete(id, current -> Preconditions.check(http, current));
        return RestResponse.noContent();
    }
}
