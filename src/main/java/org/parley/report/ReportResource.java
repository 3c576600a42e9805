package org.parley.report;

import static org.parley.web.ApiDefinition.NOT_FOUND;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Texts of the reports that sources document, kept by the import")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("/{sha256}")
    @Operation(operationId = "getReport", summary = "Read a report's text",
            description = "The text of a report, named by the SHA-256 that sources give as `textSha256`: kept when an"
                    + " import's source carried it. A statement's `span` counts in it.")
    @APIResponse(responseCode = "200", description = "The report's text")
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public ReportResponse get(@Parameter(description = "SHA-256 of the text, lowercase hexadecimal",
            example = ReportResponse.EXAMPLE_SHA256) @PathParam("sha256") String sha256) {
        return service.get(sha256);
    }
}
