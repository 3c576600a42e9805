package org.parley.topic;

import static org.parley.common.ApiDefinition.BAD_REQUEST;
import static org.parley.common.ApiDefinition.BASIC;
import static org.parley.common.ApiDefinition.CONFLICT;
import static org.parley.common.ApiDefinition.FORBIDDEN;
import static org.parley.common.ApiDefinition.NOT_FOUND;
import static org.parley.common.ApiDefinition.TOO_LARGE;
import static org.parley.common.ApiDefinition.UNAUTHORIZED;
import static org.parley.common.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.common.Created;
import org.parley.common.PageParams;
import org.parley.common.PageRequest;
import org.parley.common.PageResponse;
import org.parley.common.Paging;
import org.parley.common.Params;
import org.parley.common.Problem;
import org.parley.security.Roles;

@Path("/api/v1/topics")
@Tag(name = "Topics", description = "Subjects of discussion that events and statements are tagged with")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final String DEFAULT_SORT = "slug";
    private static final Map<String, List<String>> SORTS = Map.of(
            "slug", List.of("slug"), "name", List.of("name"), "id", List.of("id"));

    private final TopicService service;

    public TopicResource(TopicService service) {
        this.service = service;
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
    @Operation(operationId = "getTopic", summary = "Read one topic")
    @APIResponse(responseCode = "200", description = "The topic")
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public TopicResponse get(@Parameter(description = "Topic id") @PathParam("id") long id) {
        return TopicResponse.from(service.get(id));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "createTopic", summary = "Create a topic")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new topic")
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
    @APIResponse(responseCode = "200", description = "The topic as stored")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public TopicResponse replace(@Parameter(description = "Topic id") @PathParam("id") long id,
            @Valid @NotNull(message = Problem.BODY_REQUIRED) TopicRequest request) {
        return TopicResponse.from(service.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "deleteTopic", summary = "Delete a topic that no event or statement uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    public RestResponse<Void> delete(@Parameter(description = "Topic id") @PathParam("id") long id) {
        service.delete(id);
        return RestResponse.noContent();
    }
}
