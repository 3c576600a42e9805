package org.parley.topic;

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

@Path("/api/v1/topics")
@Tag(name = "Topics", description = "Subjects of discussion that events and statements are tagged with")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final String DEFAULT_SORT = "slug";
    private static final Map<String, List<String>> SORTS = Map.of(
            "slug", List.of("slug"), "name", List.of("name"), "id", List.of("id"));

    private final TopicService service;
    private final MergePatch patches;

    public TopicResource(TopicService service, MergePatch patches) {
        this.service = service;
        this.patches = patches;
    }

    @GET
    @Operation(operationId = "listTopics", summary = "List topics",
            description = "Topics sorted by slug unless `sort` says otherwise, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of topics; `Link` and `X-Total-Count` headers")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<TopicResponse>> list(
            @Parameter(description = "Case-insensitive text found in the slug, name or description")
            @QueryParam("q") String q,
            @Parameter(description = "Sort key: `slug`, `name` or `id`, `-` in front for descending; default `slug`")
            @QueryParam("sort") String sort,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Params params = new Params();
        String text = params.text("q", q, 200);
        var order = params.sort(sort, DEFAULT_SORT, SORTS);
        PageRequest request = params.pageRequest(paging, sort, DEFAULT_SORT);
        params.validate();
        return Paging.respond(service.search(text, order, request), request, TopicResponse::from, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTopic", summary = "Read one topic",
            description = "A topic with its slug (the key events and statements use), name and description.")
    @APIResponse(responseCode = "200", description = "The topic", headers = @Header(ref = ETAG), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "304", ref = NOT_MODIFIED)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @Parameter(ref = IF_NONE_MATCH)
    public RestResponse<Rendered<TopicResponse>> get(@Parameter(description = "Topic id") @PathParam("id") long id,
            @Context Request http) {
        return Preconditions.read(http, service.read(id));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "createTopic", summary = "Create a topic",
            description = "The slug is lowercase letters, digits and single hyphens, and unique (else 409).")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new topic",
            headers = @Header(ref = LOCATION), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<TopicResponse> create(
            @Valid @NotNull(message = Problem.BODY_REQUIRED) TopicRequest request, @Context UriInfo uri) {
        Topic topic = service.create(request);
        return Created.at(uri, topic.id, TopicResponse.from(topic));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "replaceTopic", summary = "Replace a topic",
            description = "A topic read can be sent back unchanged; `id`, `createdAt` and `updatedAt` are ignored.")
    @APIResponse(responseCode = "200", description = "The topic as stored", headers = @Header(ref = ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<TopicResponse>> replace(@Parameter(description = "Topic id") @PathParam("id") long id,
            @Valid @NotNull(message = Problem.BODY_REQUIRED) TopicRequest request, @Context Request http) {
        service.update(id, Preconditions.replacement(http, request));
        return Preconditions.written(service.read(id));
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "patchTopic", summary = "Change some fields of a topic",
            description = "A JSON merge patch (RFC 7396) of the topic as a read shows it: the fields given replace"
                    + " theirs, `null` removes one, nested objects merge; the result must be a valid replacement.")
    @APIResponse(responseCode = "200", description = "The topic as stored", headers = @Header(ref = ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @Parameter(ref = IF_MATCH)
    public RestResponse<Rendered<TopicResponse>> patch(@Parameter(description = "Topic id") @PathParam("id") long id,
            @RequestBody(required = true, description = "The fields to change", content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class,
                            description = "Any fields of a topic (a merge patch)")))
            @NotNull(message = Problem.BODY_REQUIRED) byte[] changes, @Context Request http) {
        service.update(id, patches.change(http, changes, TopicRequest.class));
        return Preconditions.written(service.read(id));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // 204 without a body; errors are problems
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "deleteTopic", summary = "Delete a topic that no event or statement uses",
            description = "A topic still used by an event or statement is a 409.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "412", ref = PRECONDITION_FAILED)
    @Parameter(ref = IF_MATCH)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    public RestResponse<Void> delete(@Parameter(description = "Topic id") @PathParam("id") long id,
            @Context Request http) {
        service.delete(id, current -> Preconditions.check(http, current));
        return RestResponse.noContent();
    }
}
