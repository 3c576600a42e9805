package org.parley.code;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.NOT_FOUND;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.ProblemException;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;

@Path("/api/v1/codes")
@Tag(name = "Codes", description = "The coding schemes events use")
@Produces(MediaType.APPLICATION_JSON)
public class CodeResource {

    private final CameoCodes cameo;

    public CodeResource(CameoCodes cameo) {
        this.cameo = cameo;
    }

    @GET
    @Path("/cameo")
    @Operation(operationId = "listCameoCodes", summary = "List the CAMEO event codes",
            description = "The CAMEO 1.1b3 codebook as GDELT publishes it: code, label and Goldstein value.")
    @APIResponse(responseCode = "200", description = "One page of codes, in codebook order")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<CameoCode>> listCameo(
            @Parameter(description = "Only codes starting with this prefix, e.g. `04` for all consultations")
            @QueryParam("prefix") String prefix,
            @Parameter(description = "Case-insensitive text in the label", example = "visit")
            @QueryParam("q") String q,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Params params = new Params();
        String text = params.text("q", q, 100);
        String digits = params.digits("prefix", prefix, 4);
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<CameoCode> codes = cameo.all().stream()
                .filter(c -> digits == null || c.code().startsWith(digits))
                .filter(c -> needle == null || c.label().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        return Paging.page(codes, page, size, uri);
    }

    @GET
    @Path("/cameo/{code}")
    @Operation(operationId = "getCameoCode", summary = "Read one CAMEO event code",
            description = "The code's label and Goldstein scale value, from the CAMEO codebook.")
    @APIResponse(responseCode = "200", description = "The code")
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public CameoCode getCameo(@Parameter(description = "The code", example = "041") @PathParam("code") String code) {
        return cameo.find(code).orElseThrow(() -> ProblemException.notFound("CAMEO code", code));
    }
}
