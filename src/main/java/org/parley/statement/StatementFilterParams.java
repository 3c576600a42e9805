package org.parley.statement;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.web.FilterParams;
import org.parley.web.Params;

/** The filters of statement lists and exports, as query parameters. */
public class StatementFilterParams implements FilterParams<StatementQuery> {

    @QueryParam("event")
    @Parameter(description = "Id of the event", example = "1")
    public String event;

    @QueryParam("speaker")
    @Parameter(description = "Id of the speaking participant", example = "1")
    public String speaker;

    @QueryParam("country")
    @Parameter(description = "The speaker's country, ISO 3166-1 alpha-2 or alpha-3, any case", example = "CN")
    public String country;

    @QueryParam("topic")
    @Parameter(description = "Topic slug; repeat it for statements with any of several",
            example = "[\"colour-revolutions\"]")
    public List<String> topic;

    @QueryParam("language")
    @Parameter(description = "Language of the text (BCP 47); `fr` also matches `fr-CA`", example = "fr")
    public String language;

    @QueryParam("from")
    @Parameter(description = "Earliest event date, inclusive (ISO date)", example = "2022-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest event date, inclusive (ISO date)", example = "2022-12-31")
    public String to;

    @QueryParam("q")
    @Parameter(description = "Words that must all appear in the text or its translation, each in any of its"
            + " inflections in the statement's language (revolution finds révolutions; the translation is English);"
            + " case and accents are ignored (securite finds sécurité). `\"révolutions de couleur\"` in quotes: these"
            + " words adjacent, in this order; `kazakh*`: words that start so. At most 10 words",
            example = "Asie centrale")
    public String q;

    @Override
    public StatementQuery toQuery(Params params) {
        StatementQuery query = new StatementQuery(
                params.id("event", event),
                params.id("speaker", speaker),
                params.country("country", country),
                params.slugs("topic", topic),
                params.language("language", language),
                params.date("from", from),
                params.date("to", to),
                params.search("q", q));
        params.range("from", query.from(), "to", query.to());
        return query;
    }
}
