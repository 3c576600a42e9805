package org.parley.store;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: writes that fail as a full disk makes them fail, without filling one (the harness
 * {@code reliability/full_disk.py} fills real ones): H2's failed commit, which the transaction manager keeps as the
 * suppressed cause of its rollback, and PostgreSQL's {@code disk_full}.
 */
@Path("/test-only/full-disk")
@Produces(MediaType.APPLICATION_JSON)
public class FullDiskProbeResource {

    @POST
    @Path("/h2-commit")
    @Operation(hidden = true)
    public String h2Commit() throws RollbackException {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to"
                + " channel failed\"", "HY000", 50000, new IllegalStateException("Writing failed",
                        new IOException("No space left on device"))));
        throw rollback;
    }

    @POST
    @Path("/postgresql")
    @Operation(hidden = true)
    public String postgresql() {
        throw new jakarta.persistence.PersistenceException("could not execute statement",
                new SQLException("ERROR: could not extend file \"base/16384/16385\": No space left on device",
                        "53100"));
    }

    @POST
    @Path("/other")
    @Operation(hidden = true)
    public String other() throws IOException {
        throw new IOException("Permission denied");
    }
}
