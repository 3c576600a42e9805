package org.parley.topic;

import static org.parley.web.ApiDefinition.BAD_REQUEST;

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
import org.parley.store.PageRequest;
import org.parley.web.MergePatch;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;
import org.parley.web.RecordApi;
import org.parley.web.RecordResource;

@Path(TopicResource.PATH)
@Tag(name = "Topics", description = "Subjects of discussion that events and statements are tagged with")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicResource extends RecordResource<Topic, TopicRequest, TopicResponse> {

    static final String PATH = "/api/v1/topics";
    private static final String DEFAULT_SORT = "slug";
    private static final Map<String, List<String>> SORTS = Map.of(
            "slug", List.of("slug"), "name", List.of("name"), "id", List.of("id"));

    private final TopicService service;

    public TopicResource(TopicService service, MergePatch patches) {
        super(new Api(), service, TopicRequest.class, TopicResponse::from, patches);
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

    /** What the API document says of a topic's record operations that is its own. */
    public static final class Api extends RecordApi {
        public Api() {
            super(PATH, "topic", TopicResponse.class);
            read("Read one topic",
                    "A topic with its slug (the key events and statements use), name and description.");
            create("The slug is lowercase letters, digits and single hyphens, and unique (else 409).");
            replace("A topic read can be sent back unchanged; `id`, `createdAt` and `updatedAt` are ignored.", null);
            delete("Delete a topic that no event or statement uses",
                    "A topic still used by an event or statement is a 409.");
        }
    }
}
