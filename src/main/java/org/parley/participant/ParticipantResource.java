package org.parley.participant;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.ETAG;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.IF_MATCH;
import static org.parley.web.ApiDefinition.IF_NONE_MATCH;
import static org.parley.web.ApiDefinition.LOCATION;
import static org.parley.web.ApiDefinition.NOT_FOUND;
import static org.parley.web.ApiDefinition.NOT_MODIFIED;
import static org.parley.web.ApiDefinition.PRECONDITION_FAILED;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

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
import jakarta.ws.rs.core.UriInfo;
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
import org.parley.problem.Problem;
import org.parley.security.Roles;
import org.parley.store.PageRequest;
import org.parley.store.Rendered;
import org.parley.web.Created;
import org.parley.web.MergePatch;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;
import org.parley.web.Preconditions;

@Path("/api/v1/participants")
@Tag(name = "Participants", description = "People and organisations that take part in events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    private static final String DEFAULT_SORT = "name";
    private static final Map<String, List<String>> SORTS = Map.of(
            "name", List.of("name"), "country", List.of("country", "name"), "id", List.of("id"));

    private final ParticipantService service;
    private final MergePatch patches;

    public ParticipantResource(ParticipantService service, MergePatch patches) {
        this.service = service;
        this.patches = patches;
    }

    @GET
    @Operation(operationId = "listParticipants", summary = "List participants",
            description = "Participants sorted by name unless `sort` says otherwise, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of participants; `Link` and `X-Total-Count` headers")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<ParticipantResponse>> list(
            @Parameter(description = "ISO 3166-1 alpha-2 country code, any case", example = "CN")
            @QueryParam("country") String country,
            @Parameter(description = "PERSON or ORGANIZATION",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PERSON", "ORGANIZATION"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "Case-insensitive text found in the name or an alias", example = "lavrov")
            @QueryParam("q") String q,
            @Parameter(description = "Sort key: `name`, `country` or `id`, `-` in front for descending; default `name`")
            @QueryParam("sort") String sort,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Params params = new Params();
        String countryCode = params.country("country", country);
        ParticipantKind participantKind = params.optionalEnum("kind", kind, ParticipantKind.class);
        String text = params.text("q", q, 200);
        var order = params.sort(sort, DEFAULT_SORT, SORTS);
        PageRequest request = params.pageRequest(paging, sort, DEFAULT_SORT);
        params.validate();
        return Paging.respond(service.search(countryCode, participantKind, text, order, request), request,
                ParticipantResponse::from, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getParticipant", summary = "Read one participant",
            description = "A person or organisation with its country, title, organisation, Wikidata id and aliases;"
                    + " the `ETag` serves `If-None-Match` and conditional writes.")
    @APIResponse(responseCode = "200", description = "The participant", headers = @Header(ref = ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "304", ref = NOT_MODIFIED)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @Parameter(ref = IF_NONE_MATCH)
    public RestResponse<Rendered<ParticipantResponse>> get(
            @Parameter(description = "Participant id") @PathParam("id") long id,
            @Context Request http) {
        return Preconditions.read(http, service.read(id));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "createParticipant", summary = "Create a participant",
            description = "A person needs an ISO 3166-1 alpha-2 `country`; an organisation may have none.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new participant",
            headers = @Header(ref = LOCATION), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<ParticipantResponse> create(
            @Valid @NotNull(message = Problem.BODY_REQUIRED) ParticipantRequest request, @Context UriInfo uri) {
        Participant participant = service.create(request);
        return Created.at(uri, participant.id, ParticipantResponse.from(participant));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "replaceParticipant", summary = "Replace a participant",
            description = "A participant read can be sent back unchanged; `id`, `createdAt` and `updatedAt` are ignored.")
    @APIResponse(responseCode = "200", description = "The participant as stored", headers = @Header(ref = ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<ParticipantResponse>> replace(
            @Parameter(description = "Participant id") @PathParam("id") long id,
            @Valid @NotNull(message = Problem.BODY_REQUIRED) ParticipantRequest request, @Context Request http) {
        service.update(id, Preconditions.replacement(http, request));
        return Preconditions.written(service.read(id));
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "patchParticipant", summary = "Change some fields of a participant",
            description = "A JSON merge patch (RFC 7396) of the participant as a read shows it: the fields given"
                    + " replace theirs, `null` removes one, nested objects merge; the result must be a valid replacement.")
    @APIResponse(responseCode = "200", description = "The participant as stored", headers = @Header(ref = ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<ParticipantResponse>> patch(
            @Parameter(description = "Participant id") @PathParam("id") long id,
            @RequestBody(required = true, description = "The fields to change", content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class,
                            description = "Any fields of a participant (a merge patch)")))
            @NotNull(message = Problem.BODY_REQUIRED) byte[] changes, @Context Request http) {
        service.update(id, patches.change(http, changes, ParticipantRequest.class));
        return Preconditions.written(service.read(id));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // 204 without a body; errors are problems
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "deleteParticipant", summary = "Delete a participant that no event or statement refers to",
            description = "A participant still taking part in an event or speaking in a statement is a 409.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @Parameter(ref = IF_MATCH)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    public RestResponse<Void> delete(@Parameter(description = "Participant id") @PathParam("id") long id,
            @Context Request http) {
        service.delete(id, current -> Preconditions.check(http, current));
        return RestResponse.noContent();
    }
}
