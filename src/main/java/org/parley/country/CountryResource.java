package org.parley.country;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.ProblemException;
import org.parley.value.CountryCodes;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;

@Path("/api/v1/countries")
@Tag(name = "Countries", description = "Every ISO 3166-1 country, with how many events involve it")
@Produces(MediaType.APPLICATION_JSON)
public class CountryResource {

    private static final Map<String, Comparator<CountryResponse>> SORTS = Map.of(
            "code", Comparator.comparing(CountryResponse::code),
            "name", Comparator.comparing(CountryResponse::name),
            "events", Comparator.comparingLong(CountryResponse::events).thenComparing(CountryResponse::code));

    private final CountryService service;

    public CountryResource(CountryService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listCountries", summary = "List countries with their event coverage",
            description = "All ISO 3166-1 countries by alpha-2 code, with the number of events each takes part in"
                    + " or is discussed at, and the dates of its first and last event.")
    @APIResponse(responseCode = "200", description = "One page of countries; `Link` and `X-Total-Count` headers")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<CountryResponse>> list(
            @Parameter(description = "`true`: only countries with at least one event; `false`: only those without",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("covered") String covered,
            @Parameter(description = "Case-insensitive text in the English name or a code", example = "stan")
            @QueryParam("q") String q,
            @Parameter(description = "`code` (default), `name` or `events`, `-` in front for descending")
            @QueryParam("sort") String sort,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Params params = new Params();
        Boolean onlyCovered = params.bool("covered", covered);
        String text = params.text("q", q, 100);
        String order = params.sortKey(sort, "code", SORTS.keySet());
        boolean descending = order.startsWith("-");
        Comparator<CountryResponse> comparator = SORTS.get(descending ? order.substring(1) : order);
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<CountryResponse> countries = service.all().stream()
                .filter(c -> onlyCovered == null || onlyCovered == (c.events() > 0))
                .filter(c -> needle == null || c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || c.code().equalsIgnoreCase(needle) || needle.equalsIgnoreCase(c.alpha3()))
                .sorted(descending ? comparator.reversed() : comparator)
                .toList();
        return Paging.page(countries, page, size, uri);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCountry", summary = "Read one country with its event coverage",
            description = "By ISO 3166-1 alpha-2 or alpha-3 code in any case: events as participant and as subject,"
                    + " first and last event date.")
    @APIResponse(responseCode = "200", description = "The country")
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public CountryResponse get(
            @Parameter(description = "ISO 3166-1 alpha-2 or alpha-3 code, any case", example = "KAZ")
            @PathParam("code") String code) {
        String alpha2 = CountryCodes.normalize(code);
        if (alpha2 == null) {
            throw ProblemException.notFound("Country", code);
        }
        return service.get(alpha2);
    }
}
