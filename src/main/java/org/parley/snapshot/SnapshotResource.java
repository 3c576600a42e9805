package org.parley.snapshot;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.ETAG;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.LOCATION;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.security.Roles;
import org.parley.web.ByteRange;

/**
 * The published snapshots: listed, made by an editor, downloaded by anyone by name, whole or by a range of bytes,
 * with the archive's SHA-256 as its strong ETag (it never changes).
 */
@Path(SnapshotResource.PATH)
@Tag(name = "Snapshots", description = "Dated, immutable archives of the whole public database, to download and cite")
public class SnapshotResource {

    static final String PATH = "/api/v1/snapshots";
    static final String ZIP = "application/zip";

    private final Snapshots snapshots;
    private final SecurityIdentity identity;

    public SnapshotResource(Snapshots snapshots, SecurityIdentity identity) {
        this.snapshots = snapshots;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSnapshots", summary = "List the published snapshots",
            description = "Every snapshot, newest first, with its archive's size and SHA-256 and its manifest:"
                    + " the counts of each collection and the last revision of the change feed it holds.")
    @APIResponse(responseCode = "200", description = "The snapshots, newest first")
    public SnapshotList list() {
        return new SnapshotList(snapshots.every(), snapshots.list());
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = BASIC)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeSnapshot", summary = "Make a snapshot now",
            description = "Writes every collection as NDJSON and CSV into one zip archive with `manifest.json` and"
                    + " `SHA256SUMS`, all read in one transaction's view while writes go on (no statement without"
                    + " its event), and publishes it. Takes as long as the data is large; one at a time.")
    @APIResponse(responseCode = "201", description = "The snapshot, published",
            headers = @Header(ref = LOCATION), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<SnapshotResponse> take(@Valid @NotNull(message = Problem.BODY_REQUIRED) SnapshotRequest request,
            @Context UriInfo uri) {
        SnapshotResponse snapshot = snapshots.take(identity.getPrincipal().getName(), request.reason());
        return RestResponse.ResponseBuilder.<SnapshotResponse>created(
                uri.getAbsolutePathBuilder().path(snapshot.name()).build()).entity(snapshot).build();
    }

    @GET
    @Path("/{name}")
    @Produces(ZIP)
    @Operation(operationId = "getSnapshot", summary = "Download a snapshot",
            description = "The archive: `topics`, `participants`, `events`, `statements` and `reports`, each as"
                    + " `.ndjson` and `.csv`, then `manifest.json` and `SHA256SUMS` (check with `sha256sum -c"
                    + " SHA256SUMS` once unzipped). Its ETag is its SHA-256; `Range: bytes=first-last` resumes a"
                    + " download (206), `If-Range` with the ETag makes that safe, `If-None-Match` answers 304. With"
                    + " `Accept: application/json`, its description instead, as the list shows it.")
    @APIResponse(responseCode = "200", description = "The archive (or, asked for JSON, its description)",
            headers = {@Header(ref = ETAG), @Header(name = "Accept-Ranges", description = "`bytes`",
                    schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SnapshotResponse.class))})
    @APIResponse(responseCode = "206", description = "The range of the archive asked for",
            headers = {@Header(ref = ETAG), @Header(name = "Content-Range", description = "`bytes first-last/size`",
                    schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "`If-None-Match` names the archive's ETag",
            headers = @Header(ref = ETAG))
    @APIResponse(responseCode = "404", description = "No snapshot of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range starts past the end of the archive",
            headers = @Header(name = "Content-Range", description = "`bytes */size`",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(
            @Parameter(description = "The snapshot's name", example = "parley-20261206T000000000Z")
            @PathParam("name") String name,
            @Parameter(description = "One range of bytes to send, such as `bytes=1048576-`; several ranges, or a"
                    + " malformed one, get the whole archive")
            @HeaderParam("Range") String range,
            @Parameter(description = "Send only the range when the archive's ETag is this one, else all of it")
            @HeaderParam("If-Range") String ifRange,
            @Context Request request) {
        SnapshotResponse snapshot = find(name);
        EntityTag tag = new EntityTag(snapshot.sha256());
        Date made = Date.from(snapshot.manifest().createdAt());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(made, tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        java.nio.file.Path archive = snapshots.archive(snapshot);
        Optional<ByteRange> part = ifRange == null || ifRange.trim().equals("\"" + snapshot.sha256() + "\"")
                ? ByteRange.of(range, snapshot.bytes()) : Optional.empty();
        Response.ResponseBuilder response = part.map(r -> Response.status(206)
                        .entity(new PathPart(archive, r.first(), r.length()))
                        .header("Content-Range", r.contentRange()))
                // a part even for the whole: given a Path, Quarkus REST would apply a Range itself, answering 200
                .orElseGet(() -> Response.ok(new PathPart(archive, 0, snapshot.bytes())));
        return response.type(ZIP).tag(tag).lastModified(made).header("Accept-Ranges", "bytes")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + snapshot.name() + ".zip\"")
                .build();
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    @Operation(hidden = true) // documented with the download, which shares its GET
    public SnapshotResponse describe(@PathParam("name") String name) {
        return find(name);
    }

    private SnapshotResponse find(String name) {
        return snapshots.find(name).orElseThrow(() -> ProblemException.notFound("Snapshot", name));
    }
}
