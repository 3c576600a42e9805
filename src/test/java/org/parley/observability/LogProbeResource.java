package org.parley.observability;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** Test only: an endpoint that writes a log line, on a worker thread like every blocking endpoint of the API. */
@Path("/test-only/log")
public class LogProbeResource {

    static final String MESSAGE = "log probe";
    private static final Logger LOG = Logger.getLogger(LogProbeResource.class);

    @GET
    @Operation(hidden = true)
    public String log() {
        LOG.info(MESSAGE);
        return "logged";
    }
}
