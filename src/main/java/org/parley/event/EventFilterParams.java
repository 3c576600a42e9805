package org.parley.event;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.web.FilterParams;
import org.parley.web.Params;

/** The filters of event lists and exports, as query parameters. */
public class EventFilterParams implements FilterParams<EventQuery> {

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 or alpha-3 code, any case; repeat it for events involving all"
            + " the countries given", example = "[\"KZ\"]")
    public List<String> country;

    @QueryParam("countryRole")
    @Parameter(description = "How `country` must be involved: as a participant's country, as a subject, or either",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"participant", "subject", "any"},
                    defaultValue = "any"))
    public String countryRole;

    @QueryParam("from")
    @Parameter(description = "Earliest event date, inclusive (ISO date)", example = "2022-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest event date, inclusive (ISO date)", example = "2022-12-31")
    public String to;

    @QueryParam("type")
    @Parameter(description = "Event type; repeat it for any of several",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EventType.class))
    public List<String> type;

    @QueryParam("topic")
    @Parameter(description = "Topic slug; repeat it for events with any of several",
            example = "[\"kazakhstan-unrest\"]")
    public List<String> topic;

    @QueryParam("participant")
    @Parameter(description = "Id of a participant who took part", example = "1")
    public String participant;

    @QueryParam("q")
    @Parameter(description = "Words that must all appear in the title, the summary or a statement, each in any of"
            + " its inflections (a statement's in its language; titles, summaries and translations are English); case"
            + " and accents are ignored (securite finds sécurité). `\"révolutions de couleur\"` in quotes: these words"
            + " adjacent, in this order; `kazakh*`: words that start so. At most 10 words", example = "Kazakhstan")
    public String q;

    @QueryParam("status")
    @Parameter(description = "ANNOUNCED, HELD or CANCELLED; repeat it for any of several",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EventStatus.class))
    public List<String> status;

    @QueryParam("cameo")
    @Parameter(description = "CAMEO code prefix: `04` is every consultation, `041` only telephone calls",
            example = "04")
    public String cameo;

    @Override
    public EventQuery toQuery(Params params) {
        EventQuery query = new EventQuery(
                params.countries("country", country),
                countryRole == null ? CountryRole.ANY : params.optionalEnum("countryRole", countryRole, CountryRole.class),
                params.date("from", from),
                params.date("to", to),
                params.enums("type", type, EventType.class),
                params.slugs("topic", topic),
                params.id("participant", participant),
                params.search("q", q),
                params.enums("status", status, EventStatus.class),
                params.digits("cameo", cameo, 4));
        params.range("from", query.from(), "to", query.to());
        return query;
    }
}
