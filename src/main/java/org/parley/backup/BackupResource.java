package org.parley.backup;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.security.Roles;

/** The backups of the embedded H2 database, for administrators: the ones kept, and one taken now. */
@Path("/api/v1/backups")
@Tag(name = "Backups", description = "Backups of the embedded H2 database (administrators only)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = BASIC)
public class BackupResource {

    private static final Logger LOG = Logger.getLogger(BackupResource.class);

    private final Backups backups;
    private final SecurityIdentity identity;

    public BackupResource(Backups backups, SecurityIdentity identity) {
        this.backups = backups;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listBackups", summary = "List the backups kept",
            description = "The verified backups of the embedded H2 database in its backups' folder, newest first, with"
                    + " the schedule. On PostgreSQL, `applies` is false and the list empty: its backups are the"
                    + " server's. The archives hold the whole database, accounts included, and are not served here.")
    @APIResponse(responseCode = "200", description = "The backups kept")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    public BackupList list() {
        return backups.kept();
    }

    @POST
    @Operation(operationId = "takeBackup", summary = "Take a backup now",
            description = "Backs the embedded H2 database up while Parley serves, opens the archive and counts its"
                    + " records, then keeps the newest as the schedule does. A 409 on PostgreSQL.")
    @APIResponse(responseCode = "200", description = "The backup taken and verified")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public BackupTaken take(@Valid @NotNull(message = Problem.BODY_REQUIRED) BackupRequest request) {
        if (!backups.applies()) {
            throw ProblemException.conflict("Parley backs up only its embedded H2 database; this one is backed up by"
                    + " its server's own tools");
        }
        Backup backup = backups.take();
        if (request.reason() != null) {
            LOG.infof("Backup %s taken on demand by %s: %s", backup.file().getFileName(), identity.getPrincipal()
                    .getName(), request.reason());
        }
        return BackupTaken.from(backup);
    }
}
