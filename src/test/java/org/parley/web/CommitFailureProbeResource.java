package org.parley.web;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.exception.GenericJDBCException;

/**
 * Test only: fails as a write does when the database fails at commit (the flush at commit runs inside the
 * transaction manager, which wraps the driver's error in a RollbackException, which ArC wraps again), with the
 * SQLSTATE of the path.
 */
@Path("/test-only/commit-failure/{sqlState}")
public class CommitFailureProbeResource {

    @POST
    @Operation(hidden = true)
    public String fail(@PathParam("sqlState") String sqlState) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new GenericJDBCException("could not execute statement",
                new SQLException("the database said no", sqlState)));
        throw new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }

    /**
     * Fails as the commit itself does when the connection breaks during it: Narayana's RollbackException carries the
     * resource's XAException, whose cause is the driver's error, as a suppressed exception, not as its cause.
     */
    @POST
    @Path("/at-commit")
    @Operation(hidden = true)
    public String failAtCommit(@PathParam("sqlState") String sqlState) {
        XAException xa = new XAException("Error trying to transactionCommit local transaction: I/O error");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", sqlState));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        throw new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }
}
