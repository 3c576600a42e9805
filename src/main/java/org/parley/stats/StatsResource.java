package org.parley.stats;

import static org.parley.web.ApiDefinition.BAD_REQUEST;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.event.EventFilterParams;
import org.parley.event.EventQuery;
import org.parley.stats.StatsResponses.Dyad;
import org.parley.stats.StatsResponses.Period;
import org.parley.stats.StatsResponses.TopicCount;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;

@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Counts over the events that the list filters select")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService service;

    public StatsResource(StatsService service) {
        this.service = service;
    }

    @GET
    @Path("/dyads")
    @Operation(operationId = "listDyads", summary = "Pairs of countries that met, most frequent first",
            description = "Country pairs of participants at the same event, among the events the filters select"
                    + " (the filters of /events; `country=CN` gives China's partners).")
    @APIResponse(responseCode = "200", description = "One page of pairs")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<Dyad>> dyads(@BeanParam EventFilterParams filters, @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Params params = new Params();
        EventQuery query = filters.toQuery(params);
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        return Paging.page(service.dyads(query), page, size, uri);
    }

    @GET
    @Path("/timeline")
    @Operation(operationId = "getTimeline", summary = "Events per period",
            description = "Events per year, quarter or month among the events the filters select; repeat `country`"
                    + " for a pair (events involving both). Periods without events are listed with 0.")
    @APIResponse(responseCode = "200", description = "One page of periods, oldest first")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<Period>> timeline(@BeanParam EventFilterParams filters,
            @Parameter(description = "Length of a period", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"year", "quarter", "month"}, defaultValue = "month"))
            @QueryParam("interval") String interval,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        Params params = new Params();
        EventQuery query = filters.toQuery(params);
        StatsService.Interval length = interval == null ? StatsService.Interval.MONTH
                : params.optionalEnum("interval", interval, StatsService.Interval.class);
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        return Paging.page(service.timeline(query, length), page, size, uri);
    }

    @GET
    @Path("/topics")
    @Operation(operationId = "listTopicCounts", summary = "Topics ranked by events and statements",
            description = "Topics of the events the filters select (`country=CN` for China's), with the number of"
                    + " those events and of their statements tagged with each.")
    @APIResponse(responseCode = "200", description = "One page of topics, most frequent first")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    public RestResponse<PageResponse<TopicCount>> topics(@BeanParam EventFilterParams filters,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        Params params = new Params();
        EventQuery query = filters.toQuery(params);
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        return Paging.page(service.topics(query), page, size, uri);
    }
}
