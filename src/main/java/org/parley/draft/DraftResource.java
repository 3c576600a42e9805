package org.parley.draft;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.bulk.ImportDocument;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.security.Roles;
import org.parley.web.Formats;

@Path("/api/v1/drafts")
@Tag(name = "Drafts", description = "Events drafted from news reports, for a curator to review and import")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    private static final String DESCRIPTION = "Reads a wire report and drafts the event it reports: type, date,"
            + " participants (matched to stored ones by name, alias, spelling or description, or proposed as new),"
            + " subject countries, topics, and every position a participant expressed as a statement with its exact"
            + " span in the text. The answer is a document of `POST /api/v1/import`, to correct and import as it is;"
            + " `draft` holds the reasons (cues, confidence, skipped sentences, possible duplicates), which the import"
            + " ignores. Nothing is written. A text that reports no event gives a draft without statements and a"
            + " `draft.reason`. The report comes as JSON, or as `text/plain` with what is known of it as query"
            + " parameters (with a JSON body they are a 400: the body says it).";

    private final DraftService drafts;
    private final Validator validator;
    private final ObjectMapper mapper;

    public DraftResource(DraftService drafts, Validator validator, ObjectMapper mapper) {
        this.drafts = drafts;
        this.validator = validator;
        this.mapper = mapper;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "draftEvent", summary = "Draft an event from a report", description = DESCRIPTION)
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftRequest.class)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class,
                maxLength = DraftRequest.MAX_TEXT, description = "The report's text, UTF-8"))})
    @APIResponse(responseCode = "200", description = "The draft: an import document with its notes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportDocument.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public ImportDocument draft(byte[] body, @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "Address of the report (`text/plain` bodies)") @QueryParam("url") String url,
            @Parameter(description = "Who published it (`text/plain` bodies)") @QueryParam("publisher")
            String publisher,
            @Parameter(description = "Headline (`text/plain` bodies)") @QueryParam("title") String title,
            @Parameter(description = "Publication time with offset, or the day (`text/plain` bodies)",
                    example = "2022-01-12T08:55:00+08:00") @QueryParam("publishedAt") String publishedAt,
            @Parameter(description = "BCP 47 tag; detected when absent (`text/plain` bodies)", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "`externalId` of a stored event to add this report to (`text/plain` bodies)")
            @QueryParam("mergeInto") String mergeInto) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("url", url);
        query.put("publisher", publisher);
        query.put("title", title);
        query.put("publishedAt", publishedAt);
        query.put("language", language);
        query.put("mergeInto", mergeInto);
        query.values().removeIf(Objects::isNull);
        boolean plain = contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.TEXT_PLAIN_TYPE);
        DraftRequest request;
        if (plain) {
            String text = Formats.utf8(body, "text");
            request = new DraftRequest(text, url, publisher, title, publishedAt, language, mergeInto);
        } else {
            if (!query.isEmpty()) {
                // one way to say each thing: with a JSON body, what is known of the report is in the body
                throw ProblemException.invalid(query.keySet().stream().map(name -> Violation.query(name,
                        "give it in the JSON body (query parameters describe text/plain bodies)")).toList());
            }
            request = mapper.readValue(body, DraftRequest.class);
            if (request == null) {
                throw ProblemException.invalid(Violation.body("body", Problem.BODY_REQUIRED));
            }
        }
        List<Violation> violations = validator.validate(request).stream().map(v -> {
            String field = v.getPropertyPath().toString();
            return !plain ? Violation.body(field, v.getMessage()) : "text".equals(field)
                    ? Violation.body("body", v.getMessage()) : Violation.query(field, v.getMessage());
        }).toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return drafts.draft(request);
    }
}
