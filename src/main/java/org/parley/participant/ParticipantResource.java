package org.parley.participant;

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
import org.parley.store.PageRequest;
import org.parley.web.MergePatch;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;
import org.parley.web.RecordApi;
import org.parley.web.RecordResource;

@Path(ParticipantResource.PATH)
@Tag(name = "Participants", description = "People and organisations that take part in events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource extends RecordResource<Participant, ParticipantRequest, ParticipantResponse> {

    static final String PATH = "/api/v1/participants";
    private static final String DEFAULT_SORT = "name";
    private static final Map<String, List<String>> SORTS = Map.of(
            "name", List.of("name"), "country", List.of("country", "name"), "id", List.of("id"));

    private final ParticipantService service;

    public ParticipantResource(ParticipantService service, MergePatch patches) {
        super(new Api(), service, ParticipantRequest.class, ParticipantResponse::from, patches);
        this.service = service;
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

    /** What the API document says of a participant's record operations that is its own. */
    public static final class Api extends RecordApi {
        public Api() {
            super(PATH, "participant", ParticipantResponse.class);
            read("Read one participant", "A person or organisation with its country, title, organisation, Wikidata id and"
                    + " aliases; the `ETag` serves `If-None-Match` and conditional writes.");
            create("A person needs an ISO 3166-1 alpha-2 `country`; an organisation may have none.");
            replace("A participant read can be sent back unchanged; `id`, `createdAt` and `updatedAt` are ignored.",
                    null);
            delete("Delete a participant that no event or statement refers to",
                    "A participant still taking part in an event or speaking in a statement is a 409.");
        }
    }
}
