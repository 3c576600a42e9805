package org.parley.bulk;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.participant.ParticipantRequest;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.security.Roles;
import org.parley.topic.TopicRequest;
import org.parley.web.Formats;
import org.parley.web.Params;
import org.parley.web.ProblemMappers;

@Path("/api/v1/import")
@Tag(name = "Import", description = "Bulk upserts of records that name each other by natural keys")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** The record types of NDJSON lines, by their {@code collection} (as the change feed names it). */
    private static final Map<String, Class<?>> LINE_TYPES = Map.of("participants", ParticipantRequest.class,
            "topics", TopicRequest.class, "events", ImportDocument.Event.class,
            "statements", ImportDocument.Statement.class);

    private final ImportService imports;
    private final ObjectMapper mapper;

    public ImportResource(ImportService imports, ObjectMapper mapper) {
        this.imports = imports;
        this.mapper = mapper;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, Formats.NDJSON})
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Operation(operationId = "importRecords", summary = "Create or update many records at once",
            description = "Participants, topics, events and statements that name each other by natural keys:"
                    + " a participant by `externalId` or Wikidata id, a topic by slug, an event by `externalId`, a"
                    + " statement by its event and position. Records found by their key are updated, the others"
                    + " created, all in one transaction: any problem is a 400 that names every one by its place in"
                    + " the input (`events[3].participants[0].participant`, or `line 12` of NDJSON), and nothing is"
                    + " written. A record already as the document has it is left alone, so the same document sent"
                    + " twice changes nothing the second time. As NDJSON, each line is one record with its"
                    + " `collection` (`participants`, `topics`, `events`, `statements`).")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportDocument.class)),
        @Content(mediaType = Formats.NDJSON, schema = @Schema(type = SchemaType.OBJECT,
                description = "One record per line, with its `collection`: participants, topics, events or"
                        + " statements", additionalProperties = Schema.True.class,
                example = "{\"collection\": \"topics\", \"slug\": \"arctic\", \"name\": \"Arctic\"}"))})
    @APIResponse(responseCode = "200", description = "What was created, updated and left alone", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public ImportResult run(InputStream body, @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "`true` to check the document and count what it would do, writing nothing",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") String dryRun) throws IOException {
        Params params = new Params();
        Boolean dry = params.bool("dryRun", dryRun);
        params.validate();
        boolean ndjson = contentType != null && MediaType.valueOf(contentType).isCompatible(
                MediaType.valueOf(Formats.NDJSON));
        ImportDocument document = ndjson ? null : mapper.readValue(body, ImportDocument.class);
        if (!ndjson && document == null) { // the body "null"
            throw ProblemException.invalid(Violation.body("body", Problem.BODY_REQUIRED));
        }
        ImportService.Input input = ndjson ? lines(body) : ImportService.Input.of(document);
        return imports.run(input, Boolean.TRUE.equals(dry));
    }

    /**
     * The records of an NDJSON body, each named by its line; unreadable lines are all reported at once. Read as it
     * arrives, a line at a time: a body of hundreds of megabytes is never held whole, in bytes or as text.
     */
    private ImportService.Input lines(InputStream body) throws IOException {
        List<ImportService.Located<ParticipantRequest>> participants = new ArrayList<>();
        List<ImportService.Located<TopicRequest>> topics = new ArrayList<>();
        List<ImportService.Located<ImportDocument.Event>> events = new ArrayList<>();
        List<ImportService.Located<ImportDocument.Statement>> statements = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int number = 0;
        try (BufferedReader reader = Formats.utf8Lines(body)) {
            for (String read = reader.readLine(); read != null; read = reader.readLine()) {
                String line = read.strip();
                String at = "line " + ++number;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JsonNode node = mapper.readTree(line);
                    JsonNode collection = node instanceof ObjectNode object ? object.remove("collection") : null;
                    Class<?> kind = collection == null ? null : LINE_TYPES.get(collection.asText());
                    if (kind == null) {
                        violations.add(Violation.body(at + ".collection",
                                "must be participants, topics, events or statements"));
                        continue;
                    }
                    Object record = mapper.treeToValue(node, kind);
                    if (record instanceof ParticipantRequest p) {
                        participants.add(new ImportService.Located<>(at, p));
                    } else if (record instanceof TopicRequest t) {
                        topics.add(new ImportService.Located<>(at, t));
                    } else if (record instanceof ImportDocument.Event e) {
                        events.add(new ImportService.Located<>(at, e));
                    } else {
                        statements.add(new ImportService.Located<>(at, (ImportDocument.Statement) record));
                    }
                } catch (JsonProcessingException e) {
                    violations.addAll(ProblemMappers.jsonProblem(e).violationsAt(at));
                }
            }
        } catch (CharacterCodingException e) {
            throw Formats.notUtf8("NDJSON");
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new ImportService.Input(participants, topics, events, statements);
    }
}
